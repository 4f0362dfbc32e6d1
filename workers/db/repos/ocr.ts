import type { SqlConnection as Database, SqlValue } from '../sql-connection.ts';
import type { OcrPendingRow } from '../../../shared/contracts/db-worker.ts';
import type { ImageItem, MessageImage, OcrStored } from '../../../shared/domain/image.ts';
import type { MessageKind } from '../../../shared/domain/message.ts';
import { asNullableString, asNumber, asString, directionOf, run, selectAll, selectOne } from './rows.ts';


/** Images with bytes that have neither an OCR result nor a recorded failure yet. */
export function ocrPending(db: Database, limit: number): OcrPendingRow[] {
  return selectAll(
    db,
    `SELECT a.id, a.sha256, json_extract(m.locator, '$.file') AS entry_name, a.message_rowid, a.source_id, s.path AS source_file, s.format, a.source_path, a.stored_path, a.file_name
     FROM attachments a JOIN sources s ON s.id = a.source_id AND s.status = 'imported' JOIN messages m ON m.rowid = a.message_rowid
     WHERE a.media_type = 'image' AND a.sha256 IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM ocr_results o WHERE o.attachment_id = a.id)
       AND NOT EXISTS (SELECT 1 FROM ocr_failures f WHERE f.attachment_id = a.id)
     ORDER BY a.id LIMIT ?`,
    [limit],
  ).map(toPendingRow);
}

export function storeOcr(db: Database, result: OcrStored): void {
  run(
    db,
    `INSERT INTO ocr_results (attachment_id, message_rowid, text, searchable_text, confidence, lang, words, engine, traineddata, parameters, took_ms, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (attachment_id) DO NOTHING`,
    [
      result.attachmentId, result.messageRowid, result.text, result.searchableText, result.confidence, result.lang, JSON.stringify(result.words), JSON.stringify(result.engine),
      JSON.stringify(result.traineddata), JSON.stringify(result.parameters), result.tookMs, result.createdAt,
    ],
  );
}

export function storeOcrFailure(db: Database, attachmentId: number, code: string, reason: string, at: string): void {
  run(db, 'INSERT INTO ocr_failures (attachment_id, code, reason, at) VALUES (?, ?, ?, ?) ON CONFLICT (attachment_id) DO UPDATE SET code = excluded.code, reason = excluded.reason, at = excluded.at', [attachmentId, code, reason, at]);
}

/** Forgets failures so "retry" OCRs those images again (e.g. after adding a traineddata file). */
export function clearOcrFailures(db: Database): void {
  run(db, 'DELETE FROM ocr_failures');
}

/** The images of the case (optionally one conversation's), with OCR text and state. */
export function listImages(db: Database, chatId: string | null, limit: number, offset: number): { total: number; images: ImageItem[] } {
  const where = `a.media_type = 'image' AND a.sha256 IS NOT NULL AND s.status = 'imported'${chatId === null ? '' : ' AND m.chat_id = ?'}`;
  const params = chatId === null ? [] : [chatId];
  const total = asNumber(selectOne(db, `SELECT count(*) AS n FROM attachments a JOIN messages m ON m.rowid = a.message_rowid JOIN sources s ON s.id = a.source_id WHERE ${where}`, params)?.['n']);
  const rows = selectAll(
    db,
    `SELECT a.id, a.file_name, a.sha256, a.mime_type, m.id AS message_id, m.chat_id, c.title, m.timestamp, m.sender, m.sender_id, m.kind, m.direction, o.text, coalesce(o.searchable_text, o.text) AS searchable_text, o.confidence, o.lang, f.reason
     FROM attachments a JOIN messages m ON m.rowid = a.message_rowid JOIN sources s ON s.id = a.source_id JOIN chats c ON c.id = m.chat_id
     LEFT JOIN ocr_results o ON o.attachment_id = a.id LEFT JOIN ocr_failures f ON f.attachment_id = a.id
     WHERE ${where} ORDER BY m.timestamp, a.id LIMIT ? OFFSET ?`,
    [...params, limit, offset],
  );
  return { total, images: rows.map(toImageItem) };
}

