import { describe, expect, it } from 'vitest';
import { MESSAGE_ROW_COLUMNS } from '../../../../shared/contracts/db-worker.ts';
import { unpackRows } from '../../../../shared/contracts/packed-rows.ts';
import { stubRecordWriter } from '../../../support/stub-record-writer.ts';

const POSITION = MESSAGE_ROW_COLUMNS.indexOf('source_position');

/**
 * The writer keeps more than one batch on its way to the db worker. Regression: a batch that
 * brought a new chat awaited its insertChats before sending its messages, so the next batch's
 * messages overtook it and got lower rowids than messages before them in the source.
 */
describe('RecordWriter batches', () => {
  it('reach the db worker in source order, each chat before the messages that need it', async () => {
    const calls: string[] = [];
    const positions: number[] = [];
    const writer = stubRecordWriter({ path: '/e/x.txt', format: 'csv' }, async (method, params) => {
      if (method === 'insertChats') {
        calls.push(`chats ${params.chats?.length ?? 0}`);
        // A slow answer: the next batch is sent meanwhile.
        await new Promise((resolve) => setTimeout(resolve, 20));
        return null;
      }
      const rows = params.batch === undefined ? [] : unpackRows(params.batch.rows);
      calls.push(`messages ${rows.length}`);
      for (const row of rows) positions.push(Number(row[POSITION]));
      return undefined;
    });
    const base = { sender: 'Ana', time: null, timestampText: '', deleted: false, edited: false, kind: 'message' } as const;
    for (let index = 0; index < 7000; index += 1) {
      // A new chat starts in the second and in the fourth batch.
      const chatKey = index < 2500 ? 'first' : index < 6500 ? 'second' : 'third';
      await writer.message({ ...base, attachments: [], chatKey, text: `m${index}`, locator: { kind: 'csv-row', file: 'x.csv', row: index + 2, line: index + 2 } });
    }
    await writer.flush();
    expect(calls).toEqual(['chats 1', 'messages 2000', 'chats 1', 'messages 2000', 'messages 2000', 'chats 1', 'messages 1000']);
    expect(positions).toEqual(Array.from({ length: 7000 }, (_value, index) => index));
  });
});
