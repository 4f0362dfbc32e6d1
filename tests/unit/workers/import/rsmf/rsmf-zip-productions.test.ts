import { describe, expect, it } from 'vitest';
import type { NewChat } from '../../../../../shared/contracts/db-worker.ts';
import { PARSERS } from '../../../../../workers/import/parsers.ts';
import { importZip } from '../../../../../workers/import/zip/zip-source.ts';
import { stubRecordWriter } from '../../../../support/stub-record-writer.ts';
import { tempFolder, writeTemp } from '../../../../support/temp-case.ts';
import { buildZip } from '../../../../support/zip-writer.ts';
import { rsmfMessage, rsmfZip } from './rsmf-builder.ts';
import type { ManifestShape } from './rsmf-builder.ts';

/**
 * A zip of several .rsmf files is one source: its productions go through one RecordWriter. A
 * conversation id and a participant id are unique only "within the manifest" (the schemas).
 */

function production(participant: string, collection?: string): Buffer {
  const manifest: ManifestShape = {
    version: '2.0.0',
    ...(collection === undefined ? {} : { eventcollectionid: collection }),
    participants: [{ id: 'P1', display: participant }, { id: 'P2', display: 'Examiner' }],
    conversations: [{ id: 'C1', platform: 'sms', type: 'direct', participants: ['P1', 'P2'] }],
    events: [{ type: 'message', participant: 'P1', conversation: 'C1', timestamp: '2023-05-01T10:00:00Z', body: `from ${participant}` }],
  };
  return rsmfMessage(rsmfZip(manifest));
}

async function chatsOf(entries: { name: string; data: Buffer }[]): Promise<NewChat[]> {
  const path = writeTemp(tempFolder(), 'productions.zip', buildZip(entries));
  const stored: NewChat[] = [];
  const writer = stubRecordWriter({ path, format: 'zip' }, (method, params) => {
    if (method === 'insertChats') stored.push(...(params.chats ?? []));
  });
  await importZip(path, writer, PARSERS, {});
  await writer.flush();
  return stored;
}

describe('a zip of .rsmf productions', () => {
  it('keeps the conversation C1 of two productions apart, with the participant P1 of each', async () => {
    const chats = await chatsOf([{ name: 'agency-a.rsmf', data: production('Ana') }, { name: 'agency-b.rsmf', data: production('Carl') }]);
    const byId = new Map(chats.map((chat) => [chat.id, chat]));
    expect(byId.size).toBe(2);
    expect([...byId.values()].map((chat) => chat.participants.map((participant) => participant.name))).toEqual([['Ana', 'Examiner'], ['Carl', 'Examiner']]);
  });

  it('makes two slices of one collection one chat, in which the P1 of each stays a person of their own', async () => {
    const chats = await chatsOf([{ name: 'day-1.rsmf', data: production('Ana', 'thread-C1') }, { name: 'day-2.rsmf', data: production('Carl', 'thread-C1') }]);
    expect(new Set(chats.map((chat) => chat.id)).size).toBe(1);
    // Sent whole each time (chat_sources keeps the last): the last holds everyone. The examiner
    // is P2 in both, with nothing but that id: whether it is one person the manifests do not say.
    const last = chats.at(-1)?.participants ?? [];
    expect(last.map((participant) => participant.name)).toEqual(['Ana', 'Examiner', 'Carl', 'Examiner']);
    expect(new Set(last.map((participant) => participant.id)).size).toBe(4);
  });
});
