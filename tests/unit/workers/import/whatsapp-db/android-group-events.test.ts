import { describe, expect, it } from 'vitest';

import type { ParsedMessage } from '../../../../../shared/contracts/parsed-source.ts';
import { whatsappAndroidDbParser } from '../../../../../workers/import/whatsapp-db/index.ts';
import { buildDatabase, checkParsedInvariants, runParser } from '../../../../support/sqlite-parser-harness.ts';
import { waContactsSql } from '../../../../support/wa-contacts.ts';
import { MSGSTORE_EVENT_TABLES, MSGSTORE_LEGACY_EVENT_TABLE } from '../../../../support/msgstore-event-tables.ts';

/** Ana (saved contact) and a member known only by number. */
const WA_DB = waContactsSql([{ jid: '40712345678@s.whatsapp.net', displayName: 'Ana', waName: null }]);

const NEW = `
${MSGSTORE_EVENT_TABLES}
  CREATE TABLE message_system_chat_participant (message_row_id INTEGER, user_jid_row_id INTEGER);
  CREATE TABLE message_system_number_change (message_row_id INTEGER PRIMARY KEY, old_jid_row_id INTEGER, new_jid_row_id INTEGER);
  INSERT INTO jid VALUES (1, '120363000000000001', 'g.us', 0, 0, 1, '120363000000000001@g.us'),
                         (2, '40712345678', 's.whatsapp.net', 0, 0, 0, '40712345678@s.whatsapp.net'),
                         (3, '40722000111', 's.whatsapp.net', 0, 0, 0, '40722000111@s.whatsapp.net'),
                         (4, '40733000222', 's.whatsapp.net', 0, 0, 0, '40733000222@s.whatsapp.net'),
                         (5, '55501', 'lid', 0, 0, 0, '5550100000001@lid');
  INSERT INTO chat VALUES (1, 1, 'Drivers');
  INSERT INTO message (_id, chat_row_id, from_me, key_id, sender_jid_row_id, status, timestamp, message_type, text_data) VALUES
    (1, 1, 0, 'ADD', 2, 6, 1700000000000, 7, NULL),
    (2, 1, 0, 'REMOVE', 2, 6, 1700000001000, 7, NULL),
    (3, 1, 0, 'LEFT', 3, 6, 1700000002000, 7, NULL),
    (4, 1, 0, 'LINK', 4, 6, 1700000003000, 7, NULL),
    (5, 1, 1, 'PROMOTE', 0, 6, 1700000004000, 7, NULL),
    (6, 1, 0, 'NUMBER', 3, 6, 1700000005000, 7, NULL),
    (7, 1, 0, 'UNKNOWN', 2, 6, 1700000006000, 7, NULL),
    (8, 1, 0, 'NOBODY', 2, 6, 1700000007000, 7, NULL),
    (9, 1, 0, 'DANGLING', 2, 6, 1700000008000, 7, NULL);
  INSERT INTO message_system VALUES (1, 12), (2, 14), (3, 5), (4, 20), (5, 15), (6, 28), (7, 999), (8, 12), (9, 12);
  INSERT INTO message_system_chat_participant VALUES (1, 3), (1, 4), (2, 4), (3, 3), (4, 4), (5, 2), (7, 3), (9, 77);
  INSERT INTO message_system_number_change VALUES (6, 3, 4);
`;

function byKey(messages: ParsedMessage[], keyId: string): ParsedMessage | undefined {
  return messages.find((message) => message.extra?.['keyId'] === keyId);
}

