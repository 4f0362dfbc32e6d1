import { randomBytes } from 'node:crypto';
import initSqlJs from 'sql.js';
import { describe, expect, it } from 'vitest';
import { signalDesktopDbParser } from '../../../../../workers/import/signal-desktop/index.ts';
import { identifySqliteSource } from '../../../../../workers/import/sqlite/index.ts';
import { describeUnreadableText } from '../../../../../workers/import/unreadable-content.ts';
import { CollectingSink, buildDatabase, checkParsedInvariants, parserInput, runParser, walTransaction, writeWalFile } from '../../../../support/sqlite-parser-harness.ts';
import { BASE_MS, NEW_SCHEMA, json } from './signal-desktop-schemas.ts';

const ANA = 'aaaaaaaa-0000-4000-8000-000000000001';
const DAN = 'dddddddd-0000-4000-8000-000000000004';
const STRANGER = 'eeeeeeee-0000-4000-8000-000000000005';

const CONVERSATIONS = `
  INSERT INTO conversations (id, json, type, name, profileName, profileFamilyName, profileFullName, e164, serviceId, groupId) VALUES
    ('c-ana', ${json({ id: 'c-ana', type: 'private' })}, 'private', NULL, 'Ana', 'Popescu', 'Ana Popescu', '+40700000001', '${ANA}', NULL),
    ('c-dan', ${json({ id: 'c-dan', type: 'private' })}, 'private', 'Dan (work)', 'Dan', NULL, 'Dan', NULL, '${DAN}', NULL),
    ('c-crew', ${json({ id: 'c-crew', type: 'group', name: 'Crew', membersV2: [{ aci: ANA, role: 2 }, { aci: DAN, role: 1 }, { aci: STRANGER, role: 1 }] })}, 'group', 'Crew', NULL, NULL, NULL, NULL, NULL, 'Z3JvdXA=');
`;

/** received_at is Signal's ordering counter in this layout; the time is in received_at_ms. */
const NEW_DATABASE = `${NEW_SCHEMA}${CONVERSATIONS}
  INSERT INTO messages (rowid, id, json, sent_at, conversationId, received_at, received_at_ms, type, body, sourceServiceId, sourceDevice, hasAttachments, isErased, isViewOnce) VALUES
    (10, 'n1', ${json({ id: 'n1', type: 'incoming', body: 'room 12', sourceServiceId: DAN, reactions: [{ emoji: '👍', fromId: 'c-ana', timestamp: BASE_MS + 5000 }] })}, ${BASE_MS}, 'c-crew', 4501, ${BASE_MS + 900}, 'incoming', 'room 12', '${DAN}', 2, 0, 0, 0),
    (11, 'n2', ${json({ id: 'n2', type: 'outgoing', body: 'which floor', quote: { id: BASE_MS, authorAci: DAN, text: 'room 12' }, editHistory: [{ body: 'which floor', timestamp: BASE_MS + 9000 }, { body: 'whcih floor', timestamp: BASE_MS + 8000 }], editMessageTimestamp: BASE_MS + 9000 })}, ${BASE_MS + 8000}, 'c-crew', 4502, ${BASE_MS + 8000}, 'outgoing', 'which floor', NULL, NULL, 0, 0, 0),
    (12, 'n3', ${json({ id: 'n3', type: 'incoming', deletedForEveryone: true })}, ${BASE_MS + 10_000}, 'c-ana', 4503, ${BASE_MS + 10_500}, 'incoming', NULL, '${ANA}', 1, 0, 1, 0),
    (13, 'n4', ${json({ id: 'n4', type: 'incoming', body: '', attachments: [{ contentType: 'audio/aac', size: 5120, flags: 1 }, { fileName: 'passport.pdf', contentType: 'application/pdf', size: 90_000 }] })}, ${BASE_MS + 20_000}, 'c-ana', 4504, ${BASE_MS + 20_500}, 'incoming', '', NULL, 1, 1, 0, 0),
    (14, 'n5', ${json({ id: 'n5', type: 'group-v2-change', groupV2Change: { from: ANA, details: [{ type: 'member-add', aci: STRANGER }] } })}, ${BASE_MS + 30_000}, 'c-crew', 4505, ${BASE_MS + 30_000}, 'group-v2-change', NULL, NULL, NULL, 0, 0, 0),
    (15, 'n6', ${json({ id: 'n6', type: 'timer-notification', expirationTimerUpdate: { expireTimer: 3600, sourceServiceId: DAN } })}, ${BASE_MS + 40_000}, 'c-dan', 4506, ${BASE_MS + 40_000}, 'timer-notification', NULL, NULL, NULL, 0, 0, 0),
    (16, 'n7', '{not json', ${BASE_MS + 50_000}, 'c-crew', 4507, ${BASE_MS + 50_000}, 'incoming', 'text survives in the body column', '${STRANGER}', 1, 0, 0, 0),
    (17, 'n8', ${json({ id: 'n8', type: 'incoming', isViewOnce: true, isErased: true })}, ${BASE_MS + 60_000}, 'c-dan', 4508, ${BASE_MS + 60_000}, 'incoming', NULL, '${DAN}', 1, 0, 1, 1),
    (18, 'n9', ${json({ id: 'n9', type: 'incoming', body: 'hasAttachments but none listed' })}, ${BASE_MS + 70_000}, 'c-dan', 4509, ${BASE_MS + 70_000}, 'incoming', 'hasAttachments but none listed', '${DAN}', 1, 1, 0, 0),
    (19, 'n10', NULL, ${BASE_MS + 80_000}, 'c-gone', 4510, ${BASE_MS + 80_000}, 'incoming', 'its conversation row is missing', '${ANA}', 1, 0, 0, 0);
`;