/** A message's images: its attachments that are images with bytes, of an imported source. */
const MESSAGE_IMAGES = `a.media_type = 'image' AND a.sha256 IS NOT NULL AND s.status = 'imported'`;

/**
 * The images of the messages `messageIds`, in attachment order (the order ocrTextsForRowids joins
 * their text in, which OCR tag spans and search highlights index). One page of a conversation at
 * a time: the ids are bound in chunks, each found through the unique index on messages.id.
 */
export function imagesOfMessages(db: Database, messageIds: string[]): MessageImage[] {
  const images: MessageImage[] = [];
  for (let start = 0; start < messageIds.length; start += ROWIDS_PER_STATEMENT) {
    const chunk = messageIds.slice(start, start + ROWIDS_PER_STATEMENT);
    const rows = selectAll(
      db,
      `SELECT a.id, a.file_name, a.sha256, a.mime_type, m.id AS message_id, m.chat_id, c.title, m.timestamp, m.sender, m.sender_id, m.kind, m.direction, o.text, coalesce(o.searchable_text, o.text) AS searchable_text, o.confidence, o.lang, f.reason,
         CASE WHEN o.engine IS NULL THEN NULL ELSE trim(coalesce(json_extract(o.engine, '$.name'), '') || ' ' || coalesce(json_extract(o.engine, '$.version'), '')) END AS engine
       FROM messages m JOIN attachments a ON a.message_rowid = m.rowid JOIN sources s ON s.id = a.source_id JOIN chats c ON c.id = m.chat_id
       LEFT JOIN ocr_results o ON o.attachment_id = a.id LEFT JOIN ocr_failures f ON f.attachment_id = a.id
       WHERE m.id IN (${chunk.map(() => '?').join(',')}) AND ${MESSAGE_IMAGES} ORDER BY m.rowid, a.id`,
      chunk,
    );
    for (const row of rows) {
      const engine = asNullableString(row['engine']);
      images.push({ ...toImageItem(row), ocrEngine: engine === '' ? null : engine });
    }
  }
  return images;
}

function toImageItem(row: Record<string, SqlValue>): ImageItem {
  return {
    attachmentId: asNumber(row['id']),
    fileName: asNullableString(row['file_name']),
    sha256: asString(row['sha256']),
    mimeType: asNullableString(row['mime_type']),
    messageId: asString(row['message_id']),
    chatId: asString(row['chat_id']),
    chatTitle: asString(row['title']),
    timestamp: asNullableString(row['timestamp']),
    sender: asNullableString(row['sender']),
    senderId: asNullableString(row['sender_id']),
    kind: asString(row['kind']) as MessageKind,
    direction: directionOf(row['direction']),
    ocrText: asNullableString(row['text']),
    ocrSearchableText: asNullableString(row['searchable_text']),
    ocrConfidence: row['confidence'] === null || row['confidence'] === undefined ? null : asNumber(row['confidence']),
    ocrLang: asNullableString(row['lang']),
    ocrError: asNullableString(row['reason']),
  };
}

export function ocrWords(db: Database, attachmentId: number): { text: string; searchableText: string; words: OcrStored['words']; onlySureWordsSearched: boolean; engine: unknown; traineddata: unknown; parameters: unknown } | null {
  const row = selectOne(db, 'SELECT text, coalesce(searchable_text, text) AS searchable_text, searchable_text IS NOT NULL AS only_sure, words, engine, traineddata, parameters FROM ocr_results WHERE attachment_id = ?', [attachmentId]);
  if (row === null) return null;
  return {
    text: asString(row['text']),
    searchableText: asString(row['searchable_text']),
    words: JSON.parse(asString(row['words'])) as OcrStored['words'],
    onlySureWordsSearched: row['only_sure'] === 1,
    engine: JSON.parse(asString(row['engine'])) as unknown,
    traineddata: JSON.parse(asString(row['traineddata'])) as unknown,
    parameters: JSON.parse(asString(row['parameters'])) as unknown,
  };
}