describe('group membership events: new layout (message_system_chat_participant)', () => {
  it('names the actor and the members affected, as senders are named', async () => {
    const run = await runParser(whatsappAndroidDbParser, await buildDatabase(NEW), 'msgstore.db', { 'wa.db': await buildDatabase(WA_DB) });
    expect(checkParsedInvariants(run, 'msgstore.db')).toEqual([]);
    const messages = run.sink.messages;
    expect(byKey(messages, 'ADD')).toMatchObject({ kind: 'system', sender: 'Ana', text: 'Ana added +40722000111, +40733000222' });
    expect(byKey(messages, 'REMOVE')?.text).toBe('Ana removed +40733000222');
    expect(byKey(messages, 'LEFT')?.text).toBe('+40722000111 left');
    expect(byKey(messages, 'LINK')?.text).toBe('+40733000222 joined via an invite link');
    expect(byKey(messages, 'PROMOTE')?.text).toBe('You made Ana an admin');
    expect(byKey(messages, 'NUMBER')?.text).toBe('+40722000111 changed their number to +40733000222');
  });

  it('keeps the raw ids in extra', async () => {
    const run = await runParser(whatsappAndroidDbParser, await buildDatabase(NEW), 'msgstore.db', { 'wa.db': await buildDatabase(WA_DB) });
    expect(byKey(run.sink.messages, 'ADD')?.extra).toMatchObject({
      systemAction: 12,
      groupEvent: {
        participantSource: 'message_system_chat_participant',
        actorRecorded: true,
        participants: [{ jid: '40722000111@s.whatsapp.net', id: '+40722000111' }, { jid: '40733000222@s.whatsapp.net', id: '+40733000222' }],
      },
    });
    expect(byKey(run.sink.messages, 'NUMBER')?.extra?.['groupEvent']).toMatchObject({ numberChange: { from: { jid: '40722000111@s.whatsapp.net' }, to: { jid: '40733000222@s.whatsapp.net' } } });
  });

  it('keeps an unknown action code visible with its members, and a row naming no one as before', async () => {
    const run = await runParser(whatsappAndroidDbParser, await buildDatabase(NEW), 'msgstore.db', { 'wa.db': await buildDatabase(WA_DB) });
    expect(byKey(run.sink.messages, 'UNKNOWN')).toMatchObject({ kind: 'system', text: 'system event (action 999): +40722000111' });
    expect(byKey(run.sink.messages, 'NOBODY')?.text).toBe('added a participant');
    // A member row pointing at no jid stays visible rather than vanishing.
    expect(byKey(run.sink.messages, 'DANGLING')?.text).toBe('Ana added jid row 77');
  });

  it('reads a database whose participant table lacks its columns', async () => {
    const bytes = await buildDatabase(NEW.replace('CREATE TABLE message_system_chat_participant (message_row_id INTEGER, user_jid_row_id INTEGER);', 'CREATE TABLE message_system_chat_participant (x INTEGER);')
      .replace(/INSERT INTO message_system_chat_participant VALUES [^;]+;/u, ''));
    const run = await runParser(whatsappAndroidDbParser, bytes, 'msgstore.db');
    expect(run.sink.messages.filter((message) => message.kind === 'unparsed')).toEqual([]);
    expect(byKey(run.sink.messages, 'ADD')?.text).toBe('added a participant');
  });
});

const LEGACY = `
${MSGSTORE_LEGACY_EVENT_TABLE}
  INSERT INTO messages (key_remote_jid, key_from_me, key_id, status, data, timestamp, media_wa_type, media_size, remote_resource) VALUES
    ('40712345678-1559589144@g.us', 1, 'CREATED', 6, 'Drivers', 1559589144000, '0', 11, '40712345678@s.whatsapp.net'),
    ('40712345678-1559589144@g.us', 1, 'ADDED', 6, NULL, 1559589144000, '0', 4, '40722000111@s.whatsapp.net'),
    ('40712345678-1559589144@g.us', 0, 'ADDED_DATA', 6, '40733000222@s.whatsapp.net', 1559589200000, '0', 12, '40712345678@s.whatsapp.net'),
    ('40712345678-1559589144@g.us', 0, 'LEFT', 6, NULL, 1559589300000, '0', 5, '40733000222@s.whatsapp.net'),
    ('40712345678-1559589144@g.us', 0, 'ODD', 6, NULL, 1559589400000, '0', 77, '40733000222@s.whatsapp.net');
`;

describe('group membership events: legacy layout (status 6 rows)', () => {
  it('names the member in remote_resource, or the member in data and the actor in remote_resource', async () => {
    const run = await runParser(whatsappAndroidDbParser, await buildDatabase(LEGACY), 'msgstore.db', { 'wa.db': await buildDatabase(WA_DB) });
    expect(checkParsedInvariants(run, 'msgstore.db')).toEqual([]);
    const messages = run.sink.messages;
    expect(byKey(messages, 'CREATED')?.text).toBe('created the group: Drivers');
    expect(byKey(messages, 'ADDED')).toMatchObject({ text: '+40722000111 was added' });
    expect(byKey(messages, 'ADDED')?.extra?.['groupEvent']).toMatchObject({ participantSource: 'remote_resource', actorRecorded: false, participants: [{ jid: '40722000111@s.whatsapp.net' }] });
    expect(byKey(messages, 'ADDED_DATA')).toMatchObject({ text: 'Ana added +40733000222' });
    expect(byKey(messages, 'ADDED_DATA')?.extra?.['groupEvent']).toMatchObject({ participantSource: 'data', actorRecorded: true });
    expect(byKey(messages, 'LEFT')?.text).toBe('+40733000222 left');
    expect(byKey(messages, 'ODD')).toMatchObject({ kind: 'system', text: 'system event (action 77)' });
    expect(byKey(messages, 'ODD')?.extra?.['systemAction']).toBe(77);
  });
});

