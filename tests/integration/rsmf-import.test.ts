import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Engine } from '../../engine/engine.ts';
import type { Message } from '../../shared/domain/message.ts';
import { tempFolder, writeTemp } from '../support/temp-case.ts';
import { buildZip } from '../support/zip-writer.ts';
import { rsmfMessage, rsmfZip, smallManifest } from '../unit/workers/import/rsmf/rsmf-builder.ts';

const engines: Engine[] = [];
afterEach(async () => {
  await Promise.all(engines.splice(0).map((engine) => engine.dispose()));
});

const PHOTO = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x52, 0x53, 0x4d, 0x46]);
const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** The small conversation with a join, and a message carrying a photo that is in rsmf.zip and a file that is not. */
function manifest(): ReturnType<typeof smallManifest> {
  const shape = smallManifest();
  shape.events = [
    { type: 'join', participant: 'P2', conversation: 'C1', timestamp: '2023-05-01T09:59:00Z' },
    ...(shape.events ?? []),
    { id: 'm3', type: 'message', participant: 'P1', conversation: 'C1', timestamp: '2023-05-01T10:02:00+02:00', body: 'the photo', attachments: [{ id: 'IMG_0001.jpg', display: 'IMG_0001.jpg', size: 8 }, { id: 'lost.pdf', display: 'lost.pdf' }] },
  ];
  return shape;
}

async function importOne(name: string, bytes: Uint8Array) {
  const engine = new Engine({ mode: 'cli', actor: 'rsmf-test' });
  engines.push(engine);
  const folder = tempFolder();
  const session = await engine.openCase(join(folder, 'case'), true);
  const file = writeTemp(folder, name, bytes);
  const summary = await engine.startImport([file], { timeZone: 'Europe/Bucharest' }).done;
  const [conversation] = await session.db.client.call('listConversations', {});
  const { messages } = await session.db.client.call('messagesRange', { chatId: conversation?.id ?? '', offset: 0, limit: 10 });
  return { session, summary, conversation, messages: messages as Message[], file };
}

