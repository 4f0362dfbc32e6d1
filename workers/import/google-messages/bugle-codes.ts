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
 * map no protocol value. Statuses beyond AOSP's are named from the same build: defpackage/avbn.java
 * a(), the status description MessageData.aD() returns, names 10-24 and 108-117; MessageData
 * counts 1-25 as outgoing (cT) and 100-117 as incoming (cJ), and 8, 9, 13, 18, 19, 22, 24, 25
 * (cU), with 106, 107, 111-114 (cL), as failures; 17 and 21, which avbn names FAILED, are read as
 * failed from their names (FAILED_BY_NAME_STATUSES). Its tombstones: the same build's TombstoneStatusChecker
 * (defpackage/byed.java, logged as shared/datamodel/tombstones/status/TombstoneStatusChecker)
 * counts every status from 200 to 270 as a tombstone (g(i): i >= 200 && i <= 270; MessageData's
 * tombstone methods throw "Tombstone %d has unknown read status" for any other), a notice the app
 * shows in a conversation and whose words it composes when showing it (MessageData.ds calls
 * TombstoneStatusChecker.c, not decompiled); only some keep a text part (MessageData.dq). The
 * event of each tombstone is named by the same status description avbn.a() (TOMBSTONE_STATUSES);
 * it leaves 20 of the 71 unnamed (213, 216 and 219 among them), and those stay "tombstone (N)". ALEAPP's
 * googleMessages.py reads no status, and no write-up searched names them. Other values are kept as
 * numbers and said to be undocumented.
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

/**
 * `messages.message_status` values Google Messages adds to AOSP's, as one decompiled build names
 * them (avbn.a(), without its MESSAGE_STATUS_ prefix; see above). Other builds were not checked,
 * so each record says its status name rests on that build (statusNameBasis).
 */
export const GOOGLE_MESSAGES_STATUSES: Readonly<Record<number, string>> = {
  10: 'OUTGOING_SEND_AFTER_PROCESSING',
  11: 'OUTGOING_DISPLAYED',
  12: 'OUTGOING_CANCELED',
  13: 'OUTGOING_FAILED_TOO_LARGE',
  14: 'OUTGOING_NOT_DELIVERED_YET',
  15: 'OUTGOING_REVOCATION_PENDING',
  16: 'OUTGOING_SCHEDULED',
  17: 'OUTGOING_FAILED_RECIPIENT_LOST_RCS',
  18: 'OUTGOING_FAILED_NO_RETRY_NO_FALLBACK',
  19: 'OUTGOING_FAILED_RECIPIENT_DID_NOT_DECRYPT',
  20: 'OUTGOING_VALIDATING',
  21: 'OUTGOING_FAILED_RECIPIENT_LOST_ENCRYPTION',
  22: 'OUTGOING_FAILED_RECIPIENT_DID_NOT_DECRYPT_NO_MORE_RETRY',
  23: 'OUTGOING_DELETED',
  24: 'OUTGOING_FAILED_RECIPIENT_NEGATIVE_DELIVERY',
  108: 'INCOMING_DELIVERED',
  109: 'INCOMING_DISPLAYED',
  110: 'INCOMING_DOWNLOAD_CANCELED',
  111: 'INCOMING_DOWNLOAD_FAILED_TOO_LARGE',
  112: 'INCOMING_DOWNLOAD_FAILED_SIM_HAS_NO_DATA',
  115: 'INCOMING_AWAITING_AUTO_DOWNLOAD',
  116: 'INCOMING_UNKNOWN_CONTENT_TYPE',
  117: 'INCOMING_DELETED',
};

/**
 * Tombstone statuses by the event the build names (avbn.a(), without its MESSAGE_STATUS_ prefix).
 * Who the notice is about (the participant who joined, the new name) is not in these columns: the
 * app composes it from other rows when it shows the notice (see above).
 */
