/**
 * Rows of `messages` that are not messages: Signal stores group changes, safety-number changes,
 * timer changes, calls and the like in the same table, told apart by `type`. They become system
 * records with a sentence for the reader; the type and the raw details stay in extra.
 */

import type { JsonObject } from './json-fields.ts';
import { firstText, jsonNumber, jsonObject, jsonObjects, jsonText } from './json-fields.ts';
import type { NameOf } from './message-parts.ts';

/** The types that are messages someone wrote; every other type is a system record. */
export const MESSAGE_TYPES: ReadonlySet<string> = new Set(['incoming', 'outgoing']);

/** A sentence describing a non-message row. */
export function systemText(type: string, message: JsonObject | null, nameOf: NameOf): string {
  switch (type) {
    case 'keychange': {
      const who = firstText(message, ['key_changed']);
      return `Safety number changed with ${nameOf(who) ?? who ?? 'a contact'}`;
    }
    case 'verified-change': {
      const who = firstText(message, ['verifiedChanged']);
      const verified = message?.['verified'] === true ? 'marked as verified' : 'marked as not verified';
      return `Safety number of ${nameOf(who) ?? who ?? 'a contact'} ${verified}`;
    }
    case 'timer-notification': {
      const update = jsonObject(message, 'expirationTimerUpdate');
      const seconds = jsonNumber(update, 'expireTimer');
      const who = firstText(update, ['sourceServiceId', 'sourceUuid', 'source']);
      const by = who === null ? '' : ` by ${nameOf(who) ?? who}`;
      return seconds === null || seconds === 0 ? `Disappearing messages turned off${by}` : `Disappearing messages set to ${seconds} seconds${by}`;
    }
    case 'profile-change': {
      const change = jsonObject(message, 'profileChange');
      const who = firstText(message, ['changedId']);
      return `${nameOf(who) ?? 'A contact'} changed their profile name from "${jsonText(change, 'oldName') ?? ''}" to "${jsonText(change, 'newName') ?? ''}"`;
    }
    case 'group-v2-change': {
      const change = jsonObject(message, 'groupV2Change');
      const who = firstText(change, ['from']);
      const details = jsonObjects(change, 'details').map((detail) => jsonText(detail, 'type') ?? 'change');
      return `Group changed by ${nameOf(who) ?? who ?? 'someone'}${details.length > 0 ? `: ${details.join(', ')}` : ''}`;
    }
    case 'call-history':
      return 'Call';
    case 'chat-session-refreshed':
      return 'Chat session refreshed';
    case 'change-number-notification':
      return 'A contact changed their phone number';
    default:
      return `Signal event: ${type}`;
  }
}