async function parseNew(): Promise<Awaited<ReturnType<typeof runParser>>> {
  return runParser(signalDesktopDbParser, await buildDatabase(NEW_DATABASE), 'sql/db.sqlite');
}

describe('Signal Desktop database, newer schema (service ids, membersV2, received_at_ms)', () => {
  it('names group senders from their service id and keeps the receipt time, not the counter', async () => {
    const run = await parseNew();
    expect(checkParsedInvariants(run, 'sql/db.sqlite')).toEqual([]);
    expect(run.sink.messages[0]).toMatchObject({
      chatKey: 'conversation:c-crew', kind: 'message', sender: 'Dan (work)', senderId: DAN, direction: 'incoming', time: { utcMs: BASE_MS }, text: 'room 12',
      locator: { kind: 'sqlite-row', file: 'sql/db.sqlite', table: 'messages', rowid: 10 },
      extra: { signalType: 'incoming', receivedAt: new Date(BASE_MS + 900).toISOString(), reactions: [{ emoji: '👍', from: 'Ana Popescu', fromId: 'c-ana', at: new Date(BASE_MS + 5000).toISOString() }] },
    });
    expect(run.sink.messages[0]?.extra).not.toHaveProperty('senderServiceId');
    expect(run.outcome.formatVersion).toBe('Signal Desktop schema 1200');
  });

  it('keeps quotes and edit history, and marks edited messages', async () => {
    const outgoing = (await parseNew()).sink.messages[1];
    expect(outgoing).toMatchObject({ direction: 'outgoing', sender: null, edited: true, text: 'which floor', time: { utcMs: BASE_MS + 8000 } });
    expect(outgoing?.extra?.['quote']).toMatchObject({ author: 'Dan (work)', authorId: DAN, quotedSentAt: new Date(BASE_MS).toISOString(), text: 'room 12' });
    expect(outgoing?.extra?.['editHistory']).toEqual([
      { body: 'which floor', sentAt: new Date(BASE_MS + 9000).toISOString(), attachments: [] },
      { body: 'whcih floor', sentAt: new Date(BASE_MS + 8000).toISOString(), attachments: [] },
    ]);
  });

  it('flags deleted-for-everyone messages, and not view-once messages that were only viewed', async () => {
    const run = await parseNew();
    expect(run.sink.messages[2]).toMatchObject({ chatKey: 'conversation:c-ana', sender: 'Ana Popescu', senderId: '+40700000001', deleted: true, text: '', extra: { senderServiceId: ANA, erased: true } });
    expect(run.sink.messages[7]).toMatchObject({ deleted: false, extra: { viewOnce: true, erased: true } });
    expect(run.outcome.details).toMatchObject({ deleted: 1, edited: 1 });
  });

  it('in a private chat, gives a message without a sender column to the other person', async () => {
    expect((await parseNew()).sink.messages[3]).toMatchObject({ sender: 'Ana Popescu', senderId: '+40700000001', direction: 'incoming' });
  });

  it('lists attachments (a voice note without a name too) as missing files, never failing', async () => {
    const run = await parseNew();
    expect(run.sink.messages[3]?.attachments).toEqual([
      { kind: 'attached', mediaType: 'audio', mimeType: 'audio/aac', size: 5120 },
      { kind: 'attached', mediaType: 'document', fileName: 'passport.pdf', mimeType: 'application/pdf', size: 90_000 },
    ]);
    expect(run.sink.messages[8]).toMatchObject({ attachments: [], extra: { attachmentsNotListed: true } });
    expect(run.sink.warnings).toContainEqual({ place: 'sql/db.sqlite:messages#18', message: expect.stringContaining('hasAttachments is set') });
  });

  it('turns group changes and timer changes into system records that keep their type', async () => {
    const run = await parseNew();
    expect(run.sink.messages[4]).toMatchObject({ kind: 'system', sender: null, direction: null, text: 'Group changed by Ana Popescu: member-add', extra: { signalType: 'group-v2-change', signalDetails: { groupV2Change: { from: ANA } } } });
    expect(run.sink.messages[5]).toMatchObject({ kind: 'system', text: 'Disappearing messages set to 3600 seconds by Dan (work)', extra: { signalType: 'timer-notification' } });
  });

  it('reads a row whose json is malformed from its typed columns, and says so', async () => {
    const run = await parseNew();
    expect(run.sink.messages[6]).toMatchObject({ kind: 'message', sender: STRANGER, senderId: STRANGER, text: 'text survives in the body column', time: { utcMs: BASE_MS + 50_000 } });
    expect(run.sink.messages[6]?.extra?.['jsonUnreadable']).toMatch(/not valid JSON/u);
    expect(run.sink.warnings).toContainEqual({ place: 'sql/db.sqlite:messages#16', message: expect.stringContaining('read from its typed columns') });
  });

  it('lists group members from membersV2 and keeps a message whose conversation row is gone', async () => {
    const run = await parseNew();
    expect(run.sink.chats.find((chat) => chat.key === 'conversation:c-crew')).toEqual({
      key: 'conversation:c-crew', title: 'Crew', kind: 'group',
      participants: [{ name: 'Ana Popescu', id: '+40700000001' }, { name: 'Dan (work)', id: DAN }, { name: null, id: STRANGER }],
    });
    expect(run.sink.chats.find((chat) => chat.key === 'conversation:c-dan')).toMatchObject({ title: 'Dan (work)', kind: 'private' });
    expect(run.sink.messages[9]).toMatchObject({ chatKey: 'conversation:c-gone', kind: 'message', sender: 'Ana Popescu', text: 'its conversation row is missing' });
    expect(run.sink.chats.find((chat) => chat.key === 'conversation:c-gone')).toMatchObject({ kind: 'unknown', title: expect.stringContaining('not in the conversations table') });
  });

  it('writes mentions into the text as @Name, keeping the body as stored', async () => {
    const body = 'bring them \uFFFC and \uFFFC 🚐 tonight';
    const ranges = [{ start: 11, length: 1, mentionAci: ANA }, { start: 17, length: 1, mentionUuid: STRANGER, replacementText: 'Eve' }, { start: 0, length: 5, style: 1 }];
    const bytes = await buildDatabase(`${NEW_SCHEMA}${CONVERSATIONS}
      INSERT INTO messages (rowid, id, json, sent_at, conversationId, type, body, sourceServiceId) VALUES
        (1, 'x', ${json({ id: 'x', bodyRanges: ranges })}, ${BASE_MS}, 'c-crew', 'incoming', '${body}', '${DAN}');`);
    const message = (await runParser(signalDesktopDbParser, bytes, 'db.sqlite')).sink.messages[0];
    expect(message?.text).toBe('bring them @Ana Popescu and @Eve 🚐 tonight');
    expect(message?.extra).toMatchObject({
      bodyAsStored: body,
      mentions: [{ name: 'Ana Popescu', id: ANA, start: 11, applied: true }, { name: 'Eve', id: STRANGER, start: 17, applied: true }],
    });
  });

  it('restores the "+" of a phone number a NUMERIC column turned into an integer when no json says otherwise', async () => {
    const bytes = await buildDatabase(`${NEW_SCHEMA}
      INSERT INTO conversations (id, json, type, name) VALUES ('c-1', NULL, 'group', 'No rows for its members');
      INSERT INTO messages (rowid, id, json, sent_at, conversationId, type, body, source) VALUES (1, 'x', NULL, ${BASE_MS}, 'c-1', 'incoming', 'hi', '+15550000007');`);
    const run = await runParser(signalDesktopDbParser, bytes, 'db.sqlite');
    expect(run.sink.messages[0]).toMatchObject({ sender: '+15550000007', senderId: '+15550000007', text: 'hi' });
  });
});

