/**
 * The attachments of a Signal Android message: rows of `attachment` (database version 215 on) or
 * `part` (before), keyed by the message's id in `message_id` (`mid` before 215), with the type in
 * `content_type` (`ct`), as signalbackup-tools' SignalBackup::setColumnNames lists them
 * (bepaald/signalbackup-tools, signalbackup/setcolumnnames.cc). Signal-Android's AttachmentTable
 * (AttachmentTable.kt; AttachmentDatabase.java before) names `file_name`, `data_size`, `caption`,
 * `voice_note`, `sticker_pack_id`, `quote` (a thumbnail of the quoted message's media, not an
 * attachment of this one) and `data_file` (`_data` before), the app's own encrypted copy on the
 * phone. Only the `mms` table (and `message`, its successor) has attachments; `sms` rows have none.
 *
 * The file itself is not in the database. signalbackup-tools can write attachments to a folder;
 * when a file of the attachment's own name (file_name, a plain name) lies beside the database, the
 * record writer finds it there and hashes it (resolve-attachment.ts); otherwise the attachment is
 * recorded as missing, with what the database says of it.
 */

import type { Database } from 'sql.js';
import type { MediaType, ParsedAttachment } from '../../../shared/contracts/parsed-source.ts';
import type { OtherColumns, Row } from '../sqlite/index.ts';
import { Lookup, ROWID, columnsOf, flagValue, hasTable, integerValue, nonEmptyText, otherColumnValues, otherColumns, putExtra, rowidOf, selectExpressions } from '../sqlite/index.ts';
import { mediaTypeOf } from '../android-sms/index.ts';

/** Attachments read per message at most, so a hostile table cannot exhaust memory. */
const MAX_ATTACHMENTS = 1000;

export interface AttachmentContent {
  attachments: ParsedAttachment[];
  /** What the database says of each row (rowid, names, phone path, flags, columns not read by name). */
  facts: Record<string, unknown>[];
  /** Quote thumbnails: media of the quoted message the app copied, not sent with this one. */
  quoteThumbnails: Record<string, unknown>[];
  cut: boolean;
  unreadable?: string;
}

export class AttachmentReader {
  readonly table: string | null;
  private readonly lookup: Lookup | null = null;
  private readonly unreadable: string | null = null;
  private readonly others: OtherColumns;
  private readonly columns: { messageId: string; contentType: string; data: string };

  constructor(db: Database) {
    this.table = hasTable(db, 'attachment') ? 'attachment' : hasTable(db, 'part') ? 'part' : null;
    const available = this.table === null ? new Set<string>() : columnsOf(db, this.table);
    this.columns = {
      messageId: available.has('message_id') ? 'message_id' : 'mid',
      contentType: available.has('content_type') ? 'content_type' : 'ct',
      data: available.has('data_file') ? 'data_file' : '_data',
    };
    const read = ['_id', this.columns.messageId, this.columns.contentType, this.columns.data, 'file_name', 'data_size', 'caption', 'voice_note', 'sticker_pack_id', 'sticker_emoji', 'quote', 'width', 'height', 'unique_id'];
    this.others = otherColumns(available, 't', read);
    if (this.table === null || !available.has(this.columns.messageId)) return;
    const select = [`t.rowid AS ${ROWID}`, ...selectExpressions(available, 't', read), ...this.others.select];
    try {
      this.lookup = new Lookup(db, `SELECT ${select.join(', ')} FROM ${this.table} AS t WHERE t.${this.columns.messageId} = ? ORDER BY t.rowid`, [{ table: this.table, columns: [this.columns.messageId] }]);
    } catch (error) {
      // A table SQLite cannot read at all: each message is still read, without its attachments, and says why.
      this.unreadable = error instanceof Error ? error.message : String(error);
    }
  }

  read(messageId: number | null): AttachmentContent {
    const empty: AttachmentContent = { attachments: [], facts: [], quoteThumbnails: [], cut: false };
    if (this.unreadable !== null) return { ...empty, unreadable: this.unreadable };
    if (this.lookup === null || messageId === null) return empty;
    let rows: Row[];
    try {
      rows = this.lookup.all(messageId, MAX_ATTACHMENTS + 1);
    } catch (error) {
      return { ...empty, unreadable: error instanceof Error ? error.message : String(error) };
    }
    const content: AttachmentContent = { ...empty, cut: rows.length > MAX_ATTACHMENTS };
    for (const row of rows.slice(0, MAX_ATTACHMENTS)) {
      const facts = this.factsOf(row);
      if (flagValue(row['quote'])) {
        content.quoteThumbnails.push(facts);
        continue;
      }
      content.attachments.push(this.attachmentOf(row));
      content.facts.push(facts);
    }
    return content;
  }

  private attachmentOf(row: Row): ParsedAttachment {
    const contentType = nonEmptyText(row[this.columns.contentType]);
    const attachment: ParsedAttachment = { kind: 'attached', mediaType: this.mediaTypeOf(row, contentType) };
    const fileName = nonEmptyText(row['file_name']);
    if (fileName !== null) attachment.fileName = fileName;
    if (contentType !== null) attachment.mimeType = contentType;
    const size = integerValue(row['data_size']);
    if (size !== null && size >= 0) attachment.size = size;
    // Looked for beside the database under its own name; a name with a folder in it is not followed.
    const plain = fileName === null ? null : plainFileName(fileName);
    if (plain !== null) attachment.path = plain;
    return attachment;
  }

  private mediaTypeOf(row: Row, contentType: string | null): MediaType {
    if (nonEmptyText(row['sticker_pack_id']) !== null) return 'sticker';
    return mediaTypeOf((contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '');
  }

  private factsOf(row: Row): Record<string, unknown> {
    const facts: Record<string, unknown> = { table: this.table, rowid: rowidOf(row) };
    putExtra(facts, 'fileName', nonEmptyText(row['file_name']));
    putExtra(facts, 'contentType', nonEmptyText(row[this.columns.contentType]));
    putExtra(facts, 'dataSize', integerValue(row['data_size']));
    putExtra(facts, 'phonePath', nonEmptyText(row[this.columns.data]));
    putExtra(facts, 'caption', nonEmptyText(row['caption']));
    if (flagValue(row['voice_note'])) facts['voiceNote'] = true;
    putExtra(facts, 'stickerPackId', nonEmptyText(row['sticker_pack_id']));
    putExtra(facts, 'stickerEmoji', nonEmptyText(row['sticker_emoji']));
    putExtra(facts, 'uniqueId', integerValue(row['unique_id']));
    const fileName = nonEmptyText(row['file_name']);
    if (fileName !== null && plainFileName(fileName) === null) facts['fileNameNotFollowed'] = 'the file name holds a folder or is not a plain name, so no file is looked for under it';
    putExtra(facts, 'otherColumns', otherColumnValues(row, this.others));
    return facts;
  }

  free(): void {
    this.lookup?.free();
  }
}

/** The name itself when it is a plain file name (no folder, not "." or ".."), else null. */
export function plainFileName(name: string): string | null {
  if (name.includes('/') || name.includes('\\') || name === '.' || name === '..' || name.includes('\0')) return null;
  return name;
}
