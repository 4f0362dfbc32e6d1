/**
 * Telegram JSON `text`: a plain string, or an array mixing strings and entity objects
 * ({type, text, href?...}). Flattened to the plain text a reader sees; a `text_link` keeps its
 * target in the text, because the hidden URL is often the evidence ("click here" → a payment or
 * recruitment site).
 */

import { isJsonObject } from './json-walker.ts';
import type { JsonObject, JsonValue } from './json-walker.ts';

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
  if (typeof href === 'string' && href !== '' && href !== shown) return `${shown} (${href})`;
  return shown;
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

/** A readable line for a service message whose own text is empty: "Alice: phone_call (duration_seconds: 56)". */
export function describeServiceMessage(message: JsonObject): string {
  const information = message['information_text'];
  if (typeof information === 'string' && information !== '') return information;
  const action = typeof message['action'] === 'string' ? message['action'] : 'service message';
  const actor = typeof message['actor'] === 'string' ? `${message['actor']}: ` : '';
  const details: string[] = [];
  for (const key of SERVICE_DETAIL_KEYS) {
    const value = message[key];
    if (value === undefined || value === null || value === '') continue;
    details.push(`${key}: ${Array.isArray(value) ? value.map((item) => (typeof item === 'string' ? item : JSON.stringify(item))).join(', ') : typeof value === 'object' ? JSON.stringify(value) : String(value)}`);
  }
  return `${actor}${action}${details.length > 0 ? ` (${details.join('; ')})` : ''}`;
}

/** Per-action fields worth showing in the generated line (FORMATS.md §2.1). */
const SERVICE_DETAIL_KEYS = [
  'title',
  'members',
  'inviter',
  'message_id',
  'duration_seconds',
  'duration',
  'discard_reason',
  'period',
  'emoticon',
  'game_message_id',
  'score',
  'amount',
  'currency',
  'distance',
  'from_id',
  'to_id',
] as const;
