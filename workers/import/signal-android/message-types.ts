/**
 * The `type` column of Signal Android's messages (`type` of `sms`, `msg_box` or `type` of `mms`,
 * `type` of `message`): one 64-bit number holding several fields, as Signal-Android's
 * MessageTypes.java defines them (app/src/main/java/org/thoughtcrime/securesms/database/
 * MessageTypes.java, commit 175ad4d; the same values are MmsSmsColumns.Types in older versions,
 * commit 04d7464). The low five bits (BASE_TYPE_MASK 0x1F) are one base type: a box (inbox 20,
 * outbox 21, sending 22, sent 23, failed 24, pending SMS fallbacks 25 and 26, draft 27) or an event
 * (calls 1-3, 8, 10-12, joined 4, profile change 7 and the others named below). Bits above it are
 * flags: secure/push/end-session, group update/leave/v2 and the expiration-timer update, the key
 * exchange and identity bits, the encryption bits, and (0xF00000000) one "special type" (story
 * reaction, gift badge, payments, reported spam, message request accepted). Signal draws every
 * event from these numbers and composes its words when it shows them; this reader does the same in
 * English and says so (extra.textGenerated). A base type or special type MessageTypes does not
 * define is kept as its number and warned about.
 */

export const BASE_TYPE_MASK = 0x1f;

/** MessageTypes' base types, by value. */
export const BASE_TYPES: Readonly<Record<number, string>> = {
  1: 'INCOMING_AUDIO_CALL_TYPE',
  2: 'OUTGOING_AUDIO_CALL_TYPE',
  3: 'MISSED_AUDIO_CALL_TYPE',
  4: 'JOINED_TYPE',
  5: 'UNSUPPORTED_MESSAGE_TYPE',
  6: 'INVALID_MESSAGE_TYPE',
  7: 'PROFILE_CHANGE_TYPE',
  8: 'MISSED_VIDEO_CALL_TYPE',
  9: 'GV1_MIGRATION_TYPE',
  10: 'INCOMING_VIDEO_CALL_TYPE',
  11: 'OUTGOING_VIDEO_CALL_TYPE',
  12: 'GROUP_CALL_TYPE',
  13: 'BAD_DECRYPT_TYPE',
  14: 'CHANGE_NUMBER_TYPE',
  // BOOST_REQUEST_TYPE in MmsSmsColumns.Types (04d7464).
  15: 'RELEASE_CHANNEL_DONATION_REQUEST_TYPE',
  16: 'THREAD_MERGE_TYPE',
  17: 'SMS_EXPORT_TYPE',
  18: 'SESSION_SWITCHOVER_TYPE',
  20: 'BASE_INBOX_TYPE',
  21: 'BASE_OUTBOX_TYPE',
  22: 'BASE_SENDING_TYPE',
  23: 'BASE_SENT_TYPE',
  24: 'BASE_SENT_FAILED_TYPE',
  25: 'BASE_PENDING_SECURE_SMS_FALLBACK',
  26: 'BASE_PENDING_INSECURE_SMS_FALLBACK',
  27: 'BASE_DRAFT_TYPE',
};

const INBOX = 20;
const SENT_FAILED = 24;
const DRAFT = 27;
/** MessageTypes.OUTGOING_MESSAGE_TYPES: outbox, sent, sending, failed, the two SMS fallbacks, outgoing calls. */
const OUTGOING_BASES = new Set([21, 22, 23, 24, 25, 26, 2, 11]);
/** isPendingMessageType (outbox, sending) and the pending SMS fallbacks: not sent when the copy was made. */
const NOT_YET_SENT_BASES = new Set([21, 22, 25, 26]);
/** Calls to the owner: incoming audio and video, and the missed ones (isCallLog's incoming side). */
const INCOMING_CALL_BASES = new Set([1, 3, 8, 10]);
/** Rows that arrived from the other side but could not be shown as a message. */
const INCOMING_FAILURE_BASES = new Set([5, 6, 13]);

/** The words Signal's event of each base type stands for (composed here, not stored). */
const BASE_EVENT_TEXT: Readonly<Record<number, string>> = {
  1: 'Incoming voice call',
  2: 'Outgoing voice call',
  3: 'Missed voice call',
  4: 'Joined Signal',
  5: 'A message from a newer version of Signal that this version could not show',
  6: 'A message that could not be processed (invalid)',
  7: 'Changed their profile name',
  8: 'Missed video call',
  9: 'The group was migrated to a new group type',
  10: 'Incoming video call',
  11: 'Outgoing video call',
  12: 'Group call',
  13: 'A message could not be decrypted',
  14: 'Changed their phone number',
  15: 'A donation request from Signal',
  16: 'The chat history was merged with another chat of the same person',
  17: 'A notice about exporting SMS',
  18: 'The session switched to another of the person’s identities',
};

