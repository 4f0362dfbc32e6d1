import { describe, expect, it } from 'vitest';
import { rsmfParser } from '../../../../../workers/import/rsmf/index.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';
import { manifestText, smallManifest } from './rsmf-builder.ts';
import type { ManifestShape } from './rsmf-builder.ts';

/** The chat key of the conversation C1 of a manifest read on its own (file-scoped: ids are unique only within a manifest). */
const C1 = 'file:rsmf_manifest.json\nC1';

function readManifest(manifest: ManifestShape | string, chunkBytes?: number): ReturnType<typeof runParser> {
  const text = typeof manifest === 'string' ? manifest : manifestText(manifest);
  return runParser(rsmfParser, inputFromText(text, { displayName: 'rsmf_manifest.json', forbidReadAll: true, ...(chunkBytes === undefined ? {} : { chunkBytes }) }));
}

describe('rsmf_manifest.json read on its own', () => {
  it('reads join, leave, disclaimer, history and unknown events as system records, with their words or who joined and left', async () => {
    const manifest = smallManifest();
    manifest.events = ['join', 'leave', 'disclaimer', 'history', 'unknown'].map((type, index) => ({ type, participant: 'P2', conversation: 'C1', timestamp: `2023-05-01T10:0${index}:00Z`, ...(type === 'disclaimer' ? { body: 'This chat is recorded' } : {}) }));
    const result = await readManifest(manifest);
    expect(result.messages.map((message) => [message.kind, message.text, message.extra?.['rsmfEventType']])).toEqual([
      ['system', 'Bo joined', 'join'],
      ['system', 'Bo left', 'leave'],
      ['system', 'This chat is recorded', 'disclaimer'],
      ['system', '', 'history'],
      ['system', '', 'unknown'],
    ]);
  });

  it('keeps deleted and edited flags, edits, reactions, read receipts, importance and custom fields', async () => {
    const manifest = smallManifest();
    const edits = [{ participant: 'P1', timestamp: '2023-05-01T10:05:00Z', previous: 'helo', new: 'hello' }];
    const reactions = [{ value: 'thumbsup', count: 1, participants: ['P2'] }];
    manifest.events = [
      { id: 'e1', type: 'message', participant: 'P1', conversation: 'C1', timestamp: '2023-05-01T10:00:00Z', body: 'hello', deleted: true, edits, reactions, importance: 'high', read_receipts: [{ participant: 'P2', action: 'read' }], custom: [{ name: 'GPS', value: '41 24.2028, 2 10.4418' }], vendor_note: 'kept' },
      { id: 'e2', type: 'message', participant: 'P2', conversation: 'C1', timestamp: '2023-05-01T10:01:00Z', body: 'plain' },
    ];
    const result = await readManifest(manifest);
    const [changed, plain] = result.messages;
    expect(changed).toMatchObject({ deleted: true, edited: true });
    expect(changed?.extra).toMatchObject({ edits, reactions, importance: 'high', readReceipts: [{ participant: 'P2', action: 'read' }], custom: [{ name: 'GPS', value: '41 24.2028, 2 10.4418' }], otherFields: { vendor_note: 'kept' } });
    expect(plain).toMatchObject({ deleted: false, edited: false });
  });

  it('keeps a timestamp without an offset as a wall clock, and one that is not ISO 8601 as written, without a time', async () => {
    const manifest = smallManifest();
    manifest.events = [
      { type: 'message', participant: 'P1', conversation: 'C1', timestamp: '2018-09-11T09:45:00', body: 'a' },
      { type: 'message', participant: 'P1', conversation: 'C1', timestamp: '11/09/2018 09:45', body: 'b' },
    ];
    const result = await readManifest(manifest);
    expect(result.messages[0]?.time).toEqual({ wall: { year: 2018, month: 9, day: 11, hour: 9, minute: 45, second: 0 } });
    expect(result.messages[1]).toMatchObject({ time: null, timestampText: '11/09/2018 09:45' });
    expect(result.warnings).toContainEqual({ place: 'rsmf_manifest.json#/events/1', message: expect.stringContaining('not an ISO 8601') as unknown as string });
  });

  it('reads a direction only when it is one the schema allows, keeping any other as written', async () => {
    const manifest = smallManifest();
    manifest.events = [{ type: 'message', participant: 'P1', conversation: 'C1', timestamp: '2023-05-01T10:00:00Z', body: 'a', direction: 'sent' }];
    const result = await readManifest(manifest);
    expect(result.messages[0]?.direction).toBeNull();
    expect(result.messages[0]?.extra).toMatchObject({ directionAsWritten: 'sent' });
  });

  it('reads events written before the participants and conversations they name', async () => {
    const { version, participants, conversations, events } = smallManifest();
    const result = await readManifest({ events, version, conversations, participants }, 7);
    expect(result.messages.map((message) => [message.chatKey, message.sender])).toEqual([[C1, 'Ana'], [C1, 'Bo']]);
    expect(result.warnings).toEqual([]);
  });

  it('keeps events naming an unknown conversation or participant, in a chat of that id, and says so at the event', async () => {
    const manifest = smallManifest();
    manifest.events = [
      { type: 'message', participant: 'P9', conversation: 'C1', timestamp: '2023-05-01T10:00:00Z', body: 'who?' },
      { type: 'message', participant: 'P1', conversation: 'C9', timestamp: '2023-05-01T10:00:00Z', body: 'where?' },
      { type: 'message', participant: 'P1', timestamp: '2023-05-01T10:00:00Z', body: 'nowhere' },
    ];
    const result = await readManifest(manifest);
    expect(result.messages.map((message) => [message.chatKey, message.sender, message.text])).toEqual([[C1, 'P9', 'who?'], ['file:rsmf_manifest.json\nC9', 'Ana', 'where?'], ['file:rsmf_manifest.json\n', 'Ana', 'nowhere']]);
    expect(result.chats.map((chat) => chat.key)).toEqual([C1, 'file:rsmf_manifest.json\nC9', 'file:rsmf_manifest.json\n']);
    expect(result.warnings.map((warning) => warning.place)).toEqual(['rsmf_manifest.json#/events/0', 'rsmf_manifest.json#/events/1', 'rsmf_manifest.json#/events/2']);
  });

  it('keeps an event that is not an object, or has no type, as an unparsed record at its place', async () => {
    const manifest = smallManifest();
    manifest.events = ['just a string', { participant: 'P1', conversation: 'C1', body: 'typeless' }];
    const result = await readManifest(manifest);
    expect(result.messages.map((message) => [message.kind, message.reason, message.locator])).toEqual([
      ['unparsed', 'the event is not a JSON object', { kind: 'json-pointer', file: 'rsmf_manifest.json', pointer: '/events/0' }],
      ['unparsed', 'the event has no type (the schemas require one)', { kind: 'json-pointer', file: 'rsmf_manifest.json', pointer: '/events/1' }],
    ]);
    expect(result.messages[1]?.text).toContain('typeless');
  });

  it('reads a truncated manifest up to where it breaks off, keeps the cut event unparsed, and names the place', async () => {
    const text = manifestText(smallManifest());
    const cut = text.slice(0, text.indexOf('"hi"'));
    const result = await readManifest(cut, 16);
    expect(result.messages.map((message) => message.kind)).toEqual(['message', 'unparsed']);
    expect(result.messages[1]?.reason).toContain('could not be read whole');
    expect(result.warnings.some((warning) => /^rsmf_manifest\.json:line \d+/u.test(warning.place) && warning.message.includes('read up to there'))).toBe(true);
  });

  it('keeps a manifest that is not JSON as one unparsed record with the reason', async () => {
    const result = await readManifest('participants: none\n');
    expect(result.messages).toHaveLength(1);
    expect(result.messages[0]).toMatchObject({ kind: 'unparsed', text: 'participants: none\n', locator: { kind: 'file', file: 'rsmf_manifest.json' } });
    expect(result.messages[0]?.reason).toContain('not JSON');
  });

  it('names attachments by a path beside the manifest, and never one that climbs out of it', async () => {
    const manifest = smallManifest();
    manifest.events = [{ type: 'message', participant: 'P1', conversation: 'C1', timestamp: '2023-05-01T10:00:00Z', attachments: [{ id: 'media/a.png', display: 'a.png' }, { id: '../../etc/passwd', display: 'passwd' }] }];
    const result = await readManifest(manifest);
    const [inside, outside] = result.messages[0]?.attachments ?? [];
    expect(inside).toMatchObject({ kind: 'attached', path: 'media/a.png', mediaType: 'image' });
    expect(outside?.path).toBeUndefined();
    expect(result.warnings).toContainEqual({ place: 'rsmf_manifest.json#/events/0/attachments/1', message: expect.stringContaining('names a place outside the archive') as unknown as string });
  });

  it('streams a manifest of many events without reading it whole', async () => {
    const manifest = smallManifest();
    manifest.events = Array.from({ length: 5000 }, (_, index) => ({ type: 'message', participant: index % 2 === 0 ? 'P1' : 'P2', conversation: 'C1', timestamp: '2023-05-01T10:00:00Z', body: `m${index}` }));
    const result = await readManifest(manifest, 4096);
    expect(result.messages).toHaveLength(5000);
    expect(result.messages[4999]?.locator).toEqual({ kind: 'json-pointer', file: 'rsmf_manifest.json', pointer: '/events/4999' });
  });
});

