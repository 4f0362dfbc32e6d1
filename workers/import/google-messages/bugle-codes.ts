/**
 * The coded values of bugle_db, as AOSP Messaging defines them: the open-source app ("Bugle",
 * com.android.messaging) whose database Google Messages grew out of, with the same file name and
 * tables. Sources: AOSP packages/apps/Messaging, src/com/android/messaging/datamodel/data/
 * MessageData.java (PROTOCOL_*, BUGLE_STATUS_*, BUGLE_STATUS_FIRST_INCOMING) and ParticipantData.java
 * (OTHER_THAN_SELF_SUB_ID = -2, isSelf()), which ALEAPP's googleMessages.py (Josh Hickman) also
 * cites for its direction. Google Messages has values AOSP never had. Its protocols are named
 * from Google Messages' own MessageData (a decompiled build in the public repository
 * forgedordor/one, com/google/android/apps/messaging/shared/datamodel/data/MessageData.java,
 * commit 36086d6): the method that throws "Invalid Message Protocol" names 3 RCS, 4 Cloud Sync,
 * 5 Tombstone, 6 EMP and 7 Satellite beside AOSP's 0-2, for the value its messages-table builder
 * (defpackage/brdu.java) writes to `message_protocol`. ALEAPP, the Android SMS readers of this
 * repository and the forensic write-ups searched (Magnet, SANS FOR585 notes, cellphoneforensics.ca)
 * map no protocol value. Other values, and its statuses beyond AOSP's, are kept as numbers and said
 * to be undocumented, but for its tombstones: the same build's TombstoneStatusChecker
 * (defpackage/byed.java, logged as shared/datamodel/tombstones/status/TombstoneStatusChecker)
 * counts every status from 200 to 270 as a tombstone (g(i): i >= 200 && i <= 270; MessageData's
 * tombstone methods throw "Tombstone %d has unknown read status" for any other), a notice the app
 * shows in a conversation and whose words it composes when showing it (MessageData.ds calls
 * TombstoneStatusChecker.c, not decompiled); only some keep a text part (MessageData.dq).
 */

/**
 * `messages.message_protocol`: AOSP's MessageData.PROTOCOL_* (-1 to 2), and 3 to 7 as one
 * decompiled Google Messages build names them (see above): no documentation confirms them, and
 * other builds were not checked, so each record says which of the two its name rests on
 * (protocolNameBasis).
 */
export const BUGLE_PROTOCOLS: Readonly<Record<number, string>> = {
  [-1]: 'unknown',
  0: 'sms',
  1: 'mms',
  2: 'mms-push-notification',
  3: 'rcs',
  4: 'cloud-sync',
  5: 'tombstone',
  6: 'emp',
  7: 'satellite',
};

/** `messages.message_status` (MessageData.BUGLE_STATUS_*), named as getStatusDescription() names them. */
export const BUGLE_STATUSES: Readonly<Record<number, string>> = {
  0: 'UNKNOWN',
  1: 'OUTGOING_COMPLETE',
  2: 'OUTGOING_DELIVERED',
  3: 'OUTGOING_DRAFT',
  4: 'OUTGOING_YET_TO_SEND',
  5: 'OUTGOING_SENDING',
  6: 'OUTGOING_RESENDING',
  7: 'OUTGOING_AWAITING_RETRY',
  8: 'OUTGOING_FAILED',
  9: 'OUTGOING_FAILED_EMERGENCY_NUMBER',
  100: 'INCOMING_COMPLETE',
  101: 'INCOMING_YET_TO_MANUAL_DOWNLOAD',
  102: 'INCOMING_RETRYING_MANUAL_DOWNLOAD',
  103: 'INCOMING_MANUAL_DOWNLOADING',
  104: 'INCOMING_RETRYING_AUTO_DOWNLOAD',
  105: 'INCOMING_AUTO_DOWNLOADING',
  106: 'INCOMING_DOWNLOAD_FAILED',
  107: 'INCOMING_EXPIRED_OR_NOT_AVAILABLE',
};

/** Statuses of a message whose sending or download failed (107, expired on the server, is not a failure of the phone). */
const FAILED_STATUSES = new Set([8, 9, 106]);
const DRAFT_STATUS = 3;

/**
 * Outgoing statuses of a message the app had not sent, with what each says. AOSP sets
 * OUTGOING_COMPLETE only in MessageData.markMessageSent; before that a message is YET_TO_SEND
 * (updateSendingMessage, once the user pressed send), SENDING (markMessageSending,
 * markMessageManualResend), RESENDING (markMessageResending) or AWAITING_RETRY (canSendMessage: it
 * may be sent again). Those four are "not yet sent"; a draft and a failure were not sent either.
 * Each of these writes sent_timestamp with the time sending was asked for, tried or given up.
 */
const NOT_SENT_STATUSES: Readonly<Record<number, string>> = {
  3: 'a draft, never sent',
  4: 'waiting to be sent',
  5: 'being sent',
  6: 'being sent again',
  7: 'waiting to be tried again after a try that did not go through',
  8: 'sending failed',
  9: 'sending failed (an emergency number)',
};
const NOT_YET_SENT_STATUSES = new Set([4, 5, 6, 7]);