// Flags (MessageTypes).
const KEY_EXCHANGE_BIT = 0x8000;
const KEY_EXCHANGE_IDENTITY_VERIFIED_BIT = 0x4000;
const KEY_EXCHANGE_IDENTITY_DEFAULT_BIT = 0x2000;
const KEY_EXCHANGE_IDENTITY_UPDATE_BIT = 0x200;
const SECURE_MESSAGE_BIT = 0x800000;
const END_SESSION_BIT = 0x400000;
const PUSH_MESSAGE_BIT = 0x200000;
const GROUP_UPDATE_BIT = 0x10000;
const GROUP_LEAVE_BIT = 0x20000;
const EXPIRATION_TIMER_UPDATE_BIT = 0x40000;
const GROUP_V2_BIT = 0x80000;
const ENCRYPTION_REMOTE_FAILED_BIT = 0x10000000;
const ENCRYPTION_REMOTE_DUPLICATE_BIT = 0x04000000;
const MESSAGE_RATE_LIMITED_BIT = 0x80;
const MESSAGE_FORCE_SMS_BIT = 0x40;
/** SPECIAL_TYPES_MASK 0xF00000000: above 2^32, where JavaScript's bit operators do not reach, so read by division. */
const SPECIAL_TYPE_UNIT = 0x100000000;
const SPECIAL_TYPE_FIELD = 0x10;

/** MessageTypes' special types (the value of bits 32-35), with whether the row is an event and its words. */
const SPECIAL_TYPES: Readonly<Record<number, { name: string; event: string | null }>> = {
  1: { name: 'SPECIAL_TYPE_STORY_REACTION', event: null },
  2: { name: 'SPECIAL_TYPE_GIFT_BADGE', event: null },
  3: { name: 'SPECIAL_TYPE_PAYMENTS_NOTIFICATION', event: null },
  4: { name: 'SPECIAL_TYPE_PAYMENTS_ACTIVATE_REQUEST', event: 'Asked to activate payments' },
  5: { name: 'SPECIAL_TYPE_REPORTED_SPAM', event: 'Reported as spam' },
  6: { name: 'SPECIAL_TYPE_MESSAGE_REQUEST_ACCEPTED', event: 'Message request accepted' },
  8: { name: 'SPECIAL_TYPE_PAYMENTS_ACTIVATED', event: 'Activated payments' },
  9: { name: 'SPECIAL_TYPE_PAYMENTS_TOMBSTONE', event: 'A payment whose details were removed' },
};

export interface TypeReading {
  baseType: number;
  /** MessageTypes' name of the base type; null when it defines none for this value. */
  baseName: string | null;
  /** The special type (bits 32-35), 0 when none. */
  specialType: number;
  specialName: string | null;
  direction: 'incoming' | 'outgoing' | null;
  /** The words of the event when the row is one (kind 'system'); null for a message. */
  event: string | null;
  /** The flags set, by MessageTypes' names. */
  flags: string[];
  failed: boolean;
  draft: boolean;
  notYetSent: boolean;
  /** Why the value is not fully understood (an undefined base or special type); null when it is. */
  unknown: string | null;
}

const FLAG_NAMES: readonly [number, string][] = [
  [MESSAGE_FORCE_SMS_BIT, 'MESSAGE_FORCE_SMS_BIT'],
  [MESSAGE_RATE_LIMITED_BIT, 'MESSAGE_RATE_LIMITED_BIT'],
  [KEY_EXCHANGE_IDENTITY_UPDATE_BIT, 'KEY_EXCHANGE_IDENTITY_UPDATE_BIT'],
  [KEY_EXCHANGE_IDENTITY_DEFAULT_BIT, 'KEY_EXCHANGE_IDENTITY_DEFAULT_BIT'],
  [KEY_EXCHANGE_IDENTITY_VERIFIED_BIT, 'KEY_EXCHANGE_IDENTITY_VERIFIED_BIT'],
  [KEY_EXCHANGE_BIT, 'KEY_EXCHANGE_BIT'],
  [GROUP_UPDATE_BIT, 'GROUP_UPDATE_BIT'],
  [GROUP_LEAVE_BIT, 'GROUP_LEAVE_BIT'],
  [EXPIRATION_TIMER_UPDATE_BIT, 'EXPIRATION_TIMER_UPDATE_BIT'],
  [GROUP_V2_BIT, 'GROUP_V2_BIT'],
  [PUSH_MESSAGE_BIT, 'PUSH_MESSAGE_BIT'],
  [END_SESSION_BIT, 'END_SESSION_BIT'],
  [SECURE_MESSAGE_BIT, 'SECURE_MESSAGE_BIT'],
  [ENCRYPTION_REMOTE_DUPLICATE_BIT, 'ENCRYPTION_REMOTE_DUPLICATE_BIT'],
  [ENCRYPTION_REMOTE_FAILED_BIT, 'ENCRYPTION_REMOTE_FAILED_BIT'],
];