export const TOMBSTONE_STATUSES: Readonly<Record<number, string>> = {
  200: 'TOMBSTONE_PARTICIPANT_JOINED',
  201: 'TOMBSTONE_PARTICIPANT_LEFT',
  202: 'TOMBSTONE_SELF_LEFT',
  203: 'TOMBSTONE_RCS_GROUP_CREATED',
  204: 'TOMBSTONE_MMS_GROUP_CREATED',
  205: 'TOMBSTONE_SMS_BROADCAST_CREATED',
  206: 'TOMBSTONE_ONE_ON_ONE_SMS_CREATED',
  207: 'TOMBSTONE_ONE_ON_ONE_RCS_CREATED',
  208: 'TOMBSTONE_SWITCH_TO_GROUP_MMS',
  209: 'TOMBSTONE_SWITCH_TO_BROADCAST_SMS',
  210: 'TOMBSTONE_SHOW_LINK_PREVIEWS',
  211: 'TOMBSTONE_GROUP_RENAMED_LOCAL',
  212: 'TOMBSTONE_VERIFIED_SMS_APPLICABLE',
  214: 'TOMBSTONE_PROTOCOL_SWITCH_TO_TEXT',
  215: 'TOMBSTONE_PROTOCOL_SWITCH_TO_RCS',
  217: 'TOMBSTONE_GROUP_RENAMED_GLOBAL',
  218: 'TOMBSTONE_GROUP_NAME_CLEARED_GLOBAL',
  220: 'TOMBSTONE_SELF_REMOVED_FROM_GROUP',
  221: 'TOMBSTONE_PARTICIPANT_REMOVED_FROM_GROUP',
  225: 'TOMBSTONE_ENCRYPTED_GROUP_PARTICIPANT_JOINED',
  226: 'TOMBSTONE_ENCRYPTED_GROUP_PARTICIPANT_JOINED_INFO',
  227: 'TOMBSTONE_ENCRYPTED_GROUP_PARTICIPANT_LEFT',
  228: 'TOMBSTONE_ENCRYPTED_GROUP_SELF_LEFT',
  229: 'TOMBSTONE_ENCRYPTED_GROUP_CREATED',
  230: 'TOMBSTONE_SELF_REMOVED_FROM_ENCRYPTED_GROUP',
  231: 'TOMBSTONE_PARTICIPANT_REMOVED_FROM_ENCRYPTED_GROUP',
  233: 'TOMBSTONE_GROUP_PROTOCOL_SWITCH_RCS_TO_E2EE',
  234: 'TOMBSTONE_GROUP_PROTOCOL_SWITCH_E2EE_TO_RCS',
  235: 'TOMBSTONE_PROTOCOL_SWITCH_TEXT_TO_E2EE',
  236: 'TOMBSTONE_PROTOCOL_SWITCH_E2EE_TO_TEXT',
  237: 'TOMBSTONE_PROTOCOL_SWITCH_RCS_TO_E2EE',
  238: 'TOMBSTONE_PROTOCOL_SWITCH_E2EE_TO_RCS',
  240: 'TOMBSTONE_RBM_SIM_SWITCH',
  246: 'TOMBSTONE_SATELLITE_END_OF_EMERGENCY_SUCCESS_HELP_STILL_NEEDED',
  247: 'TOMBSTONE_SATELLITE_END_OF_EMERGENCY_SUCCESS_HELP_NO_LONGER_NEEDED',
  248: 'TOMBSTONE_SATELLITE_END_OF_EMERGENCY_FAILURE_HELP_STILL_NEEDED',
  249: 'TOMBSTONE_SATELLITE_END_OF_EMERGENCY_FAILURE_HELP_NO_LONGER_NEEDED',
  250: 'TOMBSTONE_SATELLITE_END_OF_EMERGENCY_UNEXPECTED_END',
  252: 'TOMBSTONE_GROUP_PROTOCOL_SWITCH_E2EE_TO_MMS',
  253: 'TOMBSTONE_PENPAL_PROACTIVE_MESSAGE_NOTICE',
  255: 'TOMBSTONE_CHATBOT_UNSUBSCRIBE_SENT',
  256: 'TOMBSTONE_CHATBOT_SUBSCRIBE_SENT',
  257: 'TOMBSTONE_CHATBOT_UNSUBSCRIBE_SUCCESS',
  258: 'TOMBSTONE_CHATBOT_SUBSCRIBE_SUCCESS',
  259: 'TOMBSTONE_ACTIVE_SELF_IDENTITY_CHANGED',
  260: 'TOMBSTONE_GROUP_ICON_CHANGED_GLOBAL',
  261: 'TOMBSTONE_GROUP_ICON_CLEARED_GLOBAL',
  262: 'TOMBSTONE_CHATBOT_UNSUBSCRIBE_ERROR',
  263: 'TOMBSTONE_CHATBOT_SUBSCRIBE_ERROR',
  266: 'TOMBSTONE_CHATBOT_UNSUBSCRIBE_CONFIRMED_NO_LINK',
  267: 'TOMBSTONE_CHATBOT_SUBSCRIBE_CONFIRMED_NO_LINK',
};

