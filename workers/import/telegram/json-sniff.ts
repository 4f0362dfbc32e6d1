/**
 * Is the head of a file a Telegram Desktop JSON export? A JSON object with "messages" (or a
 * full-account export's sections) and keys only Telegram writes. Meta's DYI JSON
 * also has "messages" but uses "sender_name"/"timestamp_ms", which Telegram never writes.
 */

const SNIFF_BYTES = 64 * 1024;

/** Keys or values that only Telegram's JSON writer produces. */
const TELEGRAM_MARKERS = [
  /"date_unixtime"\s*:/u,
  /"text_entities"\s*:/u,
  /"from_id"\s*:/u,
  /"personal_information"\s*:/u,
  // Every chat type writeDialogStart writes; an empty single-chat export has nothing else to go by.
  /"type"\s*:\s*"(?:personal_chat|bot_chat|private_group|private_supergroup|public_supergroup|private_channel|public_channel|saved_messages|replies|verification_codes)"/u,
  // A chat of a type the exporter did not know is written "type": null, then its id and messages.
  /"type"\s*:\s*null\s*,\s*"id"\s*:\s*-?\d+\s*,\s*"messages"\s*:/u,
  /"type"\s*:\s*"(?:message|service)"\s*,\s*"date"\s*:/u,
  /"date"\s*:\s*"[^"]*"\s*,\s*"type"\s*:\s*"(?:message|service)"/u,
];
/**
 * The root sections that hold a chat list or come before it. A full-account export writes the
 * account sections first (personal_information, profile_pictures, stories, contacts,
 * frequent_contacts, sessions, other_data) and its "chats" last, so with a long contact list the
 * head holds no "chats" at all (tdesktop export_controller.cpp, fillExportSteps).
 */
const EXPORT_SECTIONS = /"(?:messages|chats|left_chats|personal_information|profile_pictures|stories|contacts|frequent_contacts|sessions|web_sessions|other_data)"\s*:/u;
const META_MARKERS = [/"sender_name"\s*:/u, /"timestamp_ms"\s*:/u, /"senderName"\s*:/u];

export function sniffTelegramJson(head: Uint8Array): boolean {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(head.subarray(0, SNIFF_BYTES)).replace(/^\uFEFF/u, '').trimStart();
  if (!text.startsWith('{')) return false;
  if (!EXPORT_SECTIONS.test(text)) return false;
  if (META_MARKERS.some((marker) => marker.test(text))) return false;
  return TELEGRAM_MARKERS.some((marker) => marker.test(text));
}