/** Whether bit `bit` (below 2^32) is set in `type`, which may exceed 2^32 (JavaScript's & works on 32 bits). */
function has(type: number, bit: number): boolean {
  return Math.floor(type / bit) % 2 === 1;
}

/** Reads one type value (a non-negative integer; the caller refuses others). */
export function readType(type: number): TypeReading {
  const baseType = type % (BASE_TYPE_MASK + 1);
  const specialType = Math.floor(type / SPECIAL_TYPE_UNIT) % SPECIAL_TYPE_FIELD;
  const baseName = BASE_TYPES[baseType] ?? null;
  const special = specialType === 0 ? null : (SPECIAL_TYPES[specialType] ?? null);
  const flags = FLAG_NAMES.filter(([bit]) => has(type, bit)).map(([, name]) => name);
  const unknowns: string[] = [];
  if (baseName === null) unknowns.push(`base type ${baseType} (type & 0x1F) is not one Signal-Android's MessageTypes defines`);
  if (specialType !== 0 && special === null) unknowns.push(`special type ${specialType} (bits 32-35) is not one MessageTypes defines`);
  const outgoing = OUTGOING_BASES.has(baseType) || baseType === DRAFT;
  const incoming = baseType === INBOX || INCOMING_CALL_BASES.has(baseType) || INCOMING_FAILURE_BASES.has(baseType);
  const direction = outgoing ? 'outgoing' : incoming ? 'incoming' : null;
  return {
    baseType,
    baseName,
    specialType,
    specialName: special?.name ?? (specialType === 0 ? null : `undefined (${specialType})`),
    direction,
    event: eventOf(type, baseType, special?.event ?? null),
    flags,
    failed: baseType === SENT_FAILED,
    draft: baseType === DRAFT,
    notYetSent: NOT_YET_SENT_BASES.has(baseType),
    unknown: unknowns.length === 0 ? null : unknowns.join('; '),
  };
}

/**
 * The event a row stands for, in the order Signal's MessageRecord checks them (group update before
 * the timer, identity changes, session refresh), or null for a message a person wrote.
 */
function eventOf(type: number, baseType: number, specialEvent: string | null): string | null {
  const baseEvent = BASE_EVENT_TEXT[baseType];
  if (baseEvent !== undefined) return baseEvent;
  if (has(type, GROUP_UPDATE_BIT) || (has(type, GROUP_LEAVE_BIT) && !has(type, GROUP_V2_BIT))) {
    // isGroupV2LeaveOnly: v2 + leave + update; isGroupQuit: leave without v2.
    if (has(type, GROUP_LEAVE_BIT)) return 'Left the group';
    return 'The group was updated (its members, title or settings)';
  }
  if (has(type, EXPIRATION_TIMER_UPDATE_BIT)) return 'The disappearing-messages timer was changed';
  if (has(type, KEY_EXCHANGE_IDENTITY_UPDATE_BIT)) return 'The safety number changed';
  if (has(type, KEY_EXCHANGE_IDENTITY_VERIFIED_BIT)) return 'The safety number was marked as verified';
  if (has(type, KEY_EXCHANGE_IDENTITY_DEFAULT_BIT)) return 'The safety number was marked as not verified';
  if (has(type, END_SESSION_BIT)) return 'The secure session was reset';
  if (has(type, ENCRYPTION_REMOTE_FAILED_BIT)) return 'The chat session was refreshed (a message could not be decrypted)';
  if (has(type, KEY_EXCHANGE_BIT)) return 'A key exchange message';
  return specialEvent;
}

/** The type in hexadecimal, as MessageTypes writes its masks, for the record (extra.typeHex). */
export function typeHex(type: number): string {
  return `0x${type.toString(16)}`;
}
