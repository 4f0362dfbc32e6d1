import { describe, expect, it } from 'vitest';
import type { NewChat } from '../../../../shared/contracts/db-worker.ts';
import type { ImportJob } from '../../../../shared/contracts/import-worker.ts';
import type { ParsedMessage } from '../../../../shared/contracts/parsed-source.ts';
import type { CallContext } from '../../../../shared/worker/serve.ts';
import { RecordWriter } from '../../../../workers/import/record-writer.ts';
import { folderFiles } from '../../../../workers/import/source-files.ts';

describe('the RecordWriter and participants', () => {
  it('stores the participants a chat is announced with, and again, whole, when it is announced with new ones', async () => {
    const stored: NewChat[][] = [];
    const db = {
      call: async (method: string, params: { chats?: NewChat[]; batch?: { rows: { count: number } } }) => {
        if (method === 'insertChats') stored.push(params.chats ?? []);
        if (method === 'insertMessages') return { rowids: Array.from({ length: params.batch?.rows.count ?? 0 }, (_, index) => index + 1) };
        return null;
      },
    };
    const job = { source: { id: 'src-1', sha256: 'a'.repeat(64), timeZone: 'UTC' }, path: '/e/t.mbox', casePath: '/tmp/case', format: 'email' } as unknown as ImportJob;
    const context = { throwIfCancelled: () => undefined, progress: () => undefined } as unknown as CallContext;
    const writer = new RecordWriter(job, { db: db as never, index: [] }, context, folderFiles('/e/t.mbox'));
    const message: ParsedMessage = { chatKey: 't', kind: 'message', sender: 'a@x', time: null, timestampText: '', text: 'hi', attachments: [], deleted: false, edited: false, locator: { kind: 'text-lines', file: 't.mbox', lineStart: 1, lineEnd: 1, byteStart: 0, byteEnd: 1 } };
    writer.chat({ key: 't', title: 'Plan', participants: [{ name: null, id: 'a@x' }, { name: null, id: 'b@y' }] });
    await writer.message(message);
    await writer.flush();
    // Nobody new: nothing is sent again.
    writer.chat({ key: 't', title: 'Re: Plan', participants: [{ name: null, id: 'B@y' }] });
    await writer.message(message);
    await writer.flush();
    writer.chat({ key: 't', title: 'Re: Plan', participants: [{ name: 'C', id: 'c@z' }] });
    await writer.message(message);
    await writer.flush();
    expect(stored.map((chats) => chats.map((chat) => [chat.title, chat.participants.map((participant) => participant.id)]))).toEqual([
      [['Plan', ['a@x', 'b@y']]],
      [['Plan', ['a@x', 'b@y', 'c@z']]],
    ]);
  });
});
