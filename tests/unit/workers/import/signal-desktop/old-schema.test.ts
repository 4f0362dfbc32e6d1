import { describe, expect, it } from 'vitest';
import { signalDesktopDbParser } from '../../../../../workers/import/signal-desktop/index.ts';
import { identifySqliteSource } from '../../../../../workers/import/sqlite/index.ts';
import { buildDatabase, checkParsedInvariants, runParser } from '../../../../support/sqlite-parser-harness.ts';
import { BASE_MS, OLD_SCHEMA, json } from './signal-desktop-schemas.ts';

/**
 * The older layout: conversations keyed by phone number, senders in `source`, group members in
 * the `members` column, and no `type` or `body` column, so the message object is the only record
 * of what a row is.
 */
const OLD_DATABASE = `${OLD_SCHEMA}
  INSERT INTO conversations (id, json, type, members, name, profileName) VALUES
    ('+15550000002', ${json({ id: '+15550000002', type: 'private', name: 'Bogdan' })}, 'private', NULL, 'Bogdan', NULL),
    ('+15550000003', ${json({ id: '+15550000003', type: 'private', profileName: 'Carla P' })}, 'private', NULL, NULL, 'Carla P'),
    ('g-harbour', ${json({ id: 'g-harbour', type: 'group', name: 'Harbour', groupId: 'R3JvdXBJZA==' })}, 'group', '+15550000002 +15550000003 +15550000009', 'Harbour', NULL);
  INSERT INTO messages (id, json, sent_at, conversationId, received_at, source, sourceDevice, hasAttachments) VALUES
    ('m1', ${json({ id: 'm1', type: 'incoming', body: 'the van leaves at six', source: '+15550000003', sent_at: BASE_MS })}, ${BASE_MS}, 'g-harbour', ${BASE_MS + 4000}, '+15550000003', '1', 0),
    ('m2', ${json({ id: 'm2', type: 'outgoing', body: 'ok', sent_at: BASE_MS + 60_000, attachments: [{ fileName: 'map.jpg', contentType: 'image/jpeg', size: 2048, path: 'ab/abcdef' }] })}, ${BASE_MS + 60_000}, 'g-harbour', ${BASE_MS + 60_000}, NULL, NULL, 1),
    ('m3', ${json({ id: 'm3', type: 'incoming', body: 'call me', source: '+15550000002' })}, ${BASE_MS + 120_000}, '+15550000002', ${BASE_MS + 121_000}, '+15550000002', '1', 0),
    ('m4', ${json({ id: 'm4', type: 'keychange', key_changed: '+15550000002' })}, ${BASE_MS + 180_000}, '+15550000002', ${BASE_MS + 180_000}, NULL, NULL, 0),
    ('m5', '{"id":"m5","type":"incoming","body":"cut off', ${BASE_MS + 240_000}, 'g-harbour', ${BASE_MS + 240_000}, '+15550000009', '2', 0),
    ('m6', ${json({ id: 'm6', type: 'incoming', body: 'unknown number', source: '+15550000009' })}, ${BASE_MS + 300_000}, 'g-harbour', ${BASE_MS + 300_000}, '+15550000009', '1', 0);
`;