/** TombstoneStatusChecker.g: the statuses of tombstones. What each one says is not established here. */
const FIRST_TOMBSTONE_STATUS = 200;
const LAST_TOMBSTONE_STATUS = 270;
/** MessageData.ar(5): "Tombstone". */
const TOMBSTONE_PROTOCOL = 5;

function isTombstoneStatus(status: number): boolean {
  return status >= FIRST_TOMBSTONE_STATUS && status <= LAST_TOMBSTONE_STATUS;
}

/**
 * Why a row is a tombstone, a notice of the app rather than a message someone sent, or null when
 * neither its status nor its protocol says it is one.
 */
export function tombstoneReason(status: number | null, protocol: number | null): string | null {
  const notice = 'a notice Google Messages shows in the conversation, not a message a person sent: the app composes its words when it shows it, and the database may keep none; who the row\'s sender_id participant is to the notice is not recorded';
  if (status !== null && isTombstoneStatus(status)) return `message_status ${status} is a tombstone (Google Messages counts ${FIRST_TOMBSTONE_STATUS} to ${LAST_TOMBSTONE_STATUS} as tombstones): ${notice}`;
  if (protocol === TOMBSTONE_PROTOCOL) return `message_protocol ${TOMBSTONE_PROTOCOL} is the Tombstone protocol: ${notice}`;
  return null;
}

/** `participants.sub_id` of everyone but the phone's own SIM(s) (ParticipantData.OTHER_THAN_SELF_SUB_ID). */
export const OTHER_THAN_SELF_SUB_ID = -2;

export interface StatusReading {
  /** The AOSP name, or "undocumented (N)" for a value AOSP does not define. */
  name: string;
  /** From the status alone; null when the value is not one AOSP defines. */
  direction: 'incoming' | 'outgoing' | null;
  failed: boolean;
  draft: boolean;
  /** Queued, being sent or waiting for a retry (4 to 7): not sent when the database was copied. */
  notYetSent: boolean;
}

/**
 * What a documented status says. AOSP counts every status from BUGLE_STATUS_FIRST_INCOMING (100) up
 * as incoming and the outgoing ones below it; only the values it lists are read so, since a value
 * Google Messages added may not keep to those ranges.
 */
export function readStatus(status: number): StatusReading {
  if (isTombstoneStatus(status)) return { name: `tombstone (${status})`, direction: null, failed: false, draft: false, notYetSent: false };
  const name = BUGLE_STATUSES[status];
  if (name === undefined) return { name: `undocumented (${status})`, direction: null, failed: false, draft: false, notYetSent: false };
  const direction = name.startsWith('INCOMING') ? 'incoming' : name.startsWith('OUTGOING') ? 'outgoing' : null;
  return { name, direction, failed: FAILED_STATUSES.has(status), draft: status === DRAFT_STATUS, notYetSent: NOT_YET_SENT_STATUSES.has(status) };
}

/**
 * For a reader who would take an outgoing message for a sent one: what a status of a message the
 * app never sent says, in words; null for every other status. What it says of when a message is
 * recorded as sent rests on AOSP Messaging's code, and says so: Google Messages' is not public.
 */
export function notSentNote(status: number): string | null {
  const what = NOT_SENT_STATUSES[status];
  if (what === undefined) return null;
  return `Not recorded as sent in this database: ${what} (message_status ${status}, ${BUGLE_STATUSES[status] ?? ''}). In AOSP Messaging, the open-source app whose status codes bugle_db keeps (Google Messages' own code is not public), a message is recorded as sent (OUTGOING_COMPLETE) only once sending succeeds, and the sent timestamp of one in this status, if set, is when sending was asked for, tried or given up, not when it was sent.`;
}

export function protocolName(protocol: number): string {
  return BUGLE_PROTOCOLS[protocol] ?? `undocumented (${protocol})`;
}

/** Protocol values AOSP Messaging defines (MessageData.PROTOCOL_*); the others named here come from the decompiled build. */
const AOSP_PROTOCOLS = new Set([-1, 0, 1, 2]);

/** What a protocol's name rests on, for the record (extra.protocolNameFrom); null when the value is not named. */
export function protocolNameBasis(protocol: number): string | null {
  if (BUGLE_PROTOCOLS[protocol] === undefined) return null;
  if (AOSP_PROTOCOLS.has(protocol)) return 'AOSP Messaging MessageData.PROTOCOL_*';
  return 'a decompiled build of Google Messages (public repository forgedordor/one, commit 36086d6, MessageData), not documented by Google or AOSP; other builds were not checked';
}

/** A participant row is the phone's owner when its sub_id is anything but OTHER_THAN_SELF_SUB_ID; null when it has none. */
export function isSelfSubId(subId: number | null): boolean | null {
  return subId === null ? null : subId !== OTHER_THAN_SELF_SUB_ID;
}
