import { describe, expect, it } from 'vitest';
import type { Database } from 'sql.js';
import type { ParsedMessage } from '../../../../shared/contracts/parsed-source.ts';
import type { ImportJob } from '../../../../shared/contracts/import-worker.ts';
import { compareCodePoints } from '../../../../shared/text/code-point-order.ts';
import type { CallContext } from '../../../../shared/worker/serve.ts';
import { memoryCaseWithSource } from '../../../support/memory-case-db.ts';
import { locateMessage, messagesRange, summariseChats } from '../../../../workers/db/repos/messages.ts';
import { selectAll } from '../../../../workers/db/repos/rows.ts';
import { RecordWriter } from '../../../../workers/import/record-writer.ts';
import { folderFiles } from '../../../../workers/import/source-files.ts';
import { caseDbClient } from '../../../support/case-db-client.ts';

// Senders whose code point order differs from JavaScript's UTF-16 order (astral vs U+FFxx).
const SENDERS = ['bob', 'Émile', '𝒜lice', '\uFF21na', 'ana', null];

function caseWithOneSource(): Promise<Database> {
  return memoryCaseWithSource({ id: 'src-1', path: '/e/x.csv', format: 'csv', sha256: 'c'.repeat(64), status: 'importing' });
}

/** Writes messages through a RecordWriter into a real case database, as an import does. */
async function importInto(db: Database, messages: ParsedMessage[]): Promise<RecordWriter> {
  const client = caseDbClient(db);
  const job = { source: { id: 'src-1', sha256: 'c'.repeat(64), timeZone: 'UTC' }, path: '/e/x.csv', casePath: '/tmp/case', format: 'csv' } as unknown as ImportJob;
  const context = { throwIfCancelled: () => undefined, progress: () => undefined } as unknown as CallContext;
  const writer = new RecordWriter(job, { db: client as never, index: [] }, context, folderFiles('/e/x.csv'));
  for (const message of messages) await writer.message(message);
  await writer.flush();
  return writer;
}

/** The `index`th row of the CSV file x.csv as a parsed message, with its own chat, kind, sender and time. */
function csvRow(index: number, fields: Pick<ParsedMessage, 'chatKey' | 'kind' | 'sender' | 'time'> & Partial<ParsedMessage>): ParsedMessage {
  return {
    timestampText: `t${index}`,
    text: `m${index}`,
    attachments: [],
    deleted: false,
    edited: false,
    locator: { kind: 'csv-row', file: 'x.csv', row: index + 2, line: index + 2 },
    ...fields,
  };
}

function sampleMessages(): ParsedMessage[] {
  return Array.from({ length: 4500 }, (_value, index) => {
    const sender = SENDERS[index % SENDERS.length] ?? null;
    const day = 1 + ((index * 7) % 28);
    return csvRow(index, {
      chatKey: index % 5 === 0 ? 'group' : 'pair',
      kind: index % 11 === 0 ? 'system' : index % 13 === 0 ? 'unparsed' : 'message',
      sender,
      // Some senders come with ids, some without: the pairs are ordered as SQLite orders them (null id first).
      senderId: index % 4 === 0 ? null : `id-${index % 3}`,
      time: index % 17 === 0 ? null : { utcMs: Date.UTC(2024, index % 12, day, index % 24) },
    });
  });
}

const chatRows = (db: Database): Record<string, unknown>[] => selectAll(db, 'SELECT id, message_count, first_timestamp, last_timestamp, participants, out_of_time_order FROM chats ORDER BY id');

describe('summariseChats', () => {
  it('gives the same chat rows from the import’s own figures as from reading every row', async () => {
    const fromRows = await caseWithOneSource();
    await importInto(fromRows, sampleMessages());
    summariseChats(fromRows, 'src-1');

    const fromFigures = await caseWithOneSource();
    const writer = await importInto(fromFigures, sampleMessages());
    const figures = writer.chatSummaries();
    expect(figures).toHaveLength(2);
    for (const { chatId, senders } of figures) {
      // The import's pairs in the order SQLite gives them (a null id first, then by code point).
      const stored = selectAll(fromRows, "SELECT DISTINCT sender, sender_id FROM messages WHERE chat_id = ? AND sender IS NOT NULL AND kind = 'message' ORDER BY sender, sender_id", [chatId]);
      expect(senders).toEqual(stored.map((row) => ({ sender: row['sender'], senderId: row['sender_id'] })));
      expect(senders.some((pair) => pair.senderId === null) && senders.some((pair) => pair.senderId !== null)).toBe(true);
    }
    summariseChats(fromFigures, 'src-1', figures);

    expect(chatRows(fromFigures)).toEqual(chatRows(fromRows));
    for (const row of chatRows(fromRows)) {
      // SQLite's order, which the import's figures must follow: U+FF21 before the astral 𝒜.
      expect(JSON.parse(String(row['participants']))).toEqual(['ana', 'bob', 'Émile', '\uFF21na', '𝒜lice']);
    }
  });

  it('reads the rows when the figures do not match them', async () => {
    const db = await caseWithOneSource();
    const writer = await importInto(db, sampleMessages());
    const wrong = writer.chatSummaries().map((figures) => ({ ...figures, count: figures.count + 1, senders: [{ sender: 'nobody', senderId: null }] }));
    summariseChats(db, 'src-1', wrong);
    for (const row of chatRows(db)) expect(row['participants']).not.toContain('nobody');
  });
});

