/** One row of `sms` (or Samsung's `spam_sms`, same columns) as a ParsedMessage. */

import type { ParsedMessage } from '../../../shared/contracts/parsed-source.ts';
import type { ColumnRequest, Row } from '../sqlite/index.ts';
import { flagValue, integerValue, isoOrNull, nonEmptyText, putExtra, sqliteRowLocator, textValue, unixTime } from '../sqlite/index.ts';
import type { ThreadBook } from './threads.ts';

/**
 * Columns read from `sms` by name; missing ones (older Android, other vendors) read as NULL. Only
 * columns used here belong: one named here is no longer kept among the other columns.
 */
export const SMS_COLUMNS: readonly (string | ColumnRequest)[] = [
  'thread_id',
  'address',
  'person',
  { name: 'date', asText: true },
  { name: 'date_sent', asText: true },
  'read',
  'seen',
  'status',
  'type',
  'subject',
  'body',
  'service_center',
  'locked',
  'error_code',
  'sub_id',
  'creator',
  'deleted',
  'hidden',
];

/** `sms.type` (Telephony.TextBasedSmsColumns.MESSAGE_TYPE_*). */
export const SMS_BOX: Record<number, string> = { 0: 'all', 1: 'inbox', 2: 'sent', 3: 'draft', 4: 'outbox', 5: 'failed', 6: 'queued' };

export function smsDirection(type: number | null): 'incoming' | 'outgoing' | null {
  if (type === 1) return 'incoming';
  if (type !== null && type >= 2 && type <= 6) return 'outgoing';
  return null;
}

export function smsRowToMessage(row: Row, table: string, file: string, threads: ThreadBook): ParsedMessage {
  const address = nonEmptyText(row['address']);
  const type = integerValue(row['type']);
  const direction = smsDirection(type);
  const chatKey = threads.chatKeyFor(integerValue(row['thread_id']), address === null ? [] : [address]);
  const date = unixTime(row['date'], row['date__text']);
  const extra: Record<string, unknown> = { transport: 'sms' };
  putExtra(extra, 'box', type === null ? null : SMS_BOX[type] ?? `unknown (${type})`);
  putExtra(extra, 'address', address);
  const dateSent = unixTime(row['date_sent'], row['date_sent__text']);
  if (dateSent.time !== null) {
    extra['dateSent'] = isoOrNull(dateSent);
    extra['dateSentText'] = dateSent.timestampText;
  }
  putExtra(extra, 'read', row['read'] === null ? null : flagValue(row['read']));
  putExtra(extra, 'seen', row['seen'] === null ? null : flagValue(row['seen']));
  putExtra(extra, 'status', integerValue(row['status']));
  putExtra(extra, 'subject', nonEmptyText(row['subject']));
  putExtra(extra, 'serviceCenter', nonEmptyText(row['service_center']));
  putExtra(extra, 'contactId', integerValue(row['person']));
  putExtra(extra, 'subscriptionId', integerValue(row['sub_id']));
  putExtra(extra, 'creator', nonEmptyText(row['creator']));
  putExtra(extra, 'errorCode', integerValue(row['error_code']) === -1 ? null : integerValue(row['error_code']));
  if (flagValue(row['locked'])) extra['locked'] = true;
  if (flagValue(row['hidden'])) extra['hidden'] = true;
  if (table !== 'sms') extra['table'] = table;
  if (table === 'spam_sms') extra['spam'] = true;
  return {
    chatKey,
    kind: 'message',
    // The provider keeps no display name, only the address (`person` is a contacts row id).
    sender: direction === 'incoming' ? address : null,
    senderId: direction === 'incoming' ? address : null,
    direction,
    time: date.time,
    timestampText: date.timestampText,
    text: textValue(row['body']) ?? '',
    attachments: [],
    deleted: flagValue(row['deleted']),
    edited: false,
    locator: sqliteRowLocator(file, table, row),
    extra,
  };
}
