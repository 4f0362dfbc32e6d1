import { describe, expect, it } from 'vitest';
import { PARSERS } from '../../../../../workers/import/parsers.ts';
import { sigtopJsonParser } from '../../../../../workers/import/signal-desktop/index.ts';
import { CollectingSink, parserInput, runParser } from '../../../../support/sqlite-parser-harness.ts';
import { BASE_MS } from './signal-desktop-schemas.ts';

const DAN = 'dddddddd-0000-4000-8000-000000000004';

/** What sigtop writes: "[", one message object per line as Signal stored it, "]". */
function sigtopFile(entries: unknown[]): Uint8Array {
  return new TextEncoder().encode(`[\n${entries.map((entry) => JSON.stringify(entry)).join(',\n')}\n]\n`);
}

const CREW = sigtopFile([
  { timestamp: BASE_MS, attachments: [], id: 's1', conversationId: 'c-crew', type: 'incoming', body: 'room 12', sent_at: BASE_MS, received_at: 4501, received_at_ms: BASE_MS + 700, sourceServiceId: DAN, sourceDevice: 1 },
  { id: 's2', conversationId: 'c-crew', type: 'outgoing', body: 'map attached', sent_at: BASE_MS + 1000, attachments: [{ fileName: 'map.png', contentType: 'image/png', size: 99, path: '12/1234' }] },
  { id: 's3', conversationId: 'c-crew', type: 'keychange', key_changed: 'c-dan', sent_at: BASE_MS + 2000 },
  42,
  { id: 's5', conversationId: 'c-crew', type: 'incoming', sent_at: BASE_MS + 3000, source: '+15550000009', deletedForEveryone: true },
  { id: 's6', conversationId: 'c-crew', sent_at: BASE_MS + 4000, body: 'no type at all' },
]);

describe("sigtop's JSON export of a Signal Desktop conversation", () => {
  it('is recognised by its content, and by no other importer first', () => {
    expect(sigtopJsonParser.sniff(CREW, 'whatever.txt')).toBe(true);
    expect(PARSERS.find((parser) => parser.sniff(CREW, 'Crew.json'))?.format).toBe('signal-sigtop-json');
    const telegram = new TextEncoder().encode('{"name":"Crew","type":"private_group","id":1,"messages":[{"id":1,"type":"message","date":"2020-01-01T12:00:00","text":"hi"}]}');
    expect(sigtopJsonParser.sniff(telegram, 'result.json')).toBe(false);
    expect(sigtopJsonParser.sniff(new TextEncoder().encode('[{"id":1,"type":"note","text":"x"}]'), 'x.json')).toBe(false);
  });

  it('reads each message object with its sender id, direction, kind, UTC time, text and JSON pointer', async () => {
    const run = await runParser(sigtopJsonParser, CREW, 'messages/Crew.json');
    expect(run.sink.chats).toEqual([{ key: 'conversation:c-crew', title: 'Crew', kind: 'unknown' }]);
    expect(run.sink.messages).toHaveLength(6);
    expect(run.sink.messages[0]).toMatchObject({
      chatKey: 'conversation:c-crew', kind: 'message', sender: DAN, senderId: DAN, direction: 'incoming', time: { utcMs: BASE_MS }, text: 'room 12',
      locator: { kind: 'json-pointer', file: 'messages/Crew.json', pointer: '/0' }, extra: { signalType: 'incoming', receivedAt: new Date(BASE_MS + 700).toISOString() },
    });
    expect(run.sink.messages[1]).toMatchObject({ direction: 'outgoing', sender: null, attachments: [{ kind: 'attached', mediaType: 'image', fileName: 'map.png', mimeType: 'image/png', size: 99 }], extra: { attachmentPaths: ['12/1234'] } });
    expect(run.sink.messages[2]).toMatchObject({ kind: 'system', text: 'Safety number changed with c-dan', extra: { signalType: 'keychange' } });
    expect(run.sink.messages[4]).toMatchObject({ sender: '+15550000009', deleted: true, time: { utcMs: BASE_MS + 3000 }, locator: { pointer: '/4' } });
  });

  it('keeps entries that are not messages as unparsed, with their place and why', async () => {
    const run = await runParser(sigtopJsonParser, CREW, 'Crew.json');
    expect(run.sink.messages[3]).toMatchObject({ kind: 'unparsed', chatKey: 'conversation:c-crew', text: '42', locator: { kind: 'json-pointer', pointer: '/3' }, reason: 'entry 3 could not be read: it is a number, not a message object' });
    expect(run.sink.messages[5]).toMatchObject({ kind: 'unparsed', chatKey: 'conversation:c-crew', reason: expect.stringContaining('neither a type column nor a type in its json') });
    expect(run.sink.warnings.map((warning) => warning.place)).toEqual(['Crew.json/3', 'Crew.json/5']);
    expect(run.outcome.details).toMatchObject({ messages: 3, system: 1, unparsed: 2, deleted: 1, entries: 6, conversationIds: ['c-crew'], namesKnown: false });
  });

  it('refuses a file that is not valid JSON, naming it', async () => {
    const cut = CREW.subarray(0, CREW.byteLength - 40);
    expect(sigtopJsonParser.sniff(cut, 'Crew.json')).toBe(true);
    const error = await sigtopJsonParser.parse(parserInput(cut, 'Crew.json'), new CollectingSink(), {}).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'E_IMPORT_FORMAT', message: expect.stringMatching(/^Crew\.json: not valid JSON, so no message in it can be read \(/u) });
  });
});

describe('sigtop JSON: a shared contact card', () => {
  it('keeps the contact’s name and number and lists the card as a contact attachment, with its avatar file', async () => {
    const card = { name: { givenName: 'Ion', familyName: 'Pop', displayName: 'Ion Pop' }, number: [{ value: '+40712345678', type: 2 }], avatar: { isProfile: false, avatar: { contentType: 'image/jpeg', size: 1200, path: 'ab/abcdef' } } };
    const bare = { name: { displayName: 'Ana' }, number: [{ value: '+40700000001', type: 1 }] };
    const file = sigtopFile([
      { id: 'k1', conversationId: 'c-crew', type: 'incoming', sent_at: BASE_MS, sourceServiceId: DAN, attachments: [], contact: [card] },
      { id: 'k2', conversationId: 'c-crew', type: 'outgoing', sent_at: BASE_MS + 1, attachments: [], contact: [bare] },
    ]);
    const run = await runParser(sigtopJsonParser, file, 'Crew.json');
    expect(run.sink.messages[0]).toMatchObject({ attachments: [{ kind: 'attached', mediaType: 'contact', mimeType: 'image/jpeg', size: 1200 }], extra: { sharedContacts: [card], attachmentPaths: ['ab/abcdef'] } });
    expect(run.sink.messages[1]).toMatchObject({ attachments: [{ kind: 'attached', mediaType: 'contact' }], extra: { sharedContacts: [bare] } });
  });
});
