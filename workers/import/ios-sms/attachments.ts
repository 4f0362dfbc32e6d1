/**
 * A message's attachments in an iOS sms.db: `message_attachment_join` → `attachment`. Each is a
 * ParsedAttachment (name, type, path in the backup), and what the attachment row says beyond that
 * (whether Messages hides it, how far its transfer got, when it was made, every other column that
 * holds something) is kept in the message's `extra.attachmentFacts`, one entry per attachment in
 * the same order: an attachment hidden in Messages, or one whose file never reached the phone, is
 * then seen as such, not only as a file that is missing.
 */

import type { Database } from 'sql.js';
import type { MediaType, ParsedAttachment } from '../../../shared/contracts/parsed-source.ts';
import type { ColumnRequest, OtherColumns, Row } from '../sqlite/index.ts';
import {
  Lookup,
  appleTime,
  columnsOf,
  flagValue,
  hasRowid,
  hasTable,
  integerValue,
  isoOrNull,
  nonEmptyText,
  otherColumnValues,
  otherColumns,
  putExtra,
  selectExpressions,
  storedOrder,
  textValue,
} from '../sqlite/index.ts';

/** The attachment columns read by name; the rest are kept as they are stored (otherColumns). */
const ATTACHMENT_COLUMNS: readonly (string | ColumnRequest)[] = [
  'guid', 'filename', 'mime_type', 'uti', 'transfer_name', 'total_bytes', 'is_sticker', 'hide_attachment', 'transfer_state',
  { name: 'created_date', asText: true },
];

/**
 * More join rows than this for one message are not read (a hostile join table must not exhaust
 * memory); the message says how many were left out. A real message has a handful.
 */
export const MAX_ATTACHMENTS_PER_MESSAGE = 1000;

/**
 * `attachment.transfer_state`: IMCore's IMFileTransferState, the state of the file's transfer
 * [source: the enum as beeper/barcelona declares it, IMFileTransfer+StateBound.swift; only 5 seen
 * in a real sms.db, the Magnet CTF 2020 one, whose attachment files were all on the phone]. A code
 * not listed is kept as a number with "unknown" beside it.
 */
const TRANSFER_STATES: Readonly<Record<number, string>> = {
  [-1]: 'archiving',
  0: 'waiting for accept (not transferred)',
  1: 'accepted (not yet transferred)',
  2: 'preparing',
  3: 'transferring',
  4: 'finalizing',
  5: 'finished',
  6: 'error',
  7: 'recoverable error',
};
const TRANSFER_FINISHED = 5;

/** A message's attachments, and the facts of each in the same order (empty when there are none). */
export interface MessageAttachments {
  attachments: ParsedAttachment[];
  facts: Record<string, unknown>[];
  /** Join rows past MAX_ATTACHMENTS_PER_MESSAGE, not read; 0 when none. */
  notRead: number;
}

export class IosAttachmentReader {
  private readonly lookup: Lookup | null;
  /** Counts a message's join rows, made when one has more than are read. */
  private counter: Lookup | null = null;
  private readonly others: OtherColumns;
  private readonly joinable: boolean;
  /** Why no attachment row can be found by the join (see the constructor), for the parser to warn once; null when it can. */
  readonly note: string | null;

  constructor(private readonly db: Database) {
    const available = columnsOf(db, 'attachment');
    // The join names an attachment by its ROWID; an attachment table WITHOUT ROWID and with no
    // ROWID column of its own has nothing by that name, so no row of it can be found.
    this.joinable = !hasTable(db, 'attachment') || hasRowid(db, 'attachment') || available.has('rowid');
    this.note = this.joinable ? null : 'the attachment table is declared WITHOUT ROWID and has no ROWID column, while message_attachment_join names attachments by ROWID: no attachment row can be found, so each attachment a message has is kept without its file name, type or path';
    // The row's own ROWID is the join's attachment_id, kept as such.
    this.others = otherColumns(available, 'a', [...ATTACHMENT_COLUMNS, 'rowid']);
    const select = [
      ...selectExpressions(available, 'a', ATTACHMENT_COLUMNS),
      ...this.others.select,
      'j.attachment_id AS "join__attachment_id"',
      `${this.joinable ? 'a.ROWID' : 'NULL'} AS "attachment__rowid"`,
    ];
    // LEFT JOIN: a join row whose attachment row is gone still says the message had an attachment.
    this.lookup = hasTable(db, 'attachment') && hasTable(db, 'message_attachment_join')
      ? new Lookup(db, `SELECT ${select.join(', ')} FROM message_attachment_join AS j LEFT JOIN attachment AS a ON ${this.joinable ? 'a.ROWID = j.attachment_id' : '0'} WHERE j.message_id = ? ORDER BY ${storedOrder(db, 'message_attachment_join', 'j')}`, [{ table: 'message_attachment_join', columns: ['message_id'] }])
      : null;
  }

  of(messageId: number): MessageAttachments {
    if (this.lookup === null) return { attachments: [], facts: [], notRead: 0 };
    const rows = this.lookup.all(messageId, MAX_ATTACHMENTS_PER_MESSAGE + 1);
    const notRead = rows.length > MAX_ATTACHMENTS_PER_MESSAGE ? this.joinRows(messageId) - MAX_ATTACHMENTS_PER_MESSAGE : 0;
    const read = rows.slice(0, MAX_ATTACHMENTS_PER_MESSAGE);
    return { attachments: read.map(toAttachment), facts: read.map((row) => this.factsOf(row)), notRead };
  }

  free(): void {
    this.lookup?.free();
    this.counter?.free();
  }

