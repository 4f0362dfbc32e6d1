import type { ParsedParticipant } from '../contracts/parsed-source.ts';

/** A sender as the messages of a conversation write it, with the identifier the format gave. */
export interface SenderSeen {
  sender: string;
  senderId: string | null;
}

/**
 * An e-mail address (or anything of its shape: a WhatsApp or XMPP jid): a local part, "@", and a
 * host name of letters, digits, hyphens and dots. An RSMF id qualified by its manifest
 * ("P2@rsmf-manifest:3fa2b1c9d0e4", rsmf/manifest-directory.ts) is not one: its ":" is no host name's.
 */
const MAIL_ADDRESS = /^[^\s@]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*$/u;
/** A UUID in its usual text form (Signal's service ids). */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu;
/**
 * A phone number as people and phones punctuate it: an optional "+", digits, and spaces (also
 * no-break and thin ones), dashes, dots and brackets between them. At least five digits, so a
 * short code or an id of a few digits is compared as written.
 */
const PUNCTUATED_NUMBER = /^\+?[\d\s\u00a0\u2009\u202f().-]+$/u;
const NUMBER_PUNCTUATION = /[\s\u00a0\u2009\u202f().-]/gu;
const MIN_NUMBER_DIGITS = 5;

/**
 * The form in which two identifiers name the same person. Most are compared as written, since case
 * tells people apart in them: RSMF's manifest-local ids ("P2" and "p2" are two participants of a
 * manifest), Telegram's user ids, Signal's group ids (base64), an application's account ids. Case
 * is set aside only where the identifier's own standard gives it no meaning:
 * - an e-mail address: its domain is case-insensitive (RFC 5321 §2.4); its local part may be
 *   case-sensitive there, but RFC 5321 discourages relying on that and mail servers in practice do
 *   not, so a sender's address and a recipient list's spelling of it are one person. A jid of
 *   WhatsApp has this shape, with digits before its "@", so nothing changes for it;
 * - a UUID: its hex digits are "case insensitive on input" (RFC 9562 §4).
 * Phone numbers hold no letters, so case never mattered for them; their punctuation is set aside
 * ("+40 712-345-678" and "+40712345678" are one number: a phone writes an SMS backup's address as
 * the user typed it), but nothing else is: a "+" kept or dropped, a trunk "0" or "(0)", or a
 * country code may or may not name the same line, and only the digits as written can say
 * (the import's own matching of spellings, workers/import/phone-spellings.ts, decides chats).
 */
export function identifierKey(id: string): string {
  if (MAIL_ADDRESS.test(id) || UUID.test(id)) return id.toLowerCase();
  if (PUNCTUATED_NUMBER.test(id)) {
    const folded = id.replace(NUMBER_PUNCTUATION, '');
    if (folded.length - (folded.startsWith('+') ? 1 : 0) >= MIN_NUMBER_DIGITS) return folded;
  }
  return id;
}

/**
 * The version of the rules above (identifierKey, conversationParticipants). A case stores its
 * conversations' participants as these rules made them; one opened after they changed has them
 * made again (workers/db/repos/chat-participants.ts). 2: phone numbers' punctuation set aside.
 */
export const PARTICIPANT_RULES_VERSION = 2;

/** A label as shown, with the identifiers it was seen with (by identifierKey) and whether it was also seen without one. */
interface LabelSeen {
  ids: Map<string, string>;
  unidentified: boolean;
}

/**
 * A conversation's participants as shown: everyone who sent a message, as written (in the order
 * given), then everyone its sources name as taking part who did not send (group members, e-mail
 * recipients), each once. A named participant is the same person as a sender when their
 * identifiers agree (identifierKey), or when the sender is written as the participant's label or
 * name and no identifier says otherwise. Two people are never shown as one: senders written alike
 * with different identifiers are each shown with theirs ("Ana (+40711111111)"), and so is a named
 * participant whose name a sender has but whose identifier is not that sender's.
 */
export function conversationParticipants(senders: readonly SenderSeen[], declared: readonly ParsedParticipant[]): string[] {
  const byLabel = new Map<string, LabelSeen>();
  const see = (label: string, id: string | null): void => {
    const seen = byLabel.get(label) ?? { ids: new Map<string, string>(), unidentified: false };
    byLabel.set(label, seen);
    if (id === null) seen.unidentified = true;
    else if (!seen.ids.has(identifierKey(id))) seen.ids.set(identifierKey(id), id);
  };
  for (const { sender, senderId } of senders) see(sender, nonEmpty(senderId));
  const shown: string[] = [];
  const show = (label: string): void => {
    if (!shown.includes(label)) shown.push(label);
  };
  for (const [sender, seen] of byLabel) {
    if (seen.ids.size > 1) for (const id of seen.ids.values()) show(`${sender} (${id})`);
    else show(sender);
  }
  const ids = new Set([...byLabel.values()].flatMap((seen) => [...seen.ids.keys()]));
  for (const participant of declared) {
    const label = participantLabel(participant);
    if (label === null) continue;
    const id = nonEmpty(participant.id ?? null);
    if (id !== null && ids.has(identifierKey(id))) continue;
    const namesakes = [byLabel.get(label), participant.name === null ? undefined : byLabel.get(participant.name)].filter((seen) => seen !== undefined);
    // Written alike: the same person, unless both have identifiers and they differ.
    if (namesakes.some((seen) => id === null || seen.unidentified)) continue;
    show(namesakes.length > 0 && shown.includes(label) && id !== null ? `${label} (${id})` : label);
    see(label, id);
    if (id !== null) ids.add(identifierKey(id));
  }
  return shown;
}

/** "Name (id)", or the format's own label, or whichever of name and id there is; null for neither. */
export function participantLabel(participant: ParsedParticipant): string | null {
  if (participant.label !== undefined && participant.label !== '') return participant.label;
  const name = participant.name === null || participant.name === '' ? null : participant.name;
  const id = participant.id === undefined || participant.id === null || participant.id === '' ? null : participant.id;
  if (name !== null && id !== null) return name === id ? name : `${name} (${id})`;
  return name ?? id;
}

/** Adds `more` to `list`, skipping anyone already in it (same identifier by identifierKey, or same label without one). */
export function addParticipants(list: ParsedParticipant[], more: readonly ParsedParticipant[]): boolean {
  const keys = new Set(list.map(participantKey));
  let added = false;
  for (const participant of more) {
    const key = participantKey(participant);
    if (key === null || keys.has(key)) continue;
    keys.add(key);
    list.push(participant);
    added = true;
  }
  return added;
}

function participantKey(participant: ParsedParticipant): string | null {
  const id = nonEmpty(participant.id ?? null);
  if (id !== null) return `id:${identifierKey(id)}`;
  const label = participantLabel(participant);
  return label === null ? null : `label:${label}`;
}

function nonEmpty(text: string | null): string | null {
  return text === null || text === '' ? null : text;
}
