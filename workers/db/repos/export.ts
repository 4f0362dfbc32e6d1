import type { SqlConnection as Database } from '../sql-connection.ts';
import type { AttachmentFile } from '../../../shared/contracts/db-worker.ts';
import type { MediaType } from '../../../shared/contracts/parsed-source.ts';
import { asNullableString, asNumber, asString, selectAll } from './rows.ts';


/** Row ids of messages of imported sources with the given stable ids, in the order asked. */
export function rowidsForMessageIds(db: Database, ids: string[]): number[] {
  const rowids: number[] = [];
  const CHUNK = 500;
  for (let start = 0; start < ids.length; start += CHUNK) {
    const chunk = ids.slice(start, start + CHUNK);
    const rows = selectAll(
      db,
      `SELECT m.rowid, m.id FROM messages m JOIN sources s ON s.id = m.source_id WHERE s.status = 'imported' AND m.id IN (${chunk.map(() => '?').join(',')})`,
      chunk,
    );
    const byId = new Map(rows.map((row) => [asString(row['id']), asNumber(row['rowid'])]));
    for (const id of chunk) {
      const rowid = byId.get(id);
      if (rowid !== undefined) rowids.push(rowid);
    }
  }
  return rowids;
}

/** Every message row id of the case's imported sources, in conversation order. */
export function allMessageRowids(db: Database): number[] {
  return selectAll(db, "SELECT m.rowid FROM chats c JOIN chat_order o ON o.chat = c.number JOIN messages m ON m.rowid = o.message_rowid JOIN sources s ON s.id = m.source_id WHERE s.status = 'imported' ORDER BY c.id, o.seq, o.message_rowid").map((row) => asNumber(row['rowid']));
}

/** Attachments with bytes Threadline hashed, for the messages given (by stable id). */
export function attachmentFiles(db: Database, messageIds: string[]): AttachmentFile[] {
  const files: AttachmentFile[] = [];
  const CHUNK = 500;
  for (let start = 0; start < messageIds.length; start += CHUNK) {
    const chunk = messageIds.slice(start, start + CHUNK);
    const rows = selectAll(
      db,
      `SELECT a.id AS attachment_id, m.id AS message_id, json_extract(m.locator, '$.file') AS entry_name, a.source_id, s.path AS source_file,
         s.format AS source_format, a.sha256, a.file_name, a.media_type, a.source_path, a.stored_path
       FROM attachments a JOIN messages m ON m.rowid = a.message_rowid JOIN sources s ON s.id = a.source_id
       WHERE a.sha256 IS NOT NULL AND m.id IN (${chunk.map(() => '?').join(',')}) ORDER BY m.rowid, a.position`,
      chunk,
    );
    for (const row of rows) {
      files.push({
        attachmentId: asNumber(row['attachment_id']),
        messageId: asString(row['message_id']),
        entryName: asString(row['entry_name']),
        sourceFile: asString(row['source_file']),
        sourceFormat: asString(row['source_format']),
        sourceId: asString(row['source_id']),
        sha256: asString(row['sha256']),
        fileName: asNullableString(row['file_name']),
        mediaType: asString(row['media_type']) as MediaType,
        sourcePath: asNullableString(row['source_path']),
        storedPath: asNullableString(row['stored_path']),
      });
    }
  }
  return files;
}
