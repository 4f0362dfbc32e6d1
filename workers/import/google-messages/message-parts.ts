/**
 * The `parts` of a bugle_db message: its text and its media. AOSP Messaging's DatabaseHelper
 * (PartColumns) defines `message_id`, `text`, `uri`, `content_type`, `width`, `height` and
 * `timestamp` (a copy of the message's received_timestamp kept by a trigger), and says "a part may
 * contain text or a media url, but not both"; text parts are created as text/plain
 * (MessagePartData.createTextMessagePart). ALEAPP's googleMessages.py reads Google Messages' own
 * `file_size_bytes` (-1 when not known) and `local_cache_path` (the app's copy of the file on the
 * phone). The media itself lives on the phone, so attachments name it and are normally missing;
 * a zip holding the app's folder may still give the cached copy, which the record writer looks up
 * by its unique file name as it does for any attachment path (source-files.ts).
 */

import type { Database } from 'sql.js';
import type { ParsedAttachment } from '../../../shared/contracts/parsed-source.ts';
import type { OtherColumns, Row } from '../sqlite/index.ts';
import { Lookup, columnsOf, hasRowid, hasTable, integerValue, nonEmptyText, otherColumnValues, otherColumns, putExtra, rowidOf, selectExpressions, storedOrder, textValue, ROWID } from '../sqlite/index.ts';
import { mediaTypeOf } from '../android-sms/index.ts';

const PART_COLUMNS = ['message_id', 'conversation_id', 'text', 'uri', 'content_type', 'width', 'height', { name: 'timestamp', asText: true }, 'file_size_bytes', 'local_cache_path'];
/** Parts read per message at most, so a hostile table cannot exhaust memory. */
const MAX_PARTS = 1000;
const TEXT_PLAIN = 'text/plain';
/** What `file_size_bytes` holds when the size is not known (ALEAPP's googleMessages.py shows it as "N/A"). */
const UNKNOWN_SIZE = -1;

export interface MessageContent {
  text: string;
  attachments: ParsedAttachment[];
  /** Every part as stored (rowid, type, uri, cache path, size, columns not read by name). */
  parts: Record<string, unknown>[];
  partsCut: boolean;
  /** Why the parts could not be read (a damaged page of the parts table): the message row itself still is. */
  partsUnreadable?: string;
}

export class PartsReader {
  private readonly lookup: Lookup | null;
  /** Why the parts table cannot be read at all (the lookup cannot even be prepared), or null. */
  private readonly unreadable: string | null = null;
  private readonly others: OtherColumns;
  /**
   * Why the parts' records name no rowid (a parts table declared WITHOUT ROWID, as a rebuilt or
   * hand-made database may have: it has none), for the parser to warn once; null when they do.
   */
  readonly noRowid: string | null;

  constructor(db: Database) {
    const present = hasTable(db, 'parts');
    const columns = present ? columnsOf(db, 'parts') : new Set<string>();
    const withRowid = !present || hasRowid(db, 'parts');
    this.noRowid = withRowid ? null : 'the parts table is declared WITHOUT ROWID: it has no rowid, so a part\'s record names none; it keeps its own columns (its _id among them), read in the primary key\'s order';
    // _id is the rowid, which every part's record holds; without a rowid, _id is only a column and is kept as one.
    this.others = otherColumns(columns, 't', withRowid ? [...PART_COLUMNS, '_id'] : PART_COLUMNS);
    const select = [withRowid ? `t.rowid AS ${ROWID}` : `NULL AS ${ROWID}`, ...selectExpressions(columns, 't', PART_COLUMNS), ...this.others.select];
    let lookup: Lookup | null = null;
    try {
      lookup = columns.has('message_id') ? new Lookup(db, `SELECT ${select.join(', ')} FROM parts AS t WHERE t.message_id = ? ORDER BY ${storedOrder(db, 'parts', 't')}`, [{ table: 'parts', columns: ['message_id'] }]) : null;
    } catch (error) {
      // A table SQLite cannot read at all (a damaged page; a WITHOUT ROWID table in a collation
      // this reader lacks that could not be re-sorted): each message is still read, without its parts, and says why.
      this.unreadable = error instanceof Error ? error.message : String(error);
    }
    this.lookup = lookup;
  }