/** Incoming (key_from_me 0) event rows, where remote_resource would become the sender if taken as one. */
const LEGACY_SENDERS = `
${MSGSTORE_LEGACY_EVENT_TABLE}
  INSERT INTO messages (key_remote_jid, key_from_me, key_id, status, data, timestamp, media_wa_type, media_size, remote_resource) VALUES
    ('40712345678-1559589144@g.us', 0, 'CREATED', 6, 'Drivers', 1559589144000, '0', 11, '40712345678@s.whatsapp.net'),
    ('40712345678-1559589144@g.us', 0, 'ADDED', 6, NULL, 1559589150000, '0', 4, '40722000111@s.whatsapp.net'),
    ('40712345678-1559589144@g.us', 0, 'ADDED12', 6, NULL, 1559589160000, '0', 12, '40722000111@s.whatsapp.net'),
    ('40712345678-1559589144@g.us', 0, 'REMOVED', 6, NULL, 1559589170000, '0', 7, '40722000111@s.whatsapp.net'),
    ('40712345678-1559589144@g.us', 0, 'PROMOTED', 6, NULL, 1559589180000, '0', 15, '40722000111@s.whatsapp.net'),
    ('40712345678-1559589144@g.us', 0, 'ADDED_DATA', 6, '40733000222@s.whatsapp.net', 1559589200000, '0', 12, '40712345678@s.whatsapp.net'),
    ('40712345678-1559589144@g.us', 1, 'ADDED_DATA_ME', 6, '40733000222@s.whatsapp.net', 1559589210000, '0', 12, '40712345678@s.whatsapp.net'),
    ('40712345678-1559589144@g.us', 0, 'LEFT', 6, NULL, 1559589300000, '0', 5, '40733000222@s.whatsapp.net'),
    ('40712345678-1559589144@g.us', 0, 'SUBJECT', 6, 'Night shift', 1559589400000, '0', 1, '40722000111@s.whatsapp.net'),
    ('40712345678-1559589144@g.us', 0, 'ODD', 6, NULL, 1559589500000, '0', 77, '40733000222@s.whatsapp.net');
`;

describe('legacy group event rows: the sender is remote_resource only where it is known to have acted', () => {
  async function run(): Promise<ParsedMessage[]> {
    const parsed = await runParser(whatsappAndroidDbParser, await buildDatabase(LEGACY_SENDERS), 'msgstore.db', { 'wa.db': await buildDatabase(WA_DB) });
    expect(checkParsedInvariants(parsed, 'msgstore.db')).toEqual([]);
    return parsed.sink.messages;
  }

  it('regression: a member added, removed or made admin is never recorded as the author of the event', async () => {
    const messages = await run();
    for (const keyId of ['ADDED', 'ADDED12', 'REMOVED', 'PROMOTED']) {
      const event = byKey(messages, keyId);
      expect(event, keyId).toMatchObject({ kind: 'system', sender: null, senderId: null });
      expect(event?.text, keyId).toContain('+40722000111');
      expect(event?.extra, keyId).toMatchObject({ remoteResource: '40722000111@s.whatsapp.net', remoteResourceNote: expect.stringContaining('the member this event is about') });
      expect(event?.extra?.['groupEvent'], keyId).toMatchObject({ actorRecorded: false, participants: [{ jid: '40722000111@s.whatsapp.net' }] });
    }
    expect(byKey(messages, 'ADDED')?.text).toBe('+40722000111 was added');
  });

  it('keeps the sender where remote_resource did it: creator, leaver, the actor beside a member in data', async () => {
    const messages = await run();
    expect(byKey(messages, 'CREATED')).toMatchObject({ sender: 'Ana', senderId: '+40712345678', text: 'created the group: Drivers' });
    expect(byKey(messages, 'LEFT')).toMatchObject({ sender: '+40733000222', text: '+40733000222 left' });
    expect(byKey(messages, 'ADDED_DATA')).toMatchObject({ sender: 'Ana', text: 'Ana added +40733000222' });
    for (const keyId of ['CREATED', 'LEFT', 'ADDED_DATA']) expect(byKey(messages, keyId)?.extra?.['remoteResource'], keyId).toBeUndefined();
  });

  it('takes no sender from remote_resource for codes where nothing says who it is, and keeps it in extra', async () => {
    const messages = await run();
    for (const keyId of ['SUBJECT', 'ODD']) {
      expect(byKey(messages, keyId), keyId).toMatchObject({ kind: 'system', sender: null, senderId: null });
      expect(byKey(messages, keyId)?.extra?.['remoteResourceNote'], keyId).toContain('not known to name who acted');
    }
    expect(byKey(messages, 'SUBJECT')).toMatchObject({ text: 'changed the group subject: Night shift', extra: { remoteResource: '40722000111@s.whatsapp.net' } });
  });

  it('does not turn "from me" on an event row into "You" (every event row of the IPED sample is from me)', async () => {
    const messages = await run();
    expect(byKey(messages, 'ADDED_DATA_ME')).toMatchObject({ sender: null, text: '+40733000222 was added' });
    expect(byKey(messages, 'ADDED_DATA_ME')?.extra?.['groupEvent']).toMatchObject({ actorRecorded: false, participantSource: 'data' });
  });

  it('gives no direction to an event row: key_from_me says nothing on them', async () => {
    const messages = await run();
    for (const keyId of ['CREATED', 'LEFT', 'ADDED', 'ADDED_DATA', 'ADDED_DATA_ME', 'SUBJECT', 'ODD']) expect(byKey(messages, keyId)?.direction, keyId).toBeNull();
  });
});
