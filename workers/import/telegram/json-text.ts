/**
 * Telegram JSON `text`: a plain string, or an array mixing strings and entity objects
 * ({type, text, href?...}). Flattened to the plain text a reader sees; a `text_link` keeps its
 * target in the text, because the hidden URL is often the evidence ("click here" → a payment or
 * recruitment site).
 */

import { isJsonObject } from './json-walker.ts';
import { MEDIA_KEYS } from './json-media.ts';
import type { DuplicateKey, JsonObject, JsonValue } from './json-walker.ts';

export function flattenTelegramText(text: JsonValue | undefined): string {
  if (text === undefined || text === null) return '';
  if (typeof text === 'string') return text;
  if (Array.isArray(text)) return text.map((part) => flattenPart(part)).join('');
  if (isJsonObject(text)) return flattenPart(text);
  return String(text);
}

function flattenPart(part: JsonValue): string {
  if (typeof part === 'string') return part;
  if (!isJsonObject(part)) return part === null ? '' : String(part);
  return entityText(part);
}

function entityText(entity: JsonObject): string {
  const shown = typeof entity['text'] === 'string' ? entity['text'] : flattenTelegramText(entity['text']);
  const href = entity['href'];
  if (typeof href !== 'string' || href === '' || href === shown) return shown;
  // A link with no words of its own (a hidden link-preview target) shows only its target: the
  // space that separates words from target would stand alone at the start of the text.
  return shown === '' ? `(${href})` : `${shown} (${href})`;
}

/**
 * The entities that carry a fact their text does not show: a `mention_name`'s user_id (the only
 * link from a name to the account mentioned), a `custom_emoji`'s document_id, a `pre`'s language,
 * a `text_link`'s href. Flattening keeps only the text, so these are kept beside it.
 */
export function entityFacts(text: JsonValue | undefined): JsonObject[] {
  if (!Array.isArray(text)) return [];
  return text.filter((part): part is JsonObject => isJsonObject(part) && Object.keys(part).some((key) => key !== 'type' && key !== 'text'));
}

/**
 * How Telegram and the HTML export show a name the JSON exporter wrote as null (StringAllowNull):
 * a deleted account's. In a service action only names are ever null (a deleted member, inviter,
 * or the "from"/"to" of proximity_reached): leaving them out dropped the inviter from the line,
 * and a member list read "Courier, null".
 */
const DELETED_ACCOUNT = 'Deleted Account';

/**
 * A readable line for a service message whose own text is empty:
 * "Alice: phone_call (duration_seconds: 56; discard_reason: hangup)". Every per-action field is
 * shown, in the order the exporter wrote them: tdesktop adds actions and fields with each release
 * (boost_apply's boosts, send_star_gift's stars and gift_text, topic_edit's new_title...), and a
 * list of known keys silently left the new ones out of the line the analyst reads and searches.
 * `duplicates` are values a repeated key overwrote: send_webview_data's data sits in a first
 * "text" key that the message's own (empty) "text" replaces.
 */
export function describeServiceMessage(message: JsonObject, duplicates: readonly DuplicateKey[] = []): string {
  const information = message['information_text'];
  if (typeof information === 'string' && information !== '') return information;
  const action = typeof message['action'] === 'string' ? message['action'] : 'service message';
  const actor = actorPrefix(message['actor'], message['actor_id']);
  const details: string[] = [];
  for (const { key, value } of duplicates) pushDetail(details, key, value);
  for (const [key, value] of Object.entries(message)) {
    if (!NOT_DETAILS.has(key)) pushDetail(details, key, value);
  }
  return `${actor}${action}${details.length > 0 ? ` (${details.join('; ')})` : ''}`;
}

/**
 * "Name: ", or for a deleted account (name null, id kept) Telegram's "Deleted Account" with the
 * id, which alone tells two deleted accounts apart; nothing when neither is written.
 */
function actorPrefix(actor: JsonValue | undefined, actorId: JsonValue | undefined): string {
  if (typeof actor === 'string') return `${actor}: `;
  const name = actor === null ? deletedAccountName(actorId) : null;
  return name === null ? '' : `${name}: `;
}

/**
 * How Telegram shows an account whose name the exporter wrote as null (a deleted account):
 * "Deleted Account", as the HTML export of the same chat writes it, with its id so that two of
 * them stay two people. Null when there is no id to go with it.
 */
export function deletedAccountName(id: JsonValue | undefined): string | null {
  if (typeof id !== 'string' && typeof id !== 'number') return null;
  return `${DELETED_ACCOUNT} (${String(id)})`;
}

function pushDetail(details: string[], key: string, value: JsonValue): void {
  const shown = detailText(key, value);
  if (shown !== '') details.push(`${key}: ${shown}`);
}

function detailText(key: string, value: JsonValue): string {
  if (value === null) return DELETED_ACCOUNT;
  // A text field (gift_text, send_webview_data's text) may be an entity array like a message's text.
  if (key === 'text' || key.endsWith('_text')) return flattenTelegramText(value);
  if (Array.isArray(value)) return value.map((item) => (typeof item === 'string' ? item : item === null ? DELETED_ACCOUNT : JSON.stringify(item))).join(', ');
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/**
 * Keys of a service message that are not what the action says: the envelope (id, dates, actor,
 * the message's own text) and a photo's file fields, which become an attachment
 * (edit_group_photo, suggest_profile_photo).
 */
const NOT_DETAILS: ReadonlySet<string> = new Set([
  'id',
  'type',
  'date',
  'date_unixtime',
  'edited',
  'edited_unixtime',
  'actor',
  'actor_id',
  'action',
  'information_text',
  'text',
  'text_entities',
  'reactions',
  'inline_bot_buttons',
  'width',
  'height',
  'media_spoiler',
  ...MEDIA_KEYS,
]);