describe('RSMF slices of one conversation', () => {
  it('calls a direct conversation private only when it lists two participants: with none or one, how many took part is unknown', async () => {
    const manifest = smallManifest();
    manifest.conversations = [
      { id: 'C0', platform: 'sms', type: 'direct', participants: [] },
      { id: 'C1', platform: 'sms', type: 'direct', participants: ['P1'] },
      { id: 'C2', platform: 'sms', type: 'direct', participants: ['P1', 'P1'] },
      { id: 'C3', platform: 'sms', type: 'direct', participants: ['P1', 'P2'] },
      { id: 'C4', platform: 'sms', type: 'direct' },
    ];
    const result = await readManifest(manifest);
    expect(result.chats.map((chat) => [chat.key, chat.kind, chat.kindStated])).toEqual([
      ['file:rsmf_manifest.json\nC0', 'unknown', false],
      ['file:rsmf_manifest.json\nC1', 'unknown', false],
      ['file:rsmf_manifest.json\nC2', 'unknown', false],
      ['file:rsmf_manifest.json\nC3', 'private', true],
      ['file:rsmf_manifest.json\nC4', 'unknown', false],
    ]);
  });

  it('keeps apart the people two slices of one collection both call P1, and keys by account id or e-mail whoever has one, whatever local id', async () => {
    const slice = (people: unknown[], body: string): ManifestShape => ({
      version: '2.0.0',
      eventcollectionid: 'thread-C1',
      participants: people,
      conversations: [{ id: 'C1', platform: 'sms', type: 'channel', participants: ['P1', 'P2'] }],
      events: [
        { type: 'message', participant: 'P1', conversation: 'C1', timestamp: '2023-05-01T10:00:00Z', body },
        { type: 'message', participant: 'P2', conversation: 'C1', timestamp: '2023-05-01T10:01:00Z', body },
      ],
    });
    const first = await readManifest(slice([{ id: 'P1', display: 'Ana' }, { id: 'P2', display: 'Dan', account_id: '+15550002' }], 'day one'));
    const second = await readManifest(slice([{ id: 'P1', display: 'Carl' }, { id: 'P2', display: 'Dan', account_id: '+15550002' }], 'day two'));
    const [ana, danFirst] = first.messages;
    const [carl, danSecond] = second.messages;
    // One conversation (merge key), two people called P1 by their manifests: never one sender id.
    expect(first.chats[0]?.mergeKey).toBe(second.chats[0]?.mergeKey);
    expect(ana?.senderId).not.toBe(carl?.senderId);
    expect(ana?.senderId).toContain('P1');
    expect(ana?.senderId).toBe(`P1@${String(first.outcome.details['participantIdsQualifiedBy'])}`);
    expect(first.chats[0]?.participants?.[0]).toEqual({ name: 'Ana', id: ana?.senderId });
    // The application's account id names one person whatever the manifest calls them.
    expect(danFirst?.senderId).toBe('+15550002');
    expect(danSecond?.senderId).toBe('+15550002');
    // The same bytes give the same ids (a re-import).
    expect((await readManifest(slice([{ id: 'P1', display: 'Ana' }, { id: 'P2', display: 'Dan', account_id: '+15550002' }], 'day one'))).messages[0]?.senderId).toBe(ana?.senderId);
  });

  it('gives chats a merge key from the 2.0 eventcollectionid and the conversation id, and none without it', async () => {
    const sliced = await readManifest({ ...smallManifest(), eventcollectionid: 'ParentThread_2020' });
    expect(sliced.chats[0]).toMatchObject({ key: 'collection:ParentThread_2020\nC1', mergeKey: 'ParentThread_2020\nC1', mergeWithinFolder: true });
    const alone = await readManifest(smallManifest());
    expect(alone.chats[0]?.mergeKey).toBeUndefined();
  });
});

