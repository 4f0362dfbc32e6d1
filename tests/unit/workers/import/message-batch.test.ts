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
