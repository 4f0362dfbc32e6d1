import { describe, expect, it } from 'vitest';
import type { NewMessage } from '../../../../shared/contracts/db-worker.ts';
import { insertChats, insertMessages } from '../../../../workers/db/repos/messages.ts';
import { ocrTextsForRowids, ocrTextsToTag, ocrWords } from '../../../../workers/db/repos/ocr.ts';
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

function ocrResult(db: ReturnType<typeof fileCaseWithSource>, attachmentId: number, rowid: number, text: string, searchable: string | null, lang = 'eng'): void {
  run(db, "INSERT INTO attachments (id, message_rowid, source_id, position, kind, media_type, sha256, status) VALUES (?, ?, 'src-a', 0, 'attached', 'image', 'aa', 'ok')", [attachmentId, rowid]);
  run(
    db,
    "INSERT INTO ocr_results (attachment_id, message_rowid, text, searchable_text, confidence, lang, words, engine, traineddata, parameters, took_ms, created_at) VALUES (?, ?, ?, ?, 80, ?, '[]', '{}', '[]', '{}', 1, '2026')",
    [attachmentId, rowid, text, searchable, lang],
  );
}

/** A case holding one chat of `count` messages (rowids 1..count). */
function caseWithMessages(count: number): ReturnType<typeof fileCaseWithSource> {
  const db = fileCaseWithSource({ id: 'src-a', path: '/e/a.csv', format: 'csv', sha256: 'a', status: 'imported' });
  insertChats(db, [{ id: 'c-a', sourceId: 'src-a', title: 'A', kind: 'private', participants: [] }]);
  insertMessages(db, encodeMessageBatch(Array.from({ length: count }, (_value, position) => message(position))));
  return db;
}

describe('ocrTextsForRowids', () => {
  it('answers for any number of messages (a whole export), the searched text of each image joined in attachment order, a result stored before 0110 whole', () => {
    const db = caseWithMessages(2);
    try {
      ocrResult(db, 2, 1, 'We took your passport RR', 'We took your passport');
      ocrResult(db, 1, 1, 'see you EE', 'see you');
      // Stored before migration 0110: its whole text was indexed and tagged.
      ocrResult(db, 3, 2, 'old text', null);
      // More rowids than SQLite takes as parameters of one statement (32,766).
      const rowids = Array.from({ length: 40_000 }, (_value, index) => index + 1);
      expect(new Map(ocrTextsForRowids(db, rowids))).toEqual(new Map([[1, 'see you\n\nWe took your passport'], [2, 'old text']]));
    } finally {
      db.close();
    }
  });

  it('tells the image viewer whether a result had only its sure words searched, so it never claims doubtful words of an older result were left out', () => {
    const db = caseWithMessages(2);
    try {
      ocrResult(db, 1, 1, 'We took your passport RR', 'We took your passport');
      // Stored before migration 0110: RR was searched and tagged like every other word.
      ocrResult(db, 2, 2, 'old text RR', null);
      expect(ocrWords(db, 1)?.onlySureWordsSearched).toBe(true);
      expect(ocrWords(db, 2)?.onlySureWordsSearched).toBe(false);
    } finally {
      db.close();
    }
  });

  it('pages the messages to tag again through ocrTextsToTag: the same joined text, the stored language of a lone image, none for several', () => {
    const db = caseWithMessages(3);
    try {
      ocrResult(db, 2, 1, 'We took your passport RR', 'We took your passport', 'eng');
      ocrResult(db, 1, 1, 'see you EE', 'see you', 'eng');
      ocrResult(db, 3, 2, 'old text', null, 'und');
      ocrResult(db, 4, 3, 'pașaportul tău', 'pașaportul tău', 'ron');
      const joined = new Map(ocrTextsForRowids(db, [1, 2, 3]));
      const first = ocrTextsToTag(db, 0, 2);
      expect(first).toEqual([{ rowid: 1, text: joined.get(1), lang: null }, { rowid: 2, text: 'old text', lang: 'und' }]);
      expect(ocrTextsToTag(db, 2, 2)).toEqual([{ rowid: 3, text: 'pașaportul tău', lang: 'ron' }]);
      expect(ocrTextsToTag(db, 3, 2)).toEqual([]);
      // A source that is no longer imported is not tagged.
      run(db, "UPDATE sources SET status = 'cancelled'");
      expect(ocrTextsToTag(db, 0, 10)).toEqual([]);
    } finally {
      db.close();
    }
  });
});