describe('Signal Desktop database, schema 1360 on (attachments in message_attachments)', () => {
  const WITH_TABLE = `${NEW_SCHEMA}${CONVERSATIONS}
    CREATE TABLE message_attachments (messageId TEXT NOT NULL, editHistoryIndex INTEGER NOT NULL, attachmentType TEXT NOT NULL,
      orderInMessage INTEGER NOT NULL, conversationId TEXT NOT NULL, sentAt INTEGER NOT NULL, size INTEGER NOT NULL,
      contentType TEXT NOT NULL, path TEXT, fileName TEXT, flags INTEGER, PRIMARY KEY (messageId, editHistoryIndex, attachmentType, orderInMessage));
    INSERT INTO messages (rowid, id, json, sent_at, conversationId, type, body, sourceServiceId, hasAttachments) VALUES
      (1, 't1', ${json({ id: 't1' })}, ${BASE_MS}, 'c-ana', 'incoming', 'two photos, the long text cut short', '${ANA}', 1),
      (2, 't2', ${json({ id: 't2', attachments: [{ fileName: 'old-layout.png', contentType: 'image/png', size: 7 }] })}, ${BASE_MS + 1000}, 'c-ana', 'outgoing', 'written before the move', NULL, 1);
    INSERT INTO message_attachments VALUES
      ('t1', -1, 'attachment', 1, 'c-ana', ${BASE_MS}, 300, 'image/jpeg', 'cd/second', 'second.jpg', NULL),
      ('t1', -1, 'attachment', 0, 'c-ana', ${BASE_MS}, 200, 'image/jpeg', 'ab/first', 'first.jpg', NULL),
      ('t1', 0, 'attachment', 0, 'c-ana', ${BASE_MS}, 100, 'image/jpeg', 'ef/before-edit', 'before-edit.jpg', NULL),
      ('t1', -1, 'quote', 0, 'c-ana', ${BASE_MS}, 50, 'image/jpeg', 'gh/thumb', 'quoted.jpg', NULL),
      ('t1', -1, 'long-message', 0, 'c-ana', ${BASE_MS}, 4000, 'text/x-signal-plain', 'ij/long', NULL, NULL);`;

  it('lists the files of the current version in their order, leaving out quote thumbnails and earlier edits', async () => {
    const run = await runParser(signalDesktopDbParser, await buildDatabase(WITH_TABLE), 'db.sqlite');
    expect(run.sink.messages[0]?.attachments.map((attachment) => attachment.fileName)).toEqual(['first.jpg', 'second.jpg']);
    expect(run.sink.messages[0]?.extra).toMatchObject({ attachmentPaths: ['ab/first', 'cd/second'], longTextInMissingFile: true });
    expect(run.sink.messages[0]?.extra).not.toHaveProperty('attachmentsNotListed');
    expect(run.sink.messages[1]?.attachments).toEqual([{ kind: 'attached', mediaType: 'image', fileName: 'old-layout.png', mimeType: 'image/png', size: 7 }]);
    expect(run.sink.warnings).toEqual([]);
  });
});