/** The build's outgoing (MessageData.cT) and incoming (cJ) ranges, for a value it counts but does not name. */
const BUILD_OUTGOING = { first: 1, last: 25 };
const BUILD_INCOMING = { first: 100, last: 117 };

/**
 * Statuses of a message whose sending or download failed: AOSP's 8, 9 and 106 (107, expired on the
 * server, is not a failure of the phone), and the build's other failures (cU, cL).
 */
const FAILED_STATUSES = new Set([8, 9, 106, 13, 18, 19, 22, 24, 25, 111, 112, 113, 114]);
/**
 * Outgoing statuses the build names FAILED (avbn.a: OUTGOING_FAILED_RECIPIENT_LOST_RCS,
 * OUTGOING_FAILED_RECIPIENT_LOST_ENCRYPTION) without counting them among its failures (cU, cL; nor
 * does its status helper baui.s). Nothing in that build counts them sent either: its sent
 * statuses are 1, 2, 11, 14 and 15 (avbn.f, baui.p). Why cU leaves them out is not shown (no code
 * of that build that writes 17 or 21 was found); they are flagged failed and not sent, as their
 * names say, and each record says that reading rests on the name alone.
 */
const FAILED_BY_NAME_STATUSES = new Set([17, 21]);
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

/**
 * The build's further outgoing statuses of a message not sent, by its names and its code: 10 is
 * set before sending (MessageData.bj; bc fails a message in 10 or 4), 16 is grouped with the draft
 * (avbn.d), 12 is set when sending is cancelled (aV, aY), and the failures are cU's. 20, 17 and 21
 * rest on their names alone (FAILED_BY_NAME_STATUSES). Its sent statuses are 1, 2, 11, 14 and 15
 * (avbn.f); 23 (OUTGOING_DELETED) says nothing of sending, so it gets no note.
 */
const BUILD_NOT_SENT_STATUSES: Readonly<Record<number, string>> = {
  10: 'waiting to be sent once it is processed',
  12: 'sending was cancelled',
  13: 'sending failed (the message was too large)',
  16: 'scheduled to be sent later',
  17: 'sending failed: the recipient lost RCS (from its name only: that build does not count it among its failures)',
  18: 'sending failed, with no retry and no fallback',
  19: 'sending failed (the recipient could not decrypt it)',
  20: 'being validated before sending (from its name only)',
  21: 'sending failed: the recipient lost encryption (from its name only: that build does not count it among its failures)',
  22: 'sending failed (the recipient could not decrypt it; no more retries)',
  24: 'sending failed (the recipient reported it not delivered)',
  25: 'sending failed (a status that build counts as a failure but does not name)',
};
const NOT_YET_SENT_STATUSES = new Set([4, 5, 6, 7, 10, 16, 20]);

