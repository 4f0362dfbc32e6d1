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
 * The file itself is not in the database. signalbackup-tools writes it beside the database when
 * `--output` names a folder: `database.sqlite` and, for each attachment, `Attachment_<_id>_<unique_id>.bin`
 * (signalbackup/exporttodir.cc), the unique id being -1 in a table without a `unique_id` column, as
 * its attachments are keyed (signalbackup/scanmissingattachments.cc). That name is looked for
 * first; then the attachment's own `file_name`, when it is a plain name no other attachment row of
 * the database has (two "image.jpg" beside the database could not be told apart). The record
 * writer hashes the file found (resolve-attachment.ts); with neither, the attachment is recorded as
 * missing, with what the database says of it.
 */

import type { Database } from 'sql.js';
import type { MediaType, ParsedAttachment } from '../../../shared/contracts/parsed-source.ts';
import type { OtherColumns, Row } from '../sqlite/index.ts';
import { Lookup, ROWID, columnsOf, flagValue, hasTable, integerValue, nonEmptyText, otherColumnValues, otherColumns, putExtra, rowidOf, selectExpressions } from '../sqlite/index.ts';
import { mediaTypeOf } from '../android-sms/index.ts';

/** The unique id signalbackup-tools keys an attachment by when its table has no unique_id column. */
const NO_UNIQUE_ID = -1;

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
  /** File names more than one attachment row has: not looked for beside the database. */
  private readonly sharedNames = new Set<string>();
  /** Why the shared names could not be told (a damaged table), or null: then no name is looked for. */
  readonly namesUnchecked: string | null = null;

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
    if (available.has('file_name')) {
      try {
        const shared = db.exec(`SELECT file_name FROM ${this.table} WHERE file_name IS NOT NULL GROUP BY file_name HAVING count(*) > 1`)[0]?.values ?? [];
        for (const [name] of shared) if (typeof name === 'string') this.sharedNames.add(name);
      } catch (error) {
        // A damaged page: which names are shared cannot be told, so no file is looked for by its name.
        this.namesUnchecked = `which file names more than one attachment row has could not be read (${error instanceof Error ? error.message : String(error)}), so no file is looked for under an attachment's own name`;
      }
    }
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
    // signalbackup-tools' name for the file first, then the attachment's own name when it is a
    // plain one no other row shares; a name with a folder in it is not followed.
    const rowid = typeof row[ROWID] === 'number' ? rowidOf(row) : null;
    const exported = rowid === null ? null : `Attachment_${rowid}_${integerValue(row['unique_id']) ?? NO_UNIQUE_ID}.bin`;
    const plain = fileName === null || this.namesUnchecked !== null || this.sharedNames.has(fileName) ? null : plainFileName(fileName);
    const paths = [exported, plain].filter((path): path is string => path !== null);
    const [first, ...rest] = paths;
    if (first !== undefined) attachment.path = first;
    if (rest.length > 0) attachment.alternativePaths = rest;
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
    else if (fileName !== null && this.sharedNames.has(fileName)) facts['fileNameNotFollowed'] = 'other attachment rows have the same file name, so a file of that name beside the database could be any of theirs';
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
