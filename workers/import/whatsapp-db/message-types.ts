/**
 * WhatsApp message type codes. Android uses one code list for the legacy `media_wa_type` and the
 * new `message_type`; iOS has its own `ZMESSAGETYPE`. Sources: FORMATS.md §5 (IPED extractors,
 * marked [source]/[belief] there). Unknown codes stay visible as "unknown (n)", never guessed.
 */

import type { MediaType } from '../../../shared/contracts/parsed-source.ts';

export interface MessageTypeInfo {
  label: string;
  /** The media the message carries, when it is a file (or a contact card / location). */
  mediaType?: MediaType;
  /** An event rather than something a person wrote (calls, group changes). */
  system?: boolean;
  /** The content was deleted ("This message was deleted"). */
  deleted?: boolean;
}

const ANDROID_TYPES: Record<number, MessageTypeInfo> = {
  0: { label: 'text' },
  1: { label: 'image', mediaType: 'image' },
  2: { label: 'audio', mediaType: 'audio' },
  3: { label: 'video', mediaType: 'video' },
  4: { label: 'contact', mediaType: 'contact' },
  5: { label: 'location', mediaType: 'location' },
  7: { label: 'system', system: true },
  8: { label: 'call', system: true },
  9: { label: 'document', mediaType: 'document' },
  10: { label: 'missed call', system: true },
  11: { label: 'waiting for this message' },
  13: { label: 'gif', mediaType: 'gif' },
  14: { label: 'contacts', mediaType: 'contact' },
  15: { label: 'deleted', deleted: true },
  16: { label: 'live location', mediaType: 'location' },
  20: { label: 'sticker', mediaType: 'sticker' },
  23: { label: 'product' },
  24: { label: 'group invite' },
  // A business's template message, its text in message_template [source: IPED, TEMPLATE_MESSAGE for 25-28].
  25: { label: 'template message' },
  26: { label: 'template message' },
  27: { label: 'template message' },
  28: { label: 'template message' },
  36: { label: 'disappearing messages setting', system: true },
  42: { label: 'view-once image', mediaType: 'image' },
  43: { label: 'view-once video', mediaType: 'video' },
  44: { label: 'order' },
  56: { label: 'disappearing messages setting', system: true },
  64: { label: 'deleted by admin', deleted: true },
  66: { label: 'poll' },
  82: { label: 'view-once audio', mediaType: 'audio' },
  90: { label: 'call', system: true },
  99: { label: 'album' },
  106: { label: 'poll' },
};

const IOS_TYPES: Record<number, MessageTypeInfo> = {
  0: { label: 'text' },
  1: { label: 'image', mediaType: 'image' },
  2: { label: 'video', mediaType: 'video' },
  3: { label: 'audio', mediaType: 'audio' },
  4: { label: 'contact', mediaType: 'contact' },
  5: { label: 'location', mediaType: 'location' },
  6: { label: 'group event', system: true },
  7: { label: 'link' },
  8: { label: 'document', mediaType: 'document' },
  10: { label: 'call or security event', system: true },
  11: { label: 'gif', mediaType: 'gif' },
  14: { label: 'deleted', deleted: true },
  15: { label: 'sticker', mediaType: 'sticker' },
  // [source: IPED ExtractorIOS.decodeMessageType, which reads real stores; no sample holds them]
  38: { label: 'view-once image', mediaType: 'image' },
  39: { label: 'view-once video', mediaType: 'video' },
  46: { label: 'poll' },
  53: { label: 'view-once audio', mediaType: 'audio' },
  59: { label: 'voice call', system: true },
  // A vote on a poll changing (Whatsapp-Chat-Exporter skips these rows as no message).
  66: { label: 'poll vote update', system: true },
};

function lookup(table: Record<number, MessageTypeInfo>, code: number | null): MessageTypeInfo {
  if (code === null) return { label: 'text' };
  return table[code] ?? { label: `unknown (${code})` };
}

export function androidMessageType(code: number | null): MessageTypeInfo {
  return lookup(ANDROID_TYPES, code);
}

export function iosMessageType(code: number | null): MessageTypeInfo {
  return lookup(IOS_TYPES, code);
}

/** Group and security events: new `message_system.action_type`, legacy `media_size` of a status-6 row. */
const ANDROID_SYSTEM_ACTIONS: Record<number, string> = {
  1: 'changed the group subject',
  4: 'added a participant',
  5: 'left the group',
  6: 'changed the group icon',
  7: 'removed a participant',
  11: 'created the group',
  12: 'added a participant',
  14: 'removed a participant',
  15: 'made a participant admin',
  18: 'security code changed',
  19: 'messages are now end-to-end encrypted',
  20: 'joined via an invite link',
  27: 'changed the group description',
  28: 'changed their phone number',
  46: 'this is a business account',
  58: 'blocked the contact',
  67: 'messages are end-to-end encrypted',
};

/** True when the action code has a label (so a text may replace it without hiding the code). */
export function isKnownSystemAction(code: number): boolean {
  return ANDROID_SYSTEM_ACTIONS[code] !== undefined;
}

export function androidSystemAction(code: number | null): string {
  if (code === null) return 'system event';
  return ANDROID_SYSTEM_ACTIONS[code] ?? `system event (action ${code})`;
}

/** iOS ZGROUPEVENTTYPE for ZMESSAGETYPE 6 (group events) and 10 (calls and security). */
const IOS_GROUP_EVENTS: Record<number, string> = {
  1: 'changed the group name',
  2: 'joined the group',
  3: 'left the group',
  4: 'changed the group icon',
  7: 'was removed from the group',
  12: 'created the group',
};
const IOS_CALL_EVENTS: Record<number, string> = {
  1: 'missed voice call',
  2: 'messages are now end-to-end encrypted',
  3: 'security code changed',
  4: 'missed video call',
  36: 'security code changed',
  45: 'missed voice call',
  46: 'missed video call',
};

/** System rows that are no group, call-list or security event: their type says what they are. */
const IOS_TYPE_EVENTS: Record<number, string> = { 59: 'voice call', 66: 'poll vote update' };

export function iosEventText(messageType: number | null, eventType: number | null): string {
  const own = messageType === null ? undefined : IOS_TYPE_EVENTS[messageType];
  if (own !== undefined) return own;
  const table = messageType === 6 ? IOS_GROUP_EVENTS : IOS_CALL_EVENTS;
  if (eventType === null) return messageType === 6 ? 'group event' : 'call or security event';
  return table[eventType] ?? `${messageType === 6 ? 'group event' : 'event'} (type ${eventType})`;
}

/** File-like media get an attachment record; locations and plain text do not. */
export function isFileMedia(mediaType: MediaType | undefined): boolean {
  return mediaType !== undefined && mediaType !== 'location' && mediaType !== 'contact';
}