describe('Signal Desktop database as evidence', () => {
  it('refuses the database as Signal stores it (SQLCipher-encrypted), saying why', async () => {
    const encrypted = new Uint8Array(randomBytes(8192));
    expect(identifySqliteSource(encrypted)).toBeNull();
    expect(signalDesktopDbParser.sniff(encrypted.subarray(0, 4096), 'db.sqlite')).toBe(false);
    expect(describeUnreadableText(encrypted)).toMatch(/looks encrypted.*SQLCipher database \(such as Signal Desktop's sql\/db\.sqlite: decrypt it with sigtop export-database\) must be decrypted/u);
    const error = await signalDesktopDbParser.parse(parserInput(encrypted, 'db.sqlite'), new CollectingSink(), {}).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'E_IMPORT_FORMAT', message: 'db.sqlite: not a SQLite database (the file does not start with "SQLite format 3")' });
  });

  it('reads messages committed only to the -wal beside it', async () => {
    const pageSize = 4096;
    const SQL = await initSqlJs();
    const db = new SQL.Database();
    db.exec(`PRAGMA page_size = ${pageSize}; ${NEW_SCHEMA}${CONVERSATIONS}
      INSERT INTO messages (rowid, id, json, sent_at, conversationId, type, body, sourceServiceId) VALUES (1, 'w1', NULL, ${BASE_MS}, 'c-ana', 'incoming', 'checkpointed', '${ANA}');`);
    const checkpointed = db.export();
    db.exec(`INSERT INTO messages (rowid, id, json, sent_at, conversationId, type, body) VALUES (2, 'w2', NULL, ${BASE_MS + 1000}, 'c-ana', 'outgoing', 'only in the wal');`);
    const latest = db.export();
    db.close();
    const wal = writeWalFile(walTransaction(checkpointed, latest, pageSize), { pageSize });
    const without = await runParser(signalDesktopDbParser, checkpointed, 'db.sqlite');
    expect(without.sink.messages.map((message) => message.text)).toEqual(['checkpointed']);
    const run = await runParser(signalDesktopDbParser, checkpointed, 'db.sqlite', { 'db.sqlite-wal': wal });
    expect(run.sink.messages[1]).toMatchObject({ direction: 'outgoing', text: 'only in the wal', time: { utcMs: BASE_MS + 1000 }, locator: { table: 'messages', rowid: 2 } });
  });
});
