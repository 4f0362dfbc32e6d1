/**
 * One row of bugle_db's `messages` as a ParsedMessage. Columns as AOSP Messaging's
 * DatabaseHelper.MessageColumns defines them: `sender_id` and `self_id` point into participants,
 * `received_timestamp` ("time that we received the message on this device", Unix milliseconds;
 * the one AOSP sorts by and copies into parts.timestamp, which ALEAPP's googleMessages.py reads
 * as milliseconds) and `sent_timestamp` ("the time that the sender sent the message"),
 * `message_protocol` and `message_status` (coded as bugle-codes.ts says), `seen`, `read`, and the
 * MMS and provider columns. Direction: from the status when AOSP defines the value; otherwise from
 * the sender, who is the owner when the sender's sub_id is not -2 (as ALEAPP decides it, reading
 * no status at all); when both tell and disagree, the status is taken and the sender's side kept
 * in extra.senderSideDisagrees. An outgoing message the app never sent (a draft, one still queued,
 * being sent or awaiting a retry, a failure) says so in extra.notSentNote (bugle-codes.ts). A
 * tombstone (a status from 200 to 270, or protocol 5: bugle-codes.ts) is a notice of the app: a
 * 'system' record from no one and with no direction, its reason in extra.systemReason, the row's
 * status, protocol and sender_id participant kept in extra.
 */

import type { ParsedMessage } from '../../../shared/contracts/parsed-source.ts';
import type { ColumnRequest, Row } from '../sqlite/index.ts';
import { flagValue, integerValue, isoOrNull, nonEmptyText, putExtra, sqliteRowLocator, unixTime } from '../sqlite/index.ts';
import { notSentNote, protocolName, protocolNameBasis, readStatus, statusNameBasis, tombstoneReason } from './bugle-codes.ts';
import type { BugleConversations } from './conversations.ts';
import type { PartsReader } from './message-parts.ts';
import type { BugleParticipant } from './participants.ts';

/** Columns read by name; missing ones (older or newer app versions) read as NULL. */
export const MESSAGE_COLUMNS: readonly (string | ColumnRequest)[] = [
  '_id',
  'conversation_id',
  'sender_id',
  'self_id',
  { name: 'sent_timestamp', asText: true },
  { name: 'received_timestamp', asText: true },
  'message_protocol',
  'message_status',
  'seen',
  'read',
  'sms_message_uri',
  'sms_priority',
  'sms_message_size',
  'mms_subject',
  'mms_transaction_id',
  'mms_content_location',
  { name: 'mms_expiry', asText: true },
  'raw_status',
  { name: 'retry_start_timestamp', asText: true },
  'mms_reports_info',
];

export interface MessageContext {
  file: string;
  participants: ReadonlyMap<number, BugleParticipant>;
  conversations: BugleConversations;
  parts: PartsReader;
}