  /** The content of message `messageId`; `receivedText` is its received_timestamp as text, which part timestamps normally copy. */
  read(messageId: number | null, receivedText: string): MessageContent {
    if (this.unreadable !== null) return { text: '', attachments: [], parts: [], partsCut: false, partsUnreadable: this.unreadable };
    let rows: Row[];
    try {
      rows = this.lookup === null || messageId === null ? [] : this.lookup.all(messageId, MAX_PARTS + 1);
    } catch (error) {
      return { text: '', attachments: [], parts: [], partsCut: false, partsUnreadable: error instanceof Error ? error.message : String(error) };
    }
    const texts: string[] = [];
    const attachments: ParsedAttachment[] = [];
    const parts = rows.slice(0, MAX_PARTS).map((row) => {
      const contentType = nonEmptyText(row['content_type']);
      if (isTextPart(row, contentType)) {
        const text = textValue(row['text']);
        if (text !== null && text !== '') texts.push(text);
      } else attachments.push(attachmentOf(row, contentType));
      return this.partFacts(row, contentType, receivedText);
    });
    return { text: texts.join('\n'), attachments, parts, partsCut: rows.length > MAX_PARTS };
  }

  private partFacts(row: Row, contentType: string | null, receivedText: string): Record<string, unknown> {
    const facts: Record<string, unknown> = {};
    if (typeof row[ROWID] === 'number') facts['rowid'] = rowidOf(row);
    putExtra(facts, 'contentType', contentType);
    // A media part's own text (AOSP says it has none) is kept here, not taken for the message's words.
    if (!isTextPart(row, contentType)) putExtra(facts, 'text', nonEmptyText(row['text']));
    putExtra(facts, 'uri', nonEmptyText(row['uri']));
    putExtra(facts, 'localCachePath', nonEmptyText(row['local_cache_path']));
    const size = integerValue(row['file_size_bytes']);
    putExtra(facts, 'fileSizeBytes', size === UNKNOWN_SIZE ? null : size);
    putExtra(facts, 'width', positive(integerValue(row['width'])));
    putExtra(facts, 'height', positive(integerValue(row['height'])));
    const timestamp = textValue(row['timestamp__text']);
    if (timestamp !== null && timestamp !== receivedText) facts['timestamp'] = timestamp;
    putExtra(facts, 'otherColumns', otherColumnValues(row, this.others));
    return facts;
  }

  free(): void {
    this.lookup?.free();
  }
}

/** A text/plain part (or one with no type) that holds no media uri: its text is the message's. */
function isTextPart(row: Row, contentType: string | null): boolean {
  const bare = contentType?.split(';')[0]?.trim().toLowerCase() ?? null;
  return (bare === null || bare === TEXT_PLAIN) && nonEmptyText(row['uri']) === null && nonEmptyText(row['local_cache_path']) === null;
}

function attachmentOf(row: Row, contentType: string | null): ParsedAttachment {
  const attachment: ParsedAttachment = { kind: 'attached', mediaType: mediaTypeOf((contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '') };
  if (contentType !== null) attachment.mimeType = contentType;
  const size = integerValue(row['file_size_bytes']);
  if (size !== null && size >= 0) attachment.size = size;
  const cachePath = nonEmptyText(row['local_cache_path']);
  if (cachePath !== null) attachment.path = cachePath;
  return attachment;
}

/** AOSP writes -1 (MessagingContentProvider.UNSPECIFIED_SIZE) for a width or height not known. */
function positive(value: number | null): number | null {
  return value !== null && value > 0 ? value : null;
}