describe('Signal Desktop database, older schema (source phone numbers, members column)', () => {
  it('is identified by its tables, whatever the file is called', async () => {
    const bytes = await buildDatabase(OLD_DATABASE);
    expect(identifySqliteSource(bytes)).toBe('signal-desktop');
    expect(signalDesktopDbParser.sniff(bytes.subarray(0, 65536), 'exhibit-12.bin')).toBe(true);
  });

  it('does not take any database with conversations and messages tables for Signal', async () => {
    const bytes = await buildDatabase('CREATE TABLE conversations (id TEXT); CREATE TABLE messages (id TEXT, body TEXT);');
    expect(identifySqliteSource(bytes)).toBeNull();
  });

  it('reads every row with its sender, direction, kind, UTC time, text and rowid', async () => {
    const run = await runParser(signalDesktopDbParser, await buildDatabase(OLD_DATABASE), 'db.sqlite');
    expect(checkParsedInvariants(run, 'db.sqlite')).toEqual([]);
    const [m1, m2, m3, m4, , m6] = run.sink.messages;
    expect(run.sink.messages).toHaveLength(6);
    expect(m1).toMatchObject({
      chatKey: 'conversation:g-harbour', kind: 'message', sender: 'Carla P', senderId: '+15550000003', direction: 'incoming',
      time: { utcMs: BASE_MS }, timestampText: String(BASE_MS), text: 'the van leaves at six', deleted: false, edited: false,
      locator: { kind: 'sqlite-row', file: 'db.sqlite', table: 'messages', rowid: 1 },
      extra: { signalType: 'incoming', signalId: 'm1', receivedAt: new Date(BASE_MS + 4000).toISOString(), sourceDevice: 1 },
    });
    expect(m2).toMatchObject({ kind: 'message', sender: null, direction: 'outgoing', time: { utcMs: BASE_MS + 60_000 }, text: 'ok' });
    expect(m3).toMatchObject({ chatKey: 'conversation:+15550000002', sender: 'Bogdan', senderId: '+15550000002', direction: 'incoming' });
    expect(m6).toMatchObject({ sender: '+15550000009', senderId: '+15550000009', text: 'unknown number' });
    expect(m4).toMatchObject({ kind: 'system', sender: null, direction: null, text: 'Safety number changed with Bogdan', extra: { signalType: 'keychange', signalDetails: { key_changed: '+15550000002' } } });
  });

  it('lists attachments with where Signal kept the file (found only beside the profile’s sql folder: attachment-files.test.ts)', async () => {
    const run = await runParser(signalDesktopDbParser, await buildDatabase(OLD_DATABASE), 'db.sqlite');
    const outgoing = run.sink.messages[1];
    expect(outgoing?.attachments).toEqual([{ kind: 'attached', mediaType: 'image', fileName: 'map.jpg', mimeType: 'image/jpeg', size: 2048, path: '../attachments.noindex/ab/abcdef' }]);
    expect(outgoing?.extra).toMatchObject({ attachmentPaths: ['ab/abcdef'] });
  });

  it('keeps a row whose message object is cut short as unparsed, in its conversation, with the reason', async () => {
    const run = await runParser(signalDesktopDbParser, await buildDatabase(OLD_DATABASE), 'db.sqlite');
    const broken = run.sink.messages[4];
    expect(broken).toMatchObject({ kind: 'unparsed', chatKey: 'conversation:g-harbour', locator: { table: 'messages', rowid: 5 } });
    expect(broken?.reason).toMatch(/^messages row 5 could not be read: the json column is not valid JSON/u);
    expect(broken?.text).toContain('"body":"cut off');
    expect(run.sink.warnings.map((warning) => warning.place)).toContain('db.sqlite:messages#5');
    expect(run.outcome.details).toMatchObject({ messages: 4, system: 1, unparsed: 1, attachments: 1 });
  });

  it('names a group after its name and lists its members from the members column, named where known', async () => {
    const run = await runParser(signalDesktopDbParser, await buildDatabase(OLD_DATABASE), 'db.sqlite');
    const group = run.sink.chats.find((chat) => chat.key === 'conversation:g-harbour');
    expect(group).toEqual({
      key: 'conversation:g-harbour', title: 'Harbour', kind: 'group',
      participants: [{ name: 'Bogdan', id: '+15550000002' }, { name: 'Carla P', id: '+15550000003' }, { name: null, id: '+15550000009' }],
    });
    expect(run.sink.chats.find((chat) => chat.key === 'conversation:+15550000002')).toMatchObject({ title: 'Bogdan', kind: 'private', participants: [{ name: 'Bogdan', id: '+15550000002' }] });
  });
});