export function attachmentLocation(db: Database, attachmentId: number): OcrPendingRow | null {
  const row = selectOne(
    db,
    `SELECT a.id, a.sha256, json_extract(m.locator, '$.file') AS entry_name, a.message_rowid, a.source_id, s.path AS source_file, s.format, a.source_path, a.stored_path, a.file_name, a.mime_type
     FROM attachments a JOIN sources s ON s.id = a.source_id JOIN messages m ON m.rowid = a.message_rowid WHERE a.id = ?`,
    [attachmentId],
  );
  return row === null ? null : toPendingRow(row);
}

function toPendingRow(row: Record<string, SqlValue>): OcrPendingRow {
  return {
    attachmentId: asNumber(row['id']),
    sha256: asString(row['sha256']),
    entryName: asString(row['entry_name']),
    messageRowid: asNumber(row['message_rowid']),
    sourceId: asString(row['source_id']),
    sourceFile: asString(row['source_file']),
    sourceFormat: asString(row['format']),
    sourcePath: asNullableString(row['source_path']),
    storedPath: asNullableString(row['stored_path']),
    fileName: asNullableString(row['file_name']),
  };
}

/** Rowids bound in one statement, well within any SQLite's parameter limit (999 before 3.32). */
const ROWIDS_PER_STATEMENT = 500;

/** An image's searched words: those that passed the searchable gate, or the whole text of a result stored before it (0110). */
const SEARCHED_TEXT = 'coalesce(o.searchable_text, o.text)';
/** The images of one message are joined by a blank line, in attachment order: tag spans index this text. */
const BETWEEN_IMAGES = 'char(10) || char(10)';

/** The searched OCR text per message (several images of one message joined by blank lines). */
export function ocrTextsForRowids(db: Database, rowids: number[]): [number, string][] {
  const texts: [number, string][] = [];
  // In chunks, as tagsForRowids: an export or a rebuild page may name more messages than one statement takes parameters.
  for (let start = 0; start < rowids.length; start += ROWIDS_PER_STATEMENT) {
    const chunk = rowids.slice(start, start + ROWIDS_PER_STATEMENT);
    for (const row of selectAll(
      db,
      `SELECT message_rowid, group_concat(text, ${BETWEEN_IMAGES}) AS text FROM (SELECT o.message_rowid, ${SEARCHED_TEXT} AS text FROM ocr_results o WHERE o.message_rowid IN (${chunk.map(() => '?').join(',')}) ORDER BY o.attachment_id) GROUP BY message_rowid`,
      chunk,
    )) texts.push([asNumber(row['message_rowid']), asString(row['text'])]);
  }
  return texts;
}

/**
 * Messages of imported sources with OCR results, after `afterRowid` in rowid order, each with its
 * searched OCR text as ocrTextsForRowids joins it, for tagging it again. `lang` is the language
 * stored with the image when the message has one (OCR gives none to a photo's stray words:
 * engine/ocr/ocr-language.ts); null when it has several, whose joined text has no stored language.
 */
export function ocrTextsToTag(db: Database, afterRowid: number, limit: number): { rowid: number; text: string; lang: string | null }[] {
  return selectAll(
    db,
    `SELECT message_rowid, group_concat(text, ${BETWEEN_IMAGES}) AS text, count(*) AS images, max(lang) AS lang
     FROM (SELECT o.message_rowid, ${SEARCHED_TEXT} AS text, o.lang FROM ocr_results o
           JOIN messages m ON m.rowid = o.message_rowid JOIN sources s ON s.id = m.source_id AND s.status = 'imported'
           WHERE o.message_rowid > ? ORDER BY o.message_rowid, o.attachment_id)
     GROUP BY message_rowid ORDER BY message_rowid LIMIT ?`,
    [afterRowid, limit],
  ).map((row) => ({ rowid: asNumber(row['message_rowid']), text: asString(row['text']), lang: asNumber(row['images']) === 1 ? asString(row['lang']) : null }));
}


export function setStoredPath(db: Database, attachmentId: number, storedPath: string): void {
  run(db, 'UPDATE attachments SET stored_path = ? WHERE id = ? AND stored_path IS NULL', [storedPath, attachmentId]);
}