/** A chat listed out of time order: a clock put back twice, and messages with no time after each. */
function clockPutBack(): ParsedMessage[] {
  const hours = [10, 9, null, 11, 8, null, 12];
  return hours.map((hour, index) =>
    csvRow(index, { chatKey: index === hours.length - 1 ? 'in-order' : 'put-back', kind: 'message', sender: 'ana', time: hour === null ? null : { utcMs: Date.UTC(2024, 0, 1, hour) } }),
  );
}

describe('a chat read by time', () => {
  for (const figures of [true, false]) {
    it(`counts the messages earlier than one listed before them and orders them by time (${figures ? 'the import’s figures' : 'read from the rows'})`, async () => {
      const db = await caseWithOneSource();
      const writer = await importInto(db, clockPutBack());
      summariseChats(db, 'src-1', figures ? writer.chatSummaries() : []);
      const chatOf = (title: string): string => String(selectAll(db, 'SELECT id FROM chats WHERE title = ?', [title])[0]?.['id']);
      const putBack = chatOf('put-back');
      expect(selectAll(db, 'SELECT title, out_of_time_order FROM chats ORDER BY title')).toEqual([
        { title: 'in-order', out_of_time_order: 0 },
        // 09:00 after 10:00, 08:00 after 11:00; the messages without a time are not counted.
        { title: 'put-back', out_of_time_order: 2 },
      ]);
      const texts = (page: { messages: { text: string }[] }): string[] => page.messages.map((message) => message.text);
      expect(texts(messagesRange(db, putBack, 0, 10))).toEqual(['m0', 'm1', 'm2', 'm3', 'm4', 'm5']);
      // A message without a time stays after the message listed before it (m2 after m1, m5 after m4).
      const byTime = messagesRange(db, putBack, 0, 10, 'time');
      expect(texts(byTime)).toEqual(['m4', 'm5', 'm1', 'm2', 'm0', 'm3']);
      expect(byTime.positions).toEqual([0, 1, 2, 3, 4, 5]);
      const page = messagesRange(db, putBack, 2, 3, 'time');
      expect([texts(page), page.positions, page.total]).toEqual([['m1', 'm2', 'm0'], [2, 3, 4], 6]);
      const m0 = page.messages[2]?.id ?? '';
      expect(locateMessage(db, m0)).toEqual({ chatId: putBack, seq: 0, timePosition: 4 });
      // A chat in time order has no order of its own: its place by time is its seq.
      const inOrder = chatOf('in-order');
      expect(texts(messagesRange(db, inOrder, 0, 10, 'time'))).toEqual(['m6']);
      expect(selectAll(db, 'SELECT count(*) AS n FROM chat_time_order')).toEqual([{ n: 6 }]);
    });
  }

  it('leaves no place behind for a message that leaves the case, and orders the chat again when summarised', async () => {
    const db = await caseWithOneSource();
    const writer = await importInto(db, clockPutBack());
    summariseChats(db, 'src-1', writer.chatSummaries());
    db.run("DELETE FROM messages WHERE text IN ('m4', 'm1')");
    expect(selectAll(db, 'SELECT count(*) AS n FROM chat_time_order')).toEqual([{ n: 4 }]);
    summariseChats(db, 'src-1');
    expect(selectAll(db, "SELECT out_of_time_order FROM chats WHERE title = 'put-back'")).toEqual([{ out_of_time_order: 0 }]);
    expect(selectAll(db, 'SELECT count(*) AS n FROM chat_time_order')).toEqual([{ n: 0 }]);
  });
});

describe('compareCodePoints', () => {
  it('orders as UTF-8 bytes do (SQLite BINARY), not as UTF-16 code units', () => {
    const words = ['\uFFFD', '😀', 'a', '', 'ab', '\uE000', 'Z'];
    const byBytes = [...words].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
    expect([...words].sort(compareCodePoints)).toEqual(byBytes);
  });
});
