import { describe, expect, it } from 'vitest';
import type { NewMessage } from '../../../../shared/contracts/db-worker.ts';
import { memoryCaseWithSource } from '../../../support/memory-case-db.ts';
import { insertMessages, messagesByRowids } from '../../../../workers/db/repos/messages.ts';
import { run } from '../../../../workers/db/repos/rows.ts';
import { encodeMessageBatch } from '../../../../workers/import/message-batch.ts';

function message(overrides: Partial<NewMessage>, index: number): NewMessage {
  return {
    id: `m-0123456789abcdef-${String(index).padStart(8, '0')}`,
    sourceId: 'src-1',
    chatId: 'c-1',
    seq: index,
    sourcePosition: index,
    kind: 'message',
    sender: 'Ana Pop',
    senderId: null,
    direction: null,
    timestamp: '2024-03-01T08:00:00.000Z',
    timestampText: '01/03/2024, 10:00',
    text: 'hello',
    lang: 'und',
    langConfidence: 0,
    attachments: [],
    deleted: false,
    edited: false,
    locator: { kind: 'text-lines', file: 'chat.txt', lineStart: index + 1, lineEnd: index + 1, byteStart: index * 10, byteEnd: index * 10 + 9 },
    extra: null,
    ...overrides,
  };
}

describe('insertMessages (one JSON batch per statement)', () => {
  it('stores every field as given and returns rowids in batch order', async () => {
    const db = await memoryCaseWithSource({ id: 'src-1', path: '/e/chat.txt', format: 'whatsapp-txt', sha256: 'h', status: 'imported' });
    run(db, "INSERT INTO chats (id, title, kind) VALUES ('c-1', 'Chat', 'group')");
    const messages = [
      message({}, 0),
      message({ sender: null, kind: 'system', text: 'Ana added Mihai', direction: 'incoming', deleted: true, edited: true, langConfidence: 0.75, lang: 'ron' }, 1),
      message({ text: 'نص عربي 🙈 « quotes " and \\ backslash\nnew line', extra: { placeholder: true, nested: { list: [1, 'two', null] } }, senderId: '+40721000111' }, 2),
      message({ kind: 'unparsed', text: 'x\u0000y', timestamp: null, extra: { unparsedReason: 'no header' } }, 3),
      message(
        {
          attachments: [
            { kind: 'attached', mediaType: 'image', fileName: 'IMG-1.jpg', mimeType: 'image/jpeg', sourcePath: 'IMG-1.jpg', size: 12, sha256: 'a'.repeat(64), status: 'verified', vendorMd5: null, vendorSha256: null, storedPath: null },
          ] as NewMessage['attachments'],
        },
        4,
      ),
    ];
    const rowids = insertMessages(db, encodeMessageBatch(messages));
    expect(rowids).toEqual([1, 2, 3, 4, 5]);
    const stored = messagesByRowids(db, rowids);
    expect(stored.map((row) => row.id)).toEqual(messages.map((row) => row.id));
    stored.forEach((row, index) => {
      const given = messages[index] as NewMessage;
      const { attachments, sourcePosition: _position, ...fields } = given;
      expect(row).toMatchObject(fields);
      expect(row.attachments.map((attachment) => attachment.fileName)).toEqual(attachments.map((attachment) => attachment.fileName));
    });
    // A second batch continues the numbering.
    expect(insertMessages(db, encodeMessageBatch([message({}, 5)]))).toEqual([6]);
    db.close();
  });
});