describe('warnings about many events', () => {
  it('lists at most 50 of one kind and counts the rest, without hiding warnings of another kind', async () => {
    const manifest = smallManifest();
    manifest.events = [
      ...Array.from({ length: 60 }, () => ({ type: 'message', participant: 'P9', conversation: 'C1', timestamp: '2023-05-01T10:00:00Z', body: 'x' })),
      { type: 'message', participant: 'P1', conversation: 'C1', timestamp: 'yesterday', body: 'late' },
    ];
    const result = await readManifest(manifest);
    expect(result.messages).toHaveLength(61);
    expect(result.warnings.filter((warning) => warning.message.includes('"P9"'))).toHaveLength(50);
    expect(result.warnings).toContainEqual({ place: 'rsmf_manifest.json', message: '10 more warnings of kind "participant" were not listed' });
    expect(result.warnings).toContainEqual({ place: 'rsmf_manifest.json#/events/60', message: expect.stringContaining('"yesterday" is not an ISO 8601') as unknown as string });
  });
});

describe('a manifest lacking what the schemas require', () => {
  it('says which required arrays are missing', async () => {
    const { version, participants, conversations } = smallManifest();
    const result = await readManifest({ version, participants, conversations });
    expect(result.messages).toEqual([]);
    expect(result.warnings).toEqual([{ place: 'rsmf_manifest.json', message: 'the manifest has no "events" (the RSMF schemas require it)' }]);
  });
});

