/**
 * `message_attachments` (Signal Desktop schema 1360, 2025 on): attachments moved out of the
 * message object into rows keyed by message id. `editHistoryIndex` -1 is the message as it is
 * now (other values belong to earlier versions of an edited message); `attachmentType` says what
 * the file is for. Files are listed as in message-parts.ts: by name, never fetched by path.
 */

import type { Database } from 'sql.js';
import type { ParsedAttachment } from '../../../shared/contracts/parsed-source.ts';
import { Lookup, columnsOf, hasTable, integerValue, nonEmptyText, selectExpressions, storedOrder } from '../sqlite/index.ts';
import type { AttachmentsFound } from './message-parts.ts';
import { mediaTypeOf, placeSignalFile } from './message-parts.ts';

/** The current version of a message (Signal cannot put NULL in that primary-key column). */
const CURRENT_VERSION = -1;
/** Types that are files sent with the message; quotes and link previews are thumbnails of other things. */
const SENT_FILE_TYPES = new Set(['attachment', 'sticker', 'contact']);
/** Text longer than Signal sends inline travels as this kind of attachment; the body may be cut short. */
const LONG_MESSAGE = 'long-message';

export interface TableAttachments extends AttachmentsFound {
  /** The message's full text is in a long-message file that is not here. */
  longTextInFile: boolean;
}

export class SignalAttachmentTable {
  private readonly lookup: Lookup | null;

  constructor(db: Database) {
    const columns = columnsOf(db, 'message_attachments');
    this.lookup =
      hasTable(db, 'message_attachments') && columns.has('messageid')
        ? new Lookup(
            db,
            `SELECT ${selectExpressions(columns, 'a', ['attachmentType', 'editHistoryIndex', 'contentType', 'fileName', 'size', 'path', 'flags', 'localKey', 'version', 'plaintextHash']).join(', ')} FROM message_attachments AS a WHERE a.messageId = ? COLLATE BINARY ORDER BY ${columns.has('orderinmessage') ? 'a.orderInMessage, ' : ''}${storedOrder(db, 'message_attachments', 'a')}`,
            [{ table: 'message_attachments', columns: ['messageId'] }],
          )
        : null;
  }

  /** The attachments of a message by its id; null when the table does not exist. */
  of(messageId: string | null): TableAttachments | null {
    if (this.lookup === null || messageId === null) return null;
    const found: TableAttachments = { attachments: [], signalPaths: [], encrypted: [], longTextInFile: false };
    for (const row of this.lookup.all(messageId)) {
      const version = integerValue(row['edithistoryindex']);
      if (version !== null && version !== CURRENT_VERSION) continue;
      const type = nonEmptyText(row['attachmenttype']) ?? 'attachment';
      if (type === LONG_MESSAGE) found.longTextInFile = true;
      if (!SENT_FILE_TYPES.has(type)) continue;
      const contentType = nonEmptyText(row['contenttype']);
      const attachment: ParsedAttachment = { kind: 'attached', mediaType: type === 'sticker' ? 'sticker' : type === 'contact' ? 'contact' : mediaTypeOf({ contentType, flags: integerValue(row['flags']) }) };
      const fileName = nonEmptyText(row['filename']);
      if (fileName !== null) attachment.fileName = fileName;
      if (contentType !== null) attachment.mimeType = contentType;
      const size = integerValue(row['size']);
      if (size !== null && size >= 0) attachment.size = size;
      const key = { localKey: nonEmptyText(row['localkey']), version: integerValue(row['version']), plaintextHash: nonEmptyText(row['plaintexthash']) };
      placeSignalFile(found, attachment, nonEmptyText(row['path']), key);
    }
    return found;
  }

  free(): void {
    this.lookup?.free();
  }
}