  private joinRows(messageId: number): number {
    this.counter ??= new Lookup(this.db, 'SELECT count(*) AS "rows" FROM message_attachment_join AS j WHERE j.message_id = ?', [{ table: 'message_attachment_join', columns: ['message_id'] }]);
    return integerValue(this.counter.one(messageId)?.['rows']) ?? MAX_ATTACHMENTS_PER_MESSAGE + 1;
  }

  private factsOf(row: Row): Record<string, unknown> {
    const facts: Record<string, unknown> = {};
    putExtra(facts, 'attachmentId', integerValue(row['join__attachment_id']) ?? textValue(row['join__attachment_id']));
    if (this.joinable && row['attachment__rowid'] === null) {
      facts['rowMissing'] = 'message_attachment_join names this attachment, and the attachment table has no row of that id (a damaged copy, or a row deleted without its join row)';
      return facts;
    }
    putExtra(facts, 'guid', nonEmptyText(row['guid']));
    putExtra(facts, 'uti', nonEmptyText(row['uti']));
    const hide = integerValue(row['hide_attachment']);
    // "Messages UI hide flag" [source: imessage-database's Attachment.hide_attachment]: Messages does not show it in the conversation.
    if (hide !== null && hide !== 0) {
      facts['hidden'] = true;
      facts['hideAttachment'] = hide;
    }
    const state = integerValue(row['transfer_state']);
    if (state !== null) {
      facts['transferState'] = state;
      facts['transferStateMeaning'] = TRANSFER_STATES[state] ?? `unknown (${state})`;
      if (state !== TRANSFER_FINISHED) facts['transferNotFinished'] = true;
    }
    if (flagValue(row['is_sticker'])) facts['sticker'] = true;
    // total_bytes is what Messages recorded as transferred, not necessarily the file's size; 0 is kept (nothing transferred).
    putExtra(facts, 'totalBytes', integerValue(row['total_bytes']));
    const created = appleTime(row['created_date'], row['created_date__text']);
    const createdAt = isoOrNull(created);
    putExtra(facts, 'createdAt', createdAt);
    // A value that is no time (out of range, text) is kept as written.
    if (createdAt === null && created.timestampText !== '' && created.timestampText !== '0') facts['createdDateRaw'] = created.timestampText;
    putExtra(facts, 'notNumbers', notNumbers(row));
    putExtra(facts, 'otherColumns', otherColumnValues(row, this.others));
    return facts;
  }
}

/** The number columns read by name: a value in one that is no whole number is not read as one. */
const NUMBER_COLUMNS = ['hide_attachment', 'transfer_state', 'total_bytes', 'is_sticker'];

/**
 * Values of those columns that are no whole number (text in a flag, a blob in a count: a hand-made
 * or damaged row), kept as stored since they were not read; null when there are none.
 */
function notNumbers(row: Row): Record<string, unknown> | null {
  const kept: Record<string, unknown> = {};
  for (const column of NUMBER_COLUMNS) {
    const value = row[column];
    if (value === null || value === undefined || integerValue(value) !== null) continue;
    kept[column] = value instanceof Uint8Array ? { blobBytes: value.byteLength } : value;
  }
  return Object.keys(kept).length > 0 ? kept : null;
}

function toAttachment(row: Row): ParsedAttachment {
  const mimeType = nonEmptyText(row['mime_type']);
  const uti = nonEmptyText(row['uti']);
  const attachment: ParsedAttachment = {
    kind: 'attached',
    mediaType: flagValue(row['is_sticker']) ? 'sticker' : attachmentMediaType(mimeType, uti),
  };
  const fileName = nonEmptyText(row['transfer_name']) ?? nonEmptyText(row['filename'])?.split('/').pop() ?? null;
  if (fileName !== null) attachment.fileName = fileName;
  if (mimeType !== null) attachment.mimeType = mimeType;
  const path = backupRelativePath(textValue(row['filename']));
  if (path !== null) attachment.path = path;
  const beside = besideDatabasePath(path);
  if (beside !== null) attachment.alternativePaths = [beside];
  const size = integerValue(row['total_bytes']);
  if (size !== null && size > 0) attachment.size = size;
  return attachment;
}

/**
 * "~/Library/SMS/Attachments/9e/14/<GUID>/IMG_0066.HEIC" lives in the backup's MediaDomain as
 * "Library/SMS/Attachments/…"; keep the path relative to the home folder.
 */
export function backupRelativePath(filename: string | null): string | null {
  if (filename === null || filename === '') return null;
  return filename.replace(/^~\//u, '').replace(/^\/(?:private\/)?var\/mobile\//u, '');
}

/**
 * The same file from the database's own folder: sms.db is <home>/Library/SMS/sms.db, so
 * "Library/SMS/Attachments/…" is "Attachments/…" beside it, where a file-system extraction or a
 * copy of the SMS folder has it (macOS chat.db likewise, in Library/Messages). Paths are looked up
 * relative to the source's folder, where the home-relative one never leads.
 */
export function besideDatabasePath(homeRelative: string | null): string | null {
  const match = /^Library\/(?:SMS|Messages)\/(.+)$/u.exec(homeRelative ?? '');
  return match?.[1] ?? null;
}

export function attachmentMediaType(mimeType: string | null, uti: string | null): MediaType {
  const type = (mimeType ?? '').toLowerCase();
  if (type === 'image/gif' || uti === 'com.compuserve.gif') return 'gif';
  if (type.startsWith('image/') || (uti ?? '').startsWith('public.jpeg') || uti === 'public.heic' || uti === 'public.png') return 'image';
  if (type.startsWith('video/') || uti === 'com.apple.quicktime-movie') return 'video';
  if (type.startsWith('audio/') || uti === 'com.apple.coreaudio-format') return 'audio';
  if (type.includes('vcard') || uti === 'public.vcard') return 'contact';
  if (type.startsWith('application/') || type.startsWith('text/')) return 'document';
  return 'unknown';
}