describe('RSMF through the import engine', () => {
  it('imports an .rsmf: chats, messages with UTC times and locators into the manifest, the photo hashed and stored from rsmf.zip', async () => {
    const zip = rsmfZip(manifest(), [{ name: 'IMG_0001.jpg', data: PHOTO }]);
    const { session, summary, conversation, messages } = await importOne('production.rsmf', rsmfMessage(zip));
    expect(summary.sources[0]).toMatchObject({ status: 'imported', format: 'rsmf', messages: 4, attachments: 2, unparsed: 0 });
    expect(conversation).toMatchObject({ title: 'Ana and Bo', kind: 'private' });
    expect(messages.map((message) => [message.kind, message.sender, message.text, message.timestamp, message.timestampText])).toEqual([
      ['system', 'Bo', 'Bo joined', '2023-05-01T09:59:00.000Z', '2023-05-01T09:59:00Z'],
      ['message', 'Ana', 'hello', '2023-05-01T08:00:00.000Z', '2023-05-01T10:00:00+02:00'],
      ['message', 'Bo', 'hi', '2023-05-01T10:01:00.000Z', '2023-05-01T10:01:00Z'],
      ['message', 'Ana', 'the photo', '2023-05-01T08:02:00.000Z', '2023-05-01T10:02:00+02:00'],
    ]);
    expect(messages[3]?.locator).toEqual({ kind: 'json-pointer', file: 'production.rsmf!rsmf.zip!rsmf_manifest.json', pointer: '/events/3' });
    const [photo, lost] = messages[3]?.attachments ?? [];
    expect(photo).toMatchObject({ status: 'ok', fileName: 'IMG_0001.jpg', sourcePath: 'production.rsmf!rsmf.zip!IMG_0001.jpg', mediaType: 'image', sha256: sha256(PHOTO), size: PHOTO.byteLength });
    expect(readFileSync(join(session.path, 'attachments', sha256(PHOTO).slice(0, 2), sha256(PHOTO)))).toEqual(Buffer.from(PHOTO));
    expect(lost).toMatchObject({ status: 'missing', fileName: 'lost.pdf' });
    expect(summary.sources[0]?.issues).toContainEqual({ place: 'production.rsmf!rsmf.zip!rsmf_manifest.json#/events/3/attachments/1', reason: expect.stringContaining('no entry named lost.pdf') as unknown as string });
    const info = await session.info();
    expect(info.sources[0]).toMatchObject({ parser: 'threadline-rsmf', parserVersion: '1.1.1', formatVersion: '2.0.0' });
  });

  it('imports a bare rsmf.zip: the manifest entry read by the RSMF importer, its attachment hashed from the zip', async () => {
    const zip = rsmfZip(manifest(), [{ name: 'IMG_0001.jpg', data: PHOTO }]);
    const { session, summary, messages } = await importOne('rsmf.zip', zip);
    expect(summary.sources[0]).toMatchObject({ status: 'imported', format: 'zip', messages: 4, attachments: 2 });
    expect(messages[3]?.locator).toEqual({ kind: 'json-pointer', file: 'rsmf_manifest.json', pointer: '/events/3' });
    expect(messages[3]?.attachments[0]).toMatchObject({ status: 'ok', sha256: sha256(PHOTO) });
    expect(messages[3]?.attachments[1]).toMatchObject({ status: 'missing' });
    const info = await session.info();
    expect(info.sources[0]?.details['entries']).toEqual([expect.objectContaining({ name: 'rsmf_manifest.json', format: 'rsmf', parser: 'threadline-rsmf', parserVersion: '1.1.1', formatVersion: '2.0.0' })]);
  });

  it('imports a zip of .rsmf files (Relativity\'s "multiple RSMF files zipped together"), each with its own locators', async () => {
    const zip = buildZip([{ name: 'day-1.rsmf', data: slice('2023-05-01', 'first day') }, { name: 'day-2.rsmf', data: slice('2023-05-02', 'second day') }]);
    const { summary, messages } = await importOne('production.zip', zip);
    expect(summary.sources[0]).toMatchObject({ status: 'imported', format: 'zip', messages: 2 });
    expect(messages.map((message) => [message.text, message.locator])).toEqual([
      ['first day', { kind: 'json-pointer', file: 'day-1.rsmf!rsmf.zip!rsmf_manifest.json', pointer: '/events/0' }],
      ['second day', { kind: 'json-pointer', file: 'day-2.rsmf!rsmf.zip!rsmf_manifest.json', pointer: '/events/0' }],
    ]);
  });

  it('makes the .rsmf slices of one conversation in one folder one conversation, by their eventcollectionid', async () => {
    const engine = new Engine({ mode: 'cli', actor: 'rsmf-test' });
    engines.push(engine);
    const folder = tempFolder();
    const session = await engine.openCase(join(folder, 'case'), true);
    const files = [writeTemp(folder, 'day-1.rsmf', slice('2023-05-01', 'first day')), writeTemp(folder, 'day-2.rsmf', slice('2023-05-02', 'second day'))];
    const summary = await engine.startImport(files, {}).done;
    expect(summary.sources.map((source) => source.status)).toEqual(['imported', 'imported']);
    const conversations = await session.db.client.call('listConversations', {});
    expect(conversations.map((conversation) => [conversation.title, conversation.messageCount, conversation.sourceIds.length])).toEqual([['Ana and Bo', 2, 2]]);
  });
});

/** One day of the conversation C1 as an .rsmf of its own, in the collection "thread-C1". */
function slice(date: string, body: string): Buffer {
  const shape = { ...smallManifest(), eventcollectionid: 'thread-C1' };
  shape.events = [{ type: 'message', participant: 'P1', conversation: 'C1', timestamp: `${date}T10:00:00Z`, body }];
  return rsmfMessage(rsmfZip(shape));
}