describe('event fields written in another type than the schemas define', () => {
  it('keeps a timestamp that is not a string (epoch milliseconds) as written, with a warning, never dropping it', async () => {
    const manifest = smallManifest();
    manifest.events = [{ type: 'message', participant: 'P1', conversation: 'C1', timestamp: 1536659100000, body: 'a', deleted: 'true' }];
    const result = await readManifest(manifest);
    expect(result.messages[0]).toMatchObject({ time: null, timestampText: '1536659100000', deleted: false });
    expect(result.messages[0]?.extra).toMatchObject({ timestampAsWritten: 1536659100000, deletedAsWritten: 'true' });
    expect(result.warnings).toContainEqual({ place: 'rsmf_manifest.json#/events/0', message: expect.stringContaining('1536659100000') as unknown as string });
  });
});

describe('an event with a repeated key', () => {
  it('keeps the value the repeated key overwrote in the record, and says so at the event', async () => {
    const text = manifestText(smallManifest()).replace('"body": "hello"', '"body": "meet at 5", "body": "hello"');
    const result = await readManifest(text);
    expect(result.messages[0]?.text).toBe('hello');
    expect(result.messages[0]?.extra).toMatchObject({ duplicateKeys: [{ key: 'body', value: 'meet at 5' }] });
    expect(result.warnings).toContainEqual({ place: 'rsmf_manifest.json#/events/0', message: expect.stringContaining('"body"') as unknown as string });
  });
});

