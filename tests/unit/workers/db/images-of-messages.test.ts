import { describe, expect, it } from 'vitest';
import type { NewMessage } from '../../../../shared/contracts/db-worker.ts';
import { insertChats, insertMessages } from '../../../../workers/db/repos/messages.ts';
import { imagesOfMessages, ocrTextsForRowids } from '../../../../workers/db/repos/ocr.ts';
import { run } from '../../../../workers/db/repos/rows.ts';
import { encodeMessageBatch } from '../../../../workers/import/message-batch.ts';
import { fileCaseWithSource } from '../../../support/memory-case-db.ts';

function message(position: number): NewMessage {
  return {
    id: `m-${position}`, sourceId: 'src-a', chatId: 'c-a', seq: position, sourcePosition: position, kind: 'message', sender: 'Ana', senderId: null, direction: null,
    timestamp: null, timestampText: '', text: '', lang: 'und', langConfidence: 0, attachments: [], deleted: false, edited: false,
    locator: { kind: 'csv-row', file: 'x.csv', row: position, line: position }, extra: null,
  };
}

function attachment(db: ReturnType<typeof fileCaseWithSource>, id: number, rowid: number, mediaType = 'image', sha256: string | null = 'aa'): void {
  run(db, "INSERT INTO attachments (id, message_rowid, source_id, position, kind, media_type, sha256, status, file_name) VALUES (?, ?, 'src-a', 0, 'attached', ?, ?, 'ok', ?)", [id, rowid, mediaType, sha256, `img-${id}.png`]);
}

function ocrResult(db: ReturnType<typeof fileCaseWithSource>, attachmentId: number, rowid: number, text: string, searchable: string | null, engine = '{"name":"tesseract.js","version":"7.0.0"}'): void {
  run(
    db,
    "INSERT INTO ocr_results (attachment_id, message_rowid, text, searchable_text, confidence, lang, words, engine, traineddata, parameters, took_ms, created_at) VALUES (?, ?, ?, ?, 80, 'eng', '[]', ?, '[]', '{}', 1, '2026')",
    [attachmentId, rowid, text, searchable, engine],
  );
}

describe('imagesOfMessages', () => {
  it('gives the images of the messages asked for only, in attachment order (the order their OCR text is joined in), with text, state and engine', () => {
    const db = fileCaseWithSource({ id: 'src-a', path: '/e/a.csv', format: 'csv', sha256: 'a', status: 'imported' });
    try {
      insertChats(db, [{ id: 'c-a', sourceId: 'src-a', title: 'A', kind: 'private', participants: [] }]);
      insertMessages(db, encodeMessageBatch(Array.from({ length: 4 }, (_value, position) => message(position))));
      attachment(db, 3, 1);
      attachment(db, 1, 1);
      attachment(db, 2, 2);
      attachment(db, 4, 2, 'video');
      attachment(db, 5, 2, 'image', null);
      attachment(db, 6, 3);
      ocrResult(db, 3, 1, 'We took your passport RR', 'We took your passport');
      ocrResult(db, 1, 1, 'see you', 'see you', '{}');
      run(db, "INSERT INTO ocr_failures (attachment_id, code, reason, at) VALUES (2, 'E_IMAGE', 'corrupt image', '2026')");

      const images = imagesOfMessages(db, ['m-0', 'm-1', 'm-9']);
      expect(images.map((image) => [image.messageId, image.attachmentId])).toEqual([['m-0', 1], ['m-0', 3], ['m-1', 2]]);
      expect(images[1]).toMatchObject({ ocrText: 'We took your passport RR', ocrSearchableText: 'We took your passport', ocrEngine: 'tesseract.js 7.0.0', ocrLang: 'eng', ocrConfidence: 80, ocrError: null, fileName: 'img-3.png', chatTitle: 'A' });
      // An engine the result does not name is not made up.
      expect(images[0]?.ocrEngine).toBeNull();
      expect(images[2]).toMatchObject({ ocrText: null, ocrEngine: null, ocrError: 'corrupt image' });
      // The texts in the order ocrTextsForRowids joins them, which tag spans and search highlights index.
      expect(ocrTextsForRowids(db, [1])).toEqual([[1, images.filter((image) => image.messageId === 'm-0').map((image) => image.ocrSearchableText).join('\n\n')]]);
    } finally {
      db.close();
    }
  });
});
