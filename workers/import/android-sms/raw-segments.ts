/**
 * AOSP's `raw` table: each part of a multipart SMS as it arrives, kept until the last part comes
 * and the text is put together in `sms`. Since Android 7 the parts of an assembled text stay,
 * marked `deleted` (to recognise a part received twice); before, they were removed. A part not so
 * marked belongs to a text whose other parts never came: it is the only copy of those words
 * (`message_body` from Android 8; before, only the PDU, kept here as written). Each is read as a
 * record of its own that says which part it is.
 */

import type { ParsedMessage } from '../../../shared/contracts/parsed-source.ts';
import type { Row } from '../sqlite/index.ts';
import { integerValue, nonEmptyText, putExtra, sqliteRowLocator, textValue, unixTime } from '../sqlite/index.ts';
import type { ThreadBook } from './threads.ts';

export const RAW_TABLE = 'raw';

/** Columns read from `raw` by name; the others are kept among the other columns. */
export const RAW_COLUMNS = ['date', 'reference_number', 'count', 'sequence', 'destination_port', 'address', 'display_originating_addr', 'pdu', 'message_body'];

/** The rows that are parts of texts never put together: all of them when the table marks none deleted. */
export function pendingPartsCondition(columns: ReadonlySet<string>): string | undefined {
  return columns.has('deleted') ? '(t.deleted IS NULL OR t.deleted = 0)' : undefined;
}

/**
 * `destination_port` as InboundSmsTracker writes it: the port in the low 16 bits with flags above,
 * bit 16 saying there is none (a text); older Android wrote -1 for none [source: AOSP
 * InboundSmsTracker, DEST_PORT_FLAG_NO_PORT, DEST_PORT_MASK]. A port is a data message (a WAP push,
 * an app's SMS), binary: no text to show.
 */
const NO_PORT_FLAG = 1 << 16;
const PORT_MASK = 0xffff;

export function dataPortOf(destinationPort: number | null): number | null {
  if (destinationPort === null || destinationPort < 0 || (destinationPort & NO_PORT_FLAG) !== 0) return null;
  return destinationPort & PORT_MASK;
}

export function rawPartToMessage(row: Row, file: string, threads: ThreadBook): ParsedMessage {
  const address = nonEmptyText(row['address']);
  // The number as the phone would show it (Android 8+), else the one the PDU gives.
  const sender = nonEmptyText(row['display_originating_addr']) ?? address;
  const date = unixTime(row['date']);
  const part = integerValue(row['sequence']);
  const of = integerValue(row['count']);
  const extra: Record<string, unknown> = { transport: 'sms', table: RAW_TABLE };
  extra['incompleteMultipart'] = {
    part,
    of,
    referenceNumber: integerValue(row['reference_number']),
    note: `part ${part ?? '?'} of ${of ?? '?'} of a multipart SMS whose other parts were not in the database: the text was never put together`,
  };
  putExtra(extra, 'address', address);
  putExtra(extra, 'destinationPort', integerValue(row['destination_port']));
  const port = dataPortOf(integerValue(row['destination_port']));
  const body = port === null ? textValue(row['message_body']) : null;
  // Before Android 8 the words are only in the PDU (hex), as a data message's bytes always are: kept as written, not decoded here.
  if (body === null) putExtra(extra, 'pdu', nonEmptyText(row['pdu']));
  return {
    chatKey: threads.chatKeyFor(address === null ? null : threads.threadOfAddress(address), address === null ? [] : [address]),
    kind: port === null ? 'message' : 'system',
    sender,
    senderId: sender,
    direction: 'incoming',
    time: date.time,
    timestampText: date.timestampText,
    text: port === null ? body ?? '' : `Part ${part ?? '?'} of ${of ?? '?'} of a data message to port ${port} (binary, kept as its PDU)`,
    attachments: [],
    deleted: false,
    edited: false,
    locator: sqliteRowLocator(file, RAW_TABLE, row),
    extra,
  };
}