describe('a manifest with a top-level key written twice', () => {
  it('reads the events of both "events" arrays, says the key is repeated, and tells the records of the second apart from those of the first', async () => {
    const text = manifestText(smallManifest()).replace(/\n\}$/u, ',\n"events": [{"type":"message","participant":"P1","conversation":"C1","body":"second array"}]\n}');
    const result = await readManifest(text);
    expect(result.messages.map((message) => [message.text, message.locator.kind === 'json-pointer' ? message.locator.pointer : null, message.extra?.['eventsKeyOccurrence']])).toEqual([
      ['hello', '/events/0', undefined],
      ['hi', '/events/1', undefined],
      ['second array', '/events/0', 2],
    ]);
    expect(result.warnings).toContainEqual({ place: 'rsmf_manifest.json', message: expect.stringContaining('"events" is written 2 times') as unknown as string });
  });
});

describe('a participant with a key written twice', () => {
  it('names the key and the value it overwrote, at the participant', async () => {
    const text = manifestText(smallManifest()).replace('"display": "Bo"', '"display": "Eve", "display": "Bo"');
    const result = await readManifest(text);
    expect(result.messages[1]?.sender).toBe('Bo');
    expect(result.warnings).toContainEqual({ place: 'rsmf_manifest.json#/participants/1', message: expect.stringContaining('"display" was also written as "Eve"') as unknown as string });
  });
});

describe('a manifest whose arrays are objects', () => {
  it('reads the members of an "events" or "participants" object at their keys, and says the manifest is not as the schemas define it', async () => {
    const { version, participants, conversations, events } = smallManifest();
    const asObject = (list: unknown[] | undefined): Record<string, unknown> => Object.fromEntries((list ?? []).map((item, index) => [`k${index}`, item]));
    const result = await readManifest(JSON.stringify({ version, participants: asObject(participants), conversations, events: asObject(events) }));
    expect(result.messages.map((message) => [message.text, message.sender, message.locator.kind === 'json-pointer' ? message.locator.pointer : null])).toEqual([
      ['hello', 'Ana', '/events/k0'],
      ['hi', 'Bo', '/events/k1'],
    ]);
    const said = result.warnings.filter((warning) => warning.message.includes('is an object, not the array'));
    expect(said.map((warning) => warning.place)).toEqual(['rsmf_manifest.json#/participants', 'rsmf_manifest.json#/events']);
  });
});

describe('ids written as numbers', () => {
  it('reads participant and conversation ids written as numbers as their digits, so events still name their sender and chat, and says so', async () => {
    const text = JSON.stringify({
      version: '2.0.0',
      participants: [{ id: 1, display: 'Ana', account_id: 15550001 }, { id: 2, display: 'Bo' }],
      conversations: [{ id: 10, display: 'Ana and Bo', platform: 'sms', type: 'direct', participants: [1, 2], custodian: 1 }],
      events: [{ type: 'message', participant: 1, conversation: 10, timestamp: '2023-05-01T10:00:00Z', body: 'hello' }],
    });
    const result = await readManifest(text);
    expect(result.messages[0]).toMatchObject({ chatKey: 'file:rsmf_manifest.json\n10', sender: 'Ana', senderId: '15550001' });
    expect(result.chats[0]).toMatchObject({ key: 'file:rsmf_manifest.json\n10', participants: [{ name: 'Ana', id: '15550001' }, { name: 'Bo', id: '2' }] });
    expect(result.warnings).toContainEqual({ place: 'rsmf_manifest.json', message: expect.stringContaining('written as numbers') as unknown as string });
  });
});

describe('how the event times were read', () => {
  it('counts the times read as wall clocks (converted in the import\'s time zone) apart from those with an offset, and states the rule', async () => {
    const manifest = smallManifest();
    manifest.events = [
      { type: 'message', participant: 'P1', conversation: 'C1', timestamp: '2018-09-11T09:45:00', body: 'wall' },
      { type: 'message', participant: 'P1', conversation: 'C1', timestamp: '2018-09-11T09:45:00Z', body: 'instant' },
      { type: 'message', participant: 'P1', conversation: 'C1', body: 'none' },
    ];
    const result = await readManifest(manifest);
    expect(result.outcome.details['times']).toEqual({ withOffset: 1, wallClock: 1, none: 1 });
    expect(result.outcome.details['timeRule']).toContain('time zone');
  });
});