export function messageRowToMessage(row: Row, context: MessageContext): ParsedMessage {
  const conversationId = integerValue(row['conversation_id']);
  const chatKey = context.conversations.chatKeyFor(conversationId);
  const senderId = integerValue(row['sender_id']);
  const sender = senderId === null ? undefined : context.participants.get(senderId);
  const status = integerValue(row['message_status']);
  const statusReading = status === null ? null : readStatus(status);
  const extra: Record<string, unknown> = {};
  const protocol = integerValue(row['message_protocol']);
  const tombstone = tombstoneReason(status, protocol);
  // A tombstone is the app's, not a person's: its sender_id says neither who sent it nor a direction.
  const bySender = tombstone !== null ? null : sender?.isSelf === true ? 'outgoing' : sender?.isSelf === false ? 'incoming' : null;
  const direction = tombstone !== null ? null : statusReading?.direction ?? bySender;

  const received = unixTime(row['received_timestamp'], row['received_timestamp__text']);
  const sent = unixTime(row['sent_timestamp'], row['sent_timestamp__text']);
  // AOSP leaves a timestamp it never set at 0; a row without a received time is placed at its sent time, and says so.
  const time = received.time ?? sent.time;
  if (received.time === null && sent.time !== null) extra['timeFrom'] = 'sent_timestamp';
  const content = context.parts.read(integerValue(row['_id']), received.timestampText);

  putExtra(extra, 'protocol', protocol === null ? null : protocolName(protocol));
  putExtra(extra, 'protocolValue', protocol);
  putExtra(extra, 'protocolNameFrom', protocol === null ? null : protocolNameBasis(protocol));
  putExtra(extra, 'status', statusReading?.name);
  putExtra(extra, 'statusValue', status);
  putExtra(extra, 'statusNameFrom', status === null ? null : statusNameBasis(status));
  if (tombstone !== null) {
    extra['tombstone'] = true;
    extra['systemReason'] = tombstone;
  }
  if (statusReading?.failed === true) extra['failed'] = true;
  if (statusReading?.draft === true) extra['draft'] = true;
  if (statusReading?.notYetSent === true) extra['notYetSent'] = true;
  putExtra(extra, 'notSentNote', status === null ? null : notSentNote(status));
  const byStatus = tombstone !== null ? null : statusReading?.direction ?? null;
  putExtra(extra, 'directionFrom', byStatus !== null ? 'message_status' : bySender !== null ? 'sender sub_id' : null);
  // Both tell, and disagree: the status was taken; the sender's side is kept for the analyst.
  if (byStatus !== null && bySender !== null && bySender !== byStatus) extra['senderSideDisagrees'] = bySender;
  putExtra(extra, 'conversationId', conversationId);
  putExtra(extra, 'smsThreadId', context.conversations.smsThreadOf(conversationId));
  putExtra(extra, 'senderParticipantId', senderId);
  if (senderId !== null && sender === undefined) extra['senderNotInParticipants'] = true;
  putExtra(extra, 'senderDisplayDestination', sender?.displayDestination);
  if (sender?.blocked === true) extra['senderBlocked'] = true;
  putExtra(extra, 'selfParticipantId', integerValue(row['self_id']));
  if (sent.time !== null) {
    extra['sentAt'] = isoOrNull(sent);
    extra['sentTimestampText'] = sent.timestampText;
  }
  putExtra(extra, 'seen', row['seen'] === null ? null : flagValue(row['seen']));
  putExtra(extra, 'read', row['read'] === null ? null : flagValue(row['read']));
  putExtra(extra, 'smsMessageUri', nonEmptyText(row['sms_message_uri']));
  putExtra(extra, 'subject', nonEmptyText(row['mms_subject']));
  putExtra(extra, 'mmsTransactionId', nonEmptyText(row['mms_transaction_id']));
  putExtra(extra, 'mmsContentLocation', nonEmptyText(row['mms_content_location']));
  putExtra(extra, 'mmsExpiry', isoOrNull(unixTime(row['mms_expiry'], row['mms_expiry__text'])));
  putExtra(extra, 'messageSize', nonZero(integerValue(row['sms_message_size'])));
  putExtra(extra, 'priority', nonZero(integerValue(row['sms_priority'])));
  putExtra(extra, 'rawStatus', nonZero(integerValue(row['raw_status'])));
  putExtra(extra, 'retryStartedAt', isoOrNull(unixTime(row['retry_start_timestamp'], row['retry_start_timestamp__text'])));
  putExtra(extra, 'mmsReportsInfo', nonEmptyText(row['mms_reports_info']));
  if (content.partsUnreadable !== undefined) extra['partsUnreadable'] = content.partsUnreadable;
  else if (content.parts.length > 0) extra['parts'] = content.parts;
  else extra['noParts'] = true;
  if (content.partsCut) extra['partsCut'] = true;

  // The owner's own rows carry no name worth showing (a SIM); others are named as the app resolved them.
  // A self participant under an incoming status is no correspondent: who sent it is not established.
  const named = direction === 'incoming' && sender?.isSelf !== true ? sender : undefined;
  return {
    chatKey,
    kind: tombstone === null ? 'message' : 'system',
    sender: named?.name ?? named?.displayDestination ?? named?.destination ?? null,
    senderId: named?.destination ?? null,
    direction,
    time,
    timestampText: received.time === null && sent.time !== null ? sent.timestampText : received.timestampText,
    text: content.text,
    attachments: content.attachments,
    deleted: false,
    edited: false,
    locator: sqliteRowLocator(context.file, 'messages', row),
    extra,
  };
}

/** AOSP's default for counters and codes not set is 0. */
function nonZero(value: number | null): number | null {
  return value === 0 ? null : value;
}
