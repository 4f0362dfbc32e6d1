import initSqlJs from 'sql.js';
import { describe, expect, it } from 'vitest';
import type { ParsedMessage } from '../../../../../shared/contracts/parsed-source.ts';
import { signalAndroidDbParser } from '../../../../../workers/import/signal-android/index.ts';
import { buildDatabase, checkParsedInvariants, runParser } from '../../../../support/sqlite-parser-harness.ts';
import type { ParserRun } from '../../../../support/sqlite-parser-harness.ts';
import { BASE_MS, GROUP_V2_UPDATE_INBOX, INBOX, NEW_PEOPLE, NEW_SIGNAL_SCHEMA, SENT } from '../../../../support/signal-android-schema.ts';

/** The expiration-timer bit on an incoming row (MessageTypes.EXPIRATION_TIMER_UPDATE_BIT). */
const TIMER_UPDATE_INBOX = INBOX | 0x40000;
/** A special type MessageTypes does not define (7 in bits 32-35) on a sent row. */
const UNDEFINED_SPECIAL = 7 * 0x100000000 + SENT;

/**
 * A Signal Android database from version 215 on: one `message` table whose rows name their sender
 * (from_recipient_id, the owner's own row for what the owner sent) and addressee, `attachment`,
 * `group_membership` and `reaction`.
 */
const DATABASE = `${NEW_SIGNAL_SCHEMA}${NEW_PEOPLE}
  INSERT INTO message (_id, date_sent, date_received, thread_id, from_recipient_id, to_recipient_id, type, body, remote_deleted, expires_in, quote_id, quote_author, quote_body) VALUES
    (1, ${BASE_MS}, ${BASE_MS + 700}, 1, 2, 1, ${INBOX}, 'hello from Ana', 0, 0, 0, 0, NULL),
    (2, ${BASE_MS + 2000}, ${BASE_MS + 2000}, 1, 1, 2, ${SENT}, 'hi Ana', 0, 0, ${BASE_MS}, 2, 'hello from Ana'),
    (3, ${BASE_MS + 3000}, ${BASE_MS + 3100}, 2, 3, 4, ${INBOX}, 'group photo', 0, 0, 0, 0, NULL),
    (4, ${BASE_MS + 4000}, ${BASE_MS + 4100}, 2, 3, 4, ${GROUP_V2_UPDATE_INBOX}, NULL, 0, 0, 0, 0, NULL),
    (5, ${BASE_MS + 5000}, ${BASE_MS + 5100}, 2, 2, 4, ${INBOX}, NULL, 1, 0, 0, 0, NULL),
    (6, ${BASE_MS + 6000}, ${BASE_MS + 6100}, 1, 2, 1, ${TIMER_UPDATE_INBOX}, NULL, 0, 86400000, 0, 0, NULL),
    (7, ${BASE_MS + 7000}, ${BASE_MS + 7000}, 1, 1, 2, ${UNDEFINED_SPECIAL}, 'special', 0, 0, 0, 0, NULL);
  INSERT INTO attachment (_id, message_id, content_type, data_file, data_size, file_name, caption, sticker_pack_id, quote) VALUES
    (1, 3, 'image/png', '/data/user/0/org.thoughtcrime.securesms/app_parts/part9.mms', 4, 'group.png', 'look', NULL, 0),
    (2, 3, 'image/webp', NULL, 3, NULL, NULL, 'abcd', 0),
    (3, 3, 'application/pdf', NULL, 8, '../../etc/passwd', NULL, NULL, 0);
  INSERT INTO reaction (message_id, author_id, emoji, date_sent, date_received) VALUES (1, 1, '👍', ${BASE_MS + 900}, ${BASE_MS + 900});
  INSERT INTO call (call_id, message_id, peer, type, direction, event, timestamp) VALUES (77, NULL, 2, 0, 0, 0, ${BASE_MS});`;

async function run(sql = DATABASE): Promise<ParserRun> {
  return runParser(signalAndroidDbParser, await buildDatabase(sql), 'signal-backup.sqlite');
}

function row(parsed: ParserRun, rowid: number): ParsedMessage {
  const found = parsed.sink.messages.find((message) => message.locator.kind === 'sqlite-row' && message.locator.table === 'message' && message.locator.rowid === rowid);
  if (found === undefined) throw new Error(`no record for message#${rowid}`);
  return found;
}