/** TombstoneStatusChecker.g: the statuses of tombstones (the events the build names: TOMBSTONE_STATUSES). */
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
  if (status !== null && isTombstoneStatus(status)) {
    const event = TOMBSTONE_STATUSES[status];
    const named = event === undefined ? 'the build read names no event for this value' : `the event ${event}, as a decompiled build of the app names it`;
    return `message_status ${status} is a tombstone (Google Messages counts ${FIRST_TOMBSTONE_STATUS} to ${LAST_TOMBSTONE_STATUS} as tombstones), ${named}: ${notice}`;
  }
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
  if (isTombstoneStatus(status)) return { name: TOMBSTONE_STATUSES[status] ?? `tombstone (${status})`, direction: null, failed: false, draft: false, notYetSent: false };
  const name = BUGLE_STATUSES[status] ?? GOOGLE_MESSAGES_STATUSES[status];
  const flags = { failed: FAILED_STATUSES.has(status) || FAILED_BY_NAME_STATUSES.has(status), draft: status === DRAFT_STATUS, notYetSent: NOT_YET_SENT_STATUSES.has(status) };
  if (name === undefined) {
    // Counted by the build (25 is outgoing and failed there) without a name: its reading, not a name.
    const direction = inRange(status, BUILD_OUTGOING) ? 'outgoing' : inRange(status, BUILD_INCOMING) ? 'incoming' : null;
    return direction === null ? { name: `undocumented (${status})`, direction, failed: false, draft: false, notYetSent: false } : { name: `undocumented (${status})`, direction, ...flags };
  }
  const direction = name.startsWith('INCOMING') ? 'incoming' : name.startsWith('OUTGOING') ? 'outgoing' : null;
  return { name, direction, ...flags };
}

function inRange(status: number, range: { first: number; last: number }): boolean {
  return status >= range.first && status <= range.last;
}

const BUILD_SOURCE = 'a decompiled build of Google Messages (public repository forgedordor/one, commit 36086d6';

/** What a status's name and reading rest on, for the record (extra.statusNameFrom); null when nothing names or counts it. */
export function statusNameBasis(status: number): string | null {
  if (BUGLE_STATUSES[status] !== undefined) return 'AOSP Messaging MessageData.BUGLE_STATUS_*';
  if (isTombstoneStatus(status)) {
    const named = TOMBSTONE_STATUSES[status] === undefined ? `; its status description, defpackage/avbn.java a(), names no event for ${status}` : '; the event named by its status description, defpackage/avbn.java a()';
    return `${BUILD_SOURCE}, defpackage/byed.java TombstoneStatusChecker: ${FIRST_TOMBSTONE_STATUS} to ${LAST_TOMBSTONE_STATUS} are tombstones${named}), not documented by Google or AOSP; other builds were not checked`;
  }
  if (FAILED_BY_NAME_STATUSES.has(status)) {
    return `${BUILD_SOURCE}, defpackage/avbn.java a(), the status description MessageData gives; direction from its MessageData; failed from the name alone: that build counts it neither among its failures, MessageData.cU, nor among its sent statuses, avbn.f), not documented by Google or AOSP; other builds were not checked`;
  }
  if (GOOGLE_MESSAGES_STATUSES[status] !== undefined) return `${BUILD_SOURCE}, defpackage/avbn.java a(), the status description MessageData gives; direction and failure from its MessageData), not documented by Google or AOSP; other builds were not checked`;
  if (inRange(status, BUILD_OUTGOING) || inRange(status, BUILD_INCOMING)) {
    return `${BUILD_SOURCE}) names no status ${status}; its MessageData counts it ${inRange(status, BUILD_OUTGOING) ? 'outgoing' : 'incoming'}${FAILED_STATUSES.has(status) ? ' and failed' : ''}; not documented by Google or AOSP; other builds were not checked`;
  }
  return null;
}

/**
 * For a reader who would take an outgoing message for a sent one: what a status of a message the
 * app never sent says, in words; null for every other status. What it says of when a message is
 * recorded as sent rests on AOSP Messaging's code, and says so: Google Messages' is not public.
 */
export function notSentNote(status: number): string | null {
  const fromBuild = BUILD_NOT_SENT_STATUSES[status];
  if (fromBuild !== undefined) {
    return `Not recorded as sent in this database: ${fromBuild} (message_status ${status}, ${GOOGLE_MESSAGES_STATUSES[status] ?? 'unnamed'}). This reading rests on ${BUILD_SOURCE}), not on documentation; other builds were not checked. Its sent timestamp, if set, is not a time the message was sent.`;
  }
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
