import { describe, expect, it } from 'vitest';
import type { NewMessage } from '../../../../shared/contracts/db-worker.ts';
import { MESSAGE_ROW_COLUMNS } from '../../../../shared/contracts/db-worker.ts';
import { unpackRows } from '../../../../shared/contracts/packed-rows.ts';
import { MessageBatchEncoder, PackedRowsWriter } from '../../../../workers/import/message-batch.ts';

function message(index: number, overrides: Partial<NewMessage> = {}): NewMessage {
  return {
    id: `m-${index}`, sourceId: 'src-1', chatId: `c-${index % 2}`, seq: index, sourcePosition: index, kind: 'message', sender: index % 3 === 0 ? null : 'Ana',
    senderId: null, direction: 'incoming', timestamp: null, timestampText: '', text: `t${index}`, lang: 'und', langConfidence: 0, attachments: [], deleted: false, edited: false,
    locator: { kind: 'file', file: 'x' }, extra: null, ...overrides,
  };
}

const column = (name: string): number => MESSAGE_ROW_COLUMNS.indexOf(name as (typeof MESSAGE_ROW_COLUMNS)[number]);

describe('packed message rows', () => {
  it('point a value repeated from the row before at the bytes already packed, and every batch at bytes of its own', () => {
    const encoder = new MessageBatchEncoder(4);
    const values = (messages: NewMessage[]): unknown[][] => {
      for (const each of messages) encoder.add(each);
      const batch = encoder.take();
      if (batch === null) throw new Error('no batch');
      const rows = unpackRows(batch.rows);
      // A source id repeated from the row before is packed once.
      const sourceCells = Array.from({ length: batch.rows.count }, (_row, row) => batch.rows.cells[(row * MESSAGE_ROW_COLUMNS.length + column('source_id')) * 2]);
      expect(new Set(sourceCells).size).toBe(new Set(messages.map((each) => each.sourceId)).size);
      return rows.map((row) => [row[column('source_id')], row[column('chat_id')], row[column('sender')], row[column('text')], row[column('lang')]]);
    };
    const first = [message(0), message(1), message(2), message(3, { lang: 'ron' })];
    expect(values(first)).toEqual(first.map((each) => [each.sourceId, each.chatId, each.sender, each.text, each.lang]));
    // The next batch starts a new text buffer: nothing may point into the last one.
    const second = [message(4, { sourceId: 'src-1' }), message(5, { chatId: 'c-1', sender: 'Ana' }), message(6, { sourceId: 'src-2' })];
    expect(values(second)).toEqual(second.map((each) => [each.sourceId, each.chatId, each.sender, each.text, each.lang]));
  });

  it('point a value seen earlier in the batch (not only in the row before) at the bytes already packed', () => {
    const encoder = new MessageBatchEncoder(8);
    const senders = ['Ana', 'Dan', 'Ana', 'Eve', 'Dan', 'Ana'];
    senders.forEach((sender, index) => encoder.add(message(index, { sender, chatId: `c-${index % 3}` })));
    const batch = encoder.take();
    if (batch === null) throw new Error('no batch');
    const rows = unpackRows(batch.rows);
    expect(rows.map((row) => row[column('sender')])).toEqual(senders);
    expect(rows.map((row) => row[column('chat_id')])).toEqual(senders.map((_sender, index) => `c-${index % 3}`));
    const cellOf = (row: number, name: string): number => batch.rows.cells[(row * MESSAGE_ROW_COLUMNS.length + column(name)) * 2] as number;
    expect(new Set(senders.map((_sender, row) => cellOf(row, 'sender'))).size).toBe(3);
    expect(new Set(senders.map((_sender, row) => cellOf(row, 'chat_id'))).size).toBe(3);
  });

  it.each<[string, Partial<NewMessage>]>([
    ['all four ASCII', { timestamp: '2024-03-01T08:00:00.000Z', timestampText: '01/03/2024, 10:00' }],
    ['no UTC time', { timestamp: null, timestampText: '01/03/2024, 10:00' }],
    ['a time written with a narrow no-break space and Arabic digits', { timestamp: '2024-03-01T08:00:00.000Z', timestampText: '١‏/٣‏/٢٠٢٤ 10:00\u202fPM' }],
    ['a time with a lone surrogate', { timestamp: '2024-03-01T08:00:00.000Z', timestampText: 'x\ud800y' }],
    ['a locator whose file name is not ASCII', { timestamp: '2024-03-01T08:00:00.000Z', timestampText: '1', locator: { kind: 'text-lines', file: 'Chat cu Ștefan 🎉.txt', lineStart: 1, lineEnd: 2, byteStart: 0, byteEnd: 9 } }],
    ['empty pieces', { id: '', timestamp: '', timestampText: '', locator: { kind: 'file', file: '' } }],
  ])('pack id, UTC time, time as written and locator whole, with %s', (_case, overrides) => {
    const encoder = new MessageBatchEncoder(4);
    const messages = [message(0, overrides), message(1), message(2, overrides)];
    for (const each of messages) encoder.add(each);
    const batch = encoder.take();
    if (batch === null) throw new Error('no batch');
    const rows = unpackRows(batch.rows);
    expect(rows.map((row) => [row[column('id')], row[column('timestamp')], row[column('timestamp_text')], row[column('locator')], row[column('text')]])).toEqual(
      messages.map((each) => [each.id, each.timestamp, each.timestampText.replace('\ud800', '\ufffd'), JSON.stringify(each.locator), each.text]),
    );
  });

  it('write strings of every width whole (the writer that skips Buffer.write checks)', () => {
    const writer = new PackedRowsWriter(1);
    const texts = ['', 'ascii', 'ş ț', '😀👩‍👩‍👧', 'a\u0000b', 'x'.repeat(300_000), 'lone \ud800 half'];
    writer.start(1);
    for (const text of texts) {
      writer.startRow();
      writer.string(text);
    }
    expect(unpackRows(writer.finish()).map((row) => row[0])).toEqual(texts.map((text) => text.replace('\ud800', '\ufffd')));
  });
});
