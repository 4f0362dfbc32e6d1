import { describe, expect, it } from 'vitest';
import type { NewMessage } from '../../../../shared/contracts/db-worker.ts';
import { fileCaseWithSource, memoryCaseWithSource } from '../../../support/memory-case-db.ts';
import { rowsPerInsert, type SqlConnection } from '../../../../workers/db/sql-connection.ts';
import { MESSAGE_ROW_COLUMNS } from '../../../../shared/contracts/db-worker.ts';
import { insertMessages, messagesByRowids, messagesRange } from '../../../../workers/db/repos/messages.ts';
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

const SOURCE = { id: 'src-1', path: '/e/chat.txt', format: 'whatsapp-txt', sha256: 'h', status: 'imported' };

/** The db worker's connection binds packed rows in place; sql.js (tests) binds them value by value: both must store the same. */
const CONNECTIONS: [string, () => Promise<SqlConnection>][] = [
  ['the case file (values bound in place)', () => Promise.resolve(fileCaseWithSource(SOURCE))],
  ['sql.js in memory (values bound one by one)', () => memoryCaseWithSource(SOURCE)],
];

describe.each(CONNECTIONS)('insertMessages (one packed batch), on %s', (_name, open) => {
  it('stores every field as given and returns rowids in batch order', async () => {
    const db = await open();
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

describe.each(CONNECTIONS)('insertMessages checks each batch as the table once checked each row (migration 0100), on %s', (_name, open) => {
  it.each([
    ['a kind the case does not know', { kind: 'bogus' as NewMessage['kind'] }, /a (kind|direction) the case does not know/u],
    ['a direction the case does not know', { direction: 'sideways' as NewMessage['direction'] }, /a (kind|direction) the case does not know/u],
    ['a chat the case does not have', { chatId: 'c-missing' }, /names a chat the case does not have/u],
    ['a source the case does not have', { sourceId: 'src-missing' }, /must be of one source|a source the case does not have/u],
  ])('refuses a whole batch with a row of %s, and stores the next batch after the rows kept', async (_what, overrides, refusal) => {
    const db = await open();
    withChats(db, CHATS);
    const kept = insertMessages(db, encodeMessageBatch(interleaved(4, chatOf)));
    const count = rowsPerInsert(MESSAGE_ROW_COLUMNS.length) + 5;
    const messages = interleaved(count, chatOf, 4);
    messages[count - 2] = { ...(messages[count - 2] as NewMessage), ...overrides };
    expect(() => insertMessages(db, encodeMessageBatch(messages))).toThrow(refusal);
    expect(storedInRowidOrder(db).map((row) => row.rowid)).toEqual(kept);
    expect(chatOrder(db).map(([, , rowid]) => rowid).sort((a, b) => a - b)).toEqual(kept);
    expect(db.exec("SELECT message_count FROM sources WHERE id = 'src-1'")[0]?.values[0]?.[0]).toBe(4);
    expect(insertMessages(db, encodeMessageBatch(interleaved(2, chatOf, 4)))).toEqual([5, 6]);
    db.close();
  });

  it('refuses a batch that is all of a source the case does not have', async () => {
    const db = await open();
    withChats(db, CHATS);
    expect(() => insertMessages(db, encodeMessageBatch(interleaved(3, chatOf).map((row) => ({ ...row, sourceId: 'src-missing' }))))).toThrow(/a source the case does not have/u);
    expect(storedInRowidOrder(db)).toEqual([]);
    db.close();
  });

  it('keeps a chat or a source that still has messages from being deleted, and a message from moving to a chat or source the case lacks', async () => {
    const db = await open();
    withChats(db, [...CHATS, 'c-empty']);
    insertMessages(db, encodeMessageBatch(interleaved(6, chatOf)));
    expect(() => run(db, "DELETE FROM chats WHERE id = 'c-b'")).toThrow(/a chat that still has messages cannot be deleted/u);
    run(db, "DELETE FROM chats WHERE id = 'c-empty'");
    expect(() => run(db, "DELETE FROM sources WHERE id = 'src-1'")).toThrow(/a source that still has messages cannot be deleted/u);
    expect(() => run(db, "UPDATE messages SET chat_id = 'c-missing' WHERE rowid = 1")).toThrow(/NOT NULL/u);
    expect(() => run(db, "UPDATE messages SET source_id = 'src-missing' WHERE rowid = 1")).toThrow(/a source the case has/u);
    // Moving to a chat the case has moves the message's place in the chat order with it.
    run(db, "UPDATE messages SET chat_id = 'c-1', seq = 99 WHERE rowid = 1");
    expect(chatOrder(db).filter(([, , rowid]) => rowid === 1)).toEqual([['c-1', 99, 1]]);
    run(db, 'DELETE FROM messages WHERE rowid = 1');
    expect(chatOrder(db).filter(([, , rowid]) => rowid === 1)).toEqual([]);
    db.close();
  });
});

describe.each(CONNECTIONS)('insertMessages with awkward values, on %s', (_name, open) => {
  it('keeps text exactly (NUL at either end, every plane, 70,000 characters) and numbers past 32 bits', async () => {
    const db = await open();
    run(db, "INSERT INTO chats (id, title, kind) VALUES ('c-1', 'Chat', 'group')");
    const texts = ['\u0000lead', 'trail\u0000', '', 'ç ș ț 🎉 мир العربية \u200F\u202E', 'x'.repeat(70_000)];
    const messages = texts.map((text, index) => message({ text, seq: 2 ** 40 + index, sender: index === 0 ? '' : 'Ana' }, index));
    const rowids = insertMessages(db, encodeMessageBatch(messages));
    const stored = messagesByRowids(db, rowids);
    expect(stored.map((row) => row.text)).toEqual(texts);
    expect(stored.map((row) => row.seq)).toEqual(messages.map((row) => row.seq));
    expect(stored[0]?.sender).toBe('');
    db.close();
  });

  it('stores a lone surrogate (no UTF-8 for it) as U+FFFD, not as bytes of its neighbours', async () => {
    const db = await open();
    run(db, "INSERT INTO chats (id, title, kind) VALUES ('c-1', 'Chat', 'group')");
    const rowids = insertMessages(db, encodeMessageBatch([message({ text: 'a\uD800b' }, 0), message({ text: 'after' }, 1)]));
    expect(messagesByRowids(db, rowids).map((row) => row.text)).toEqual(['a\uFFFDb', 'after']);
    db.close();
  });

  it('stores a batch of several many-row statements and a shorter last one, each row with its own values, in order', async () => {
    const db = await open();
    run(db, "INSERT INTO chats (id, title, kind) VALUES ('c-1', 'Chat', 'group')");
    const perStatement = rowsPerInsert(MESSAGE_ROW_COLUMNS.length);
    expect(perStatement).toBeGreaterThan(1);
    // Two full statements and a remainder, with values that differ from row to row in every column kind.
    const count = perStatement * 2 + 7;
    const messages = Array.from({ length: count }, (_unused, index) =>
      message({ text: `row ${index} ${'é'.repeat(index % 5)}`, sender: index % 3 === 0 ? null : `S${index}`, langConfidence: index / count, deleted: index % 2 === 0, extra: index % 4 === 0 ? { n: index } : null }, index),
    );
    const rowids = insertMessages(db, encodeMessageBatch(messages));
    expect(rowids).toEqual(Array.from({ length: count }, (_unused, index) => index + 1));
    const stored = messagesByRowids(db, rowids);
    stored.forEach((row, index) => {
      const { attachments: _attachments, sourcePosition: _position, ...fields } = messages[index] as NewMessage;
      expect(row).toMatchObject(fields);
    });
    db.close();
  });

  it.each([
    ['a full statement', (perStatement: number) => perStatement + 3],
    ['the shorter last statement', (perStatement: number) => perStatement * 2 + 1],
  ])('undoes the whole batch when the refused row is in %s', async (_where, refusedAt) => {
    const db = await open();
    run(db, "INSERT INTO chats (id, title, kind) VALUES ('c-1', 'Chat', 'group')");
    const perStatement = rowsPerInsert(MESSAGE_ROW_COLUMNS.length);
    const bad = refusedAt(perStatement);
    const messages = Array.from({ length: perStatement * 2 + 4 }, (_unused, index) => message(index === bad ? { kind: 'bogus' as NewMessage['kind'] } : {}, index));
    expect(() => insertMessages(db, encodeMessageBatch(messages))).toThrow(/a (kind|direction) the case does not know/u);
    expect(db.exec('SELECT count(*) FROM messages')[0]?.values[0]?.[0]).toBe(0);
    db.close();
  });

  it('stores all of a batch or none of it: a row the case refuses undoes the rows before it', async () => {
    const db = await open();
    run(db, "INSERT INTO chats (id, title, kind) VALUES ('c-1', 'Chat', 'group')");
    const refused = message({ kind: 'bogus' as NewMessage['kind'] }, 2);
    expect(() => insertMessages(db, encodeMessageBatch([message({}, 0), message({}, 1), refused]))).toThrow(/a (kind|direction) the case does not know/u);
    expect(db.exec('SELECT count(*) FROM messages')[0]?.values[0]?.[0]).toBe(0);
    // The numbering goes on after the undone rows; nothing of them is left.
    const rowids = insertMessages(db, encodeMessageBatch([message({}, 3)]));
    expect(messagesByRowids(db, rowids).map((row) => row.id)).toEqual([message({}, 3).id]);
    db.close();
  });
});

function withChats(db: SqlConnection, chatIds: readonly string[]): void {
  for (const chatId of chatIds) run(db, "INSERT INTO chats (id, title, kind) VALUES (?, 'Chat', 'group')", [chatId]);
}

/** Rows of `chatOf(index)`, numbered within each chat in batch order, each with text of its own. */
function interleaved(count: number, chatOf: (index: number) => string, from = 0, seqFrom = new Map<string, number>()): NewMessage[] {
  return Array.from({ length: count }, (_unused, offset) => {
    const index = from + offset;
    const chatId = chatOf(index);
    const seq = seqFrom.get(chatId) ?? 0;
    seqFrom.set(chatId, seq + 1);
    return message({ chatId, seq, text: `row ${index} of ${chatId}`, sender: index % 3 === 0 ? null : `S${index}` }, index);
  });
}

function storedInRowidOrder(db: SqlConnection): { rowid: number; id: string }[] {
  return (db.exec('SELECT rowid, id FROM messages ORDER BY rowid')[0]?.values ?? []).map((row) => ({ rowid: row[0] as number, id: row[1] as string }));
}

function sequenceValue(db: SqlConnection): number | undefined {
  return db.exec("SELECT seq FROM sqlite_sequence WHERE name = 'messages'")[0]?.values[0]?.[0] as number | undefined;
}

// An SMS backup's batches interleave hundreds of conversations: rowids follow the batch, each chat keeps its seq order.
const CHATS = ['c-b', 'c-a', 'c-10', 'c-1'];
const chatOf = (index: number): string => CHATS[(index * 7 + Math.floor(index / 5)) % CHATS.length] as string;

describe.each(CONNECTIONS)('insertMessages of a batch that interleaves chats, on %s', (_name, open) => {
  it('stores every row with the rowid of its place in the batch, its own values and attachments, each chat in seq order', async () => {
    const db = await open();
    withChats(db, CHATS);
    const count = rowsPerInsert(MESSAGE_ROW_COLUMNS.length) * 2 + 7;
    const messages = interleaved(count, chatOf);
    messages[4] = { ...(messages[4] as NewMessage), attachments: [attachment('IMG-4.jpg'), attachment('IMG-4b.jpg')] };
    messages[count - 2] = { ...(messages[count - 2] as NewMessage), attachments: [attachment('IMG-last.jpg')] };
    const rowids = insertMessages(db, encodeMessageBatch(messages));

    expect(rowids).toEqual(messages.map((_message, index) => index + 1));
    expect(storedInRowidOrder(db)).toEqual(messages.map((row, index) => ({ rowid: index + 1, id: row.id })));
    const stored = messagesByRowids(db, rowids);
    stored.forEach((row, index) => {
      const { attachments, sourcePosition: _position, ...fields } = messages[index] as NewMessage;
      expect(row).toMatchObject(fields);
      expect(row.attachments.map((attached) => attached.fileName)).toEqual(attachments.map((attached) => attached.fileName));
    });
    for (const chatId of CHATS) {
      const inChat = messages.filter((row) => row.chatId === chatId);
      expect(messagesRange(db, chatId, 0, count).messages.map((row) => row.id)).toEqual(inChat.map((row) => row.id));
    }
    expect(sequenceValue(db)).toBe(count);
    db.close();
  });

  it('continues the rowids with the next batch', async () => {
    const db = await open();
    withChats(db, CHATS);
    const seqs = new Map<string, number>();
    const first = interleaved(30, chatOf, 0, seqs);
    const second = interleaved(25, chatOf, 30, seqs);
    insertMessages(db, encodeMessageBatch(first));
    expect(insertMessages(db, encodeMessageBatch(second))).toEqual(second.map((_message, index) => 31 + index));
    expect(storedInRowidOrder(db).map((row) => row.id)).toEqual([...first, ...second].map((row) => row.id));
    for (const chatId of CHATS) {
      expect(messagesRange(db, chatId, 0, 100).messages.map((row) => row.id)).toEqual([...first, ...second].filter((row) => row.chatId === chatId).map((row) => row.id));
    }
    db.close();
  });

  it.each([
    ['the first row of the batch', 0],
    ['a row inside the first statement', 5],
    ['a row of the last statement', -3],
    ['the last row of the batch', -1],
  ])('undoes the whole batch when the refused row is %s', async (_where, at) => {
    const db = await open();
    withChats(db, CHATS);
    const kept = insertMessages(db, encodeMessageBatch(interleaved(9, chatOf)));
    const count = rowsPerInsert(MESSAGE_ROW_COLUMNS.length) * 2 + 4;
    const messages = interleaved(count, chatOf, 9);
    const bad = at < 0 ? count + at : at;
    messages[bad] = { ...(messages[bad] as NewMessage), kind: 'bogus' as NewMessage['kind'] };
    expect(() => insertMessages(db, encodeMessageBatch(messages))).toThrow(/a (kind|direction) the case does not know/u);
    expect(storedInRowidOrder(db).map((row) => row.rowid)).toEqual(kept);
    expect(sequenceValue(db)).toBe(9);
    // Nor has the refused batch any place in a chat's order.
    expect(chatOrder(db).map(([, , rowid]) => rowid).sort((a, b) => a - b)).toEqual(kept);
    // The numbering goes on from the rows kept.
    expect(insertMessages(db, encodeMessageBatch(interleaved(3, chatOf, 9)))).toEqual([10, 11, 12]);
    db.close();
  });
});

/** The chat_order table (migrations 0090, 0100): chat id, seq, message rowid, in that order. */
function chatOrder(db: SqlConnection): [string, number, number][] {
  return (db.exec('SELECT c.id, o.seq, o.message_rowid FROM chat_order o JOIN chats c ON c.number = o.chat ORDER BY c.id, o.seq, o.message_rowid')[0]?.values ?? []).map((row) => [
    String(row[0]),
    Number(row[1]),
    Number(row[2]),
  ]);
}

describe.each(CONNECTIONS)("a batch in its chats' order, on %s", (_name, open) => {
  it('gives every stored row its place in its chat (chat_order), which pages of a chat read in seq order', async () => {
    const db = await open();
    withChats(db, CHATS);
    const first = interleaved(150, chatOf);
    const rowids = insertMessages(db, encodeMessageBatch(first));
    const seqs = new Map<string, number>();
    for (const row of first) seqs.set(row.chatId, (seqs.get(row.chatId) ?? 0) + 1);
    const second = interleaved(40, chatOf, 150, seqs);
    rowids.push(...insertMessages(db, encodeMessageBatch(second)));
    const expected = [...first, ...second].map((row, index) => [row.chatId, row.seq, rowids[index] as number] as [string, number, number]);
    expected.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1] || a[2] - b[2]));
    expect(chatOrder(db)).toEqual(expected);
    for (const chat of CHATS) {
      const inChat = [...first, ...second].filter((row) => row.chatId === chat);
      const page = messagesRange(db, chat, 3, 10).messages;
      expect(page.map((row) => row.id)).toEqual(inChat.slice(3, 13).map((row) => row.id));
    }
    db.close();
  });
});

function attachment(fileName: string): NewMessage['attachments'][number] {
  return { kind: 'attached', mediaType: 'image', fileName, mimeType: 'image/jpeg', sourcePath: fileName, size: 12, sha256: 'a'.repeat(64), status: 'verified', vendorMd5: null, vendorSha256: null, storedPath: null };
}
