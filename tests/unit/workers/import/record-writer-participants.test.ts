import { describe, expect, it } from 'vitest';
import type { NewChat } from '../../../../shared/contracts/db-worker.ts';
import type { ParsedMessage } from '../../../../shared/contracts/parsed-source.ts';
import { stubRecordWriter } from '../../../support/stub-record-writer.ts';

describe('the RecordWriter and participants', () => {
  it('stores the participants a chat is announced with, and again, whole, when it is announced with new ones', async () => {
    const stored: NewChat[][] = [];
    const writer = stubRecordWriter({ path: '/e/t.mbox', format: 'email' }, (method, params) => {
      if (method === 'insertChats') stored.push(params.chats ?? []);
    });
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