describe('Signal Android database, one message table (version 215 on)', () => {
  it('keeps every row of message, as many as SQL counts', async () => {
    const SQL = await initSqlJs();
    const db = new SQL.Database(await buildDatabase(DATABASE));
    const counted = Number(db.exec('SELECT count(*) FROM message')[0]?.values[0]?.[0]);
    db.close();
    const parsed = await run();
    expect(parsed.sink.messages).toHaveLength(counted);
    expect(checkParsedInvariants(parsed, 'signal-backup.sqlite')).toEqual([]);
    expect(parsed.outcome.formatVersion).toContain('one message table');
    expect(parsed.outcome.details).toMatchObject({ messageTables: ['message'], attachmentTable: 'attachment', columnNames: { message: { dateSent: 'date_sent', party: 'from_recipient_id', type: 'type' } }, unreadTables: { call: 1 } });
    expect(parsed.sink.warnings).toContainEqual({ place: 'signal-backup.sqlite:call', message: expect.stringContaining('table call (the call log') as string });
  });

  it('names the chats from recipient, groups and group_membership', async () => {
    const parsed = await run();
    expect(parsed.sink.chats.find((chat) => chat.key === 'conversation:1')).toMatchObject({ title: 'Ana Pop', kind: 'private', participants: [{ name: 'Ana Pop', id: '+40700000001' }], extra: { otherColumns: { pinned: 1, read: 1 } } });
    expect(parsed.sink.chats.find((chat) => chat.key === 'conversation:2')).toMatchObject({ title: 'Crew', kind: 'group' });
    expect(parsed.sink.chats.find((chat) => chat.key === 'conversation:2')?.participants?.map((participant) => participant.name)).toEqual(['Owner', 'Ana Pop', 'Dan Brown']);
  });

  it('names the sender of every row, the owner for what the owner sent', async () => {
    const parsed = await run();
    expect(row(parsed, 1)).toMatchObject({ direction: 'incoming', sender: 'Ana Pop', senderId: '+40700000001', time: { utcMs: BASE_MS }, extra: { fromRecipientId: 2, toRecipientId: 1, receivedAt: new Date(BASE_MS + 700).toISOString() } });
    expect(row(parsed, 2)).toMatchObject({ direction: 'outgoing', sender: 'Owner', senderId: '+15550000001', extra: { senderIsOwner: true, quote: { author: 'Ana Pop', authorId: '+40700000001', body: 'hello from Ana' } } });
    // Dan has no number: his ACI is his id.
    expect(row(parsed, 3)).toMatchObject({ chatKey: 'conversation:2', sender: 'Dan Brown', senderId: 'aaaaaaaa-0000-4000-8000-000000000003' });
  });

  it('lists attachments with name, type and size; a sticker by its pack; a name with folders is not followed', async () => {
    const parsed = await run();
    expect(row(parsed, 3).attachments).toEqual([
      // No unique_id column since version 215: signalbackup-tools keys the files with -1.
      { kind: 'attached', mediaType: 'image', fileName: 'group.png', mimeType: 'image/png', size: 4, path: 'Attachment_1_-1.bin', alternativePaths: ['group.png'] },
      { kind: 'attached', mediaType: 'sticker', mimeType: 'image/webp', size: 3, path: 'Attachment_2_-1.bin' },
      { kind: 'attached', mediaType: 'document', fileName: '../../etc/passwd', mimeType: 'application/pdf', size: 8, path: 'Attachment_3_-1.bin' },
    ]);
    expect(row(parsed, 3).extra?.['attachmentRows']).toMatchObject([
      { table: 'attachment', rowid: 1, caption: 'look', phonePath: '/data/user/0/org.thoughtcrime.securesms/app_parts/part9.mms' },
      { table: 'attachment', rowid: 2, stickerPackId: 'abcd' },
      { table: 'attachment', rowid: 3, fileNameNotFollowed: expect.stringContaining('not a plain name') as string },
    ]);
  });

  it('reads events, a remote deletion, reactions and an undefined special type', async () => {
    const parsed = await run();
    expect(row(parsed, 4)).toMatchObject({ kind: 'system', text: 'The group was updated (its members, title or settings)', sender: 'Dan Brown', extra: { textGenerated: true } });
    expect(row(parsed, 5)).toMatchObject({ kind: 'message', deleted: true, text: '', sender: 'Ana Pop' });
    expect(row(parsed, 6)).toMatchObject({ kind: 'system', text: 'The disappearing-messages timer was changed', extra: { textGenerated: true, expiresInMs: 86400000 } });
    expect(row(parsed, 1).extra?.['reactions']).toEqual([{ emoji: '👍', authorRecipientId: 1, author: 'Owner', authorId: '+15550000001', sentAt: new Date(BASE_MS + 900).toISOString(), receivedAt: new Date(BASE_MS + 900).toISOString() }]);
    expect(row(parsed, 7)).toMatchObject({ kind: 'message', direction: 'outgoing', text: 'special', extra: { specialType: 'undefined (7)', typeUnknown: expect.stringContaining('special type 7') as string } });
    expect(parsed.sink.warnings).toContainEqual({ place: 'signal-backup.sqlite:message#7', message: expect.stringContaining('special type 7 (bits 32-35)') as string });
  });

  it('writes mentions into the text and keeps the body as stored; marks edits and the revisions they replaced', async () => {
    const sql = `${DATABASE}
      INSERT INTO message (_id, date_sent, date_received, thread_id, from_recipient_id, to_recipient_id, type, body, latest_revision_id, original_message_id, revision_number) VALUES
        (8, ${BASE_MS + 8000}, ${BASE_MS + 8000}, 2, 2, 4, ${INBOX}, '\uFFFC, are you there?', NULL, NULL, 0),
        (9, ${BASE_MS + 9000}, ${BASE_MS + 9000}, 1, 2, 1, ${INBOX}, 'meet at 5', 10, NULL, 0),
        (10, ${BASE_MS + 9500}, ${BASE_MS + 9500}, 1, 2, 1, ${INBOX}, 'meet at 6', NULL, 9, 1),
        (11, ${BASE_MS + 11000}, ${BASE_MS + 11000}, 2, 2, 4, ${INBOX}, 'short', NULL, NULL, 0);
      INSERT INTO mention (thread_id, message_id, recipient_id, range_start, range_length) VALUES (2, 8, 3, 0, 1), (2, 11, 3, 3, 9);`;
    const parsed = await run(sql);
    expect(row(parsed, 8)).toMatchObject({ text: '@Dan Brown, are you there?', extra: { bodyAsStored: '\uFFFC, are you there?', mentions: [{ recipientId: 3, name: 'Dan Brown', id: 'aaaaaaaa-0000-4000-8000-000000000003', rangeStart: 0, rangeLength: 1 }] } });
    expect(row(parsed, 11)).toMatchObject({ text: 'short', extra: { mentionsNotWrittenIn: 'a mention\'s range (3, 9) does not lie within the body of 5 characters' } });
    expect(row(parsed, 9)).toMatchObject({ text: 'meet at 5', edited: false, extra: { olderRevision: true, supersededByRevision: 10 } });
    expect(row(parsed, 10)).toMatchObject({ text: 'meet at 6', edited: true, extra: { originalMessageId: 9, revisionNumber: 1 } });
    expect(row(parsed, 1).edited).toBe(false);
  });

  it('reads the message table of versions 174 to 184, whose party is recipient_id, with part still holding attachments', async () => {
    const intermediate = `
      CREATE TABLE recipient (_id INTEGER PRIMARY KEY, uuid TEXT, phone TEXT, system_display_name TEXT);
      CREATE TABLE thread (_id INTEGER PRIMARY KEY, recipient_id INTEGER);
      CREATE TABLE message (_id INTEGER PRIMARY KEY, date_sent INTEGER, date_received INTEGER, thread_id INTEGER, recipient_id INTEGER, type INTEGER, body TEXT);
      CREATE TABLE part (_id INTEGER PRIMARY KEY, mid INTEGER, ct TEXT, file_name TEXT, data_size INTEGER, unique_id INTEGER);
      INSERT INTO recipient VALUES (2, 'u-2', '+40700000001', 'Ana Pop');
      INSERT INTO thread VALUES (1, 2);
      INSERT INTO message VALUES (1, ${BASE_MS}, ${BASE_MS + 5}, 1, 2, ${INBOX}, 'in'), (2, ${BASE_MS + 9}, ${BASE_MS + 9}, 1, 2, ${SENT}, 'out');
      INSERT INTO part VALUES (1, 2, 'video/mp4', 'clip.mp4', 10, 1);`;
    const parsed = await run(intermediate);
    expect(parsed.sink.messages).toHaveLength(2);
    expect(row(parsed, 1)).toMatchObject({ direction: 'incoming', sender: 'Ana Pop', extra: { partyRecipientId: 2 } });
    expect(row(parsed, 2)).toMatchObject({ direction: 'outgoing', sender: null, extra: { to: { name: 'Ana Pop' } }, attachments: [{ mediaType: 'video', fileName: 'clip.mp4', size: 10 }] });
  });
});
