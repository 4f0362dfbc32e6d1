import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import initSqlJs from 'sql.js';
import { afterAll, describe, expect, it } from 'vitest';
import type { ParsedAttachment, ParsedMessage } from '../../../../../shared/contracts/parsed-source.ts';
import { resolveAttachment } from '../../../../../workers/import/resolve-attachment.ts';
import { signalAndroidDbParser } from '../../../../../workers/import/signal-android/index.ts';
import { folderFiles } from '../../../../../workers/import/source-files.ts';
import { buildDatabase, checkParsedInvariants, runParser } from '../../../../support/sqlite-parser-harness.ts';
import type { ParserRun } from '../../../../support/sqlite-parser-harness.ts';
import { tempFolder, writeTemp } from '../../../../support/temp-case.ts';
import {
  BASE_MS,
  FAILED,
  GROUP_V2_UPDATE_INBOX,
  IDENTITY_UPDATE_INBOX,
  INBOX,
  INCOMING_VIDEO_CALL,
  OLD_PEOPLE,
  OLD_SIGNAL_SCHEMA,
  SENT,
  UNDEFINED_BASE,
} from '../../../../support/signal-android-schema.ts';

/**
 * A Signal Android database from before version 166 (separate sms and mms tables, `part`,
 * `address` and `msg_box`, the sent time of an mms in `date` and the received time of an sms in
 * `date`), as signalbackup-tools writes it decrypted.
 */
const DATABASE = `${OLD_SIGNAL_SCHEMA}${OLD_PEOPLE}
  INSERT INTO sms (_id, thread_id, address, date, date_sent, type, body, remote_deleted, reactions) VALUES
    (1, 1, 2, ${BASE_MS + 1000}, ${BASE_MS}, ${INBOX}, 'hello from Ana', 0, NULL),
    (2, 1, 2, ${BASE_MS + 2000}, ${BASE_MS + 2000}, ${SENT}, 'hi Ana', 0, NULL),
    (3, 1, 2, ${BASE_MS + 3000}, ${BASE_MS + 3000}, ${IDENTITY_UPDATE_INBOX}, NULL, 0, NULL),
    (4, 1, 2, ${BASE_MS + 4100}, ${BASE_MS + 4000}, ${INBOX}, NULL, 1, NULL),
    (5, 1, 2, ${BASE_MS + 5000}, ${BASE_MS + 5000}, ${UNDEFINED_BASE}, 'odd', 0, NULL),
    (6, 1, 2, ${BASE_MS + 6000}, ${BASE_MS + 6000}, ${FAILED}, 'not delivered', 0, x'0a03'),
    (7, 1, 2, ${BASE_MS + 7000}, ${BASE_MS + 7000}, ${INCOMING_VIDEO_CALL}, NULL, 0, NULL);
  INSERT INTO mms (_id, thread_id, date, date_received, msg_box, body, address, quote_id, quote_author, quote_body) VALUES
    (1, 2, ${BASE_MS + 10000}, ${BASE_MS + 10500}, ${INBOX}, 'photo and voice', 3, 0, NULL, NULL),
    (2, 2, ${BASE_MS + 11000}, ${BASE_MS + 11000}, ${GROUP_V2_UPDATE_INBOX}, 'CAESAg==', 3, 0, NULL, NULL),
    (3, 2, ${BASE_MS + 12000}, ${BASE_MS + 12000}, ${SENT}, 'reply', 4, ${BASE_MS + 10000}, '3', 'photo and voice');
  INSERT INTO part (_id, mid, ct, file_name, data_size, _data, unique_id, quote, voice_note) VALUES
    (1, 1, 'image/jpeg', 'photo.jpg', 5, '/data/user/0/org.thoughtcrime.securesms/app_parts/part1.mms', 101, 0, 0),
    (2, 1, 'audio/mp4', 'voice.m4a', 9, '/data/user/0/org.thoughtcrime.securesms/app_parts/part2.mms', 102, 0, 1),
    (3, 3, 'image/jpeg', NULL, 2, NULL, 103, 1, 0);`;

const folder = tempFolder('threadline-signal-android-');
afterAll(() => rmSync(folder, { recursive: true, force: true }));

async function run(): Promise<ParserRun> {
  return runParser(signalAndroidDbParser, await buildDatabase(DATABASE), 'signal.db');
}

function row(parsed: ParserRun, table: string, rowid: number): ParsedMessage {
  const found = parsed.sink.messages.find((message) => message.locator.kind === 'sqlite-row' && message.locator.table === table && message.locator.rowid === rowid);
  if (found === undefined) throw new Error(`no record for ${table}#${rowid}`);
  return found;
}

describe('Signal Android database, separate sms and mms tables (before version 166)', () => {
  it('keeps every row of sms and mms, as many as SQL counts, each at its table and rowid', async () => {
    const bytes = await buildDatabase(DATABASE);
    const SQL = await initSqlJs();
    const db = new SQL.Database(bytes);
    const counted = Number(db.exec('SELECT (SELECT count(*) FROM sms) + (SELECT count(*) FROM mms)')[0]?.values[0]?.[0]);
    db.close();
    const parsed = await run();
    expect(parsed.sink.messages).toHaveLength(counted);
    expect(counted).toBe(10);
    expect(checkParsedInvariants(parsed, 'signal.db')).toEqual([]);
    expect(parsed.outcome.formatVersion).toContain('separate sms and mms tables');
    expect(parsed.outcome.details).toMatchObject({ messageTables: ['sms', 'mms'], attachmentTable: 'part', columnNames: { sms: { dateReceived: 'date', party: 'address' }, mms: { dateSent: 'date', type: 'msg_box' } } });
  });

  it('makes a private chat and a group chat titled and peopled from recipient and groups', async () => {
    const parsed = await run();
    expect(parsed.sink.chats.find((chat) => chat.key === 'conversation:1')).toMatchObject({ title: 'Ana Pop', kind: 'private', participants: [{ name: 'Ana Pop', id: '+40700000001' }], extra: { otherColumns: { snippet: 'see you' } } });
    expect(parsed.sink.chats.find((chat) => chat.key === 'conversation:2')).toMatchObject({
      title: 'Crew',
      kind: 'group',
      participants: [
        { name: 'Owner', id: '+15550000001' },
        { name: 'Ana Pop', id: '+40700000001' },
        { name: 'Dan Brown', id: 'aaaaaaaa-0000-4000-8000-000000000003' },
      ],
      extra: { otherColumns: { snippet: 'photo', archived: 1 } },
    });
  });

  it('reads direction from the type, the time from date_sent and keeps the received time', async () => {
    const parsed = await run();
    expect(row(parsed, 'sms', 1)).toMatchObject({
      kind: 'message',
      direction: 'incoming',
      sender: 'Ana Pop',
      senderId: '+40700000001',
      time: { utcMs: BASE_MS },
      timestampText: String(BASE_MS),
      text: 'hello from Ana',
      chatKey: 'conversation:1',
      extra: { table: 'sms', baseType: 'BASE_INBOX_TYPE', typeFlags: ['PUSH_MESSAGE_BIT', 'SECURE_MESSAGE_BIT'], receivedAt: new Date(BASE_MS + 1000).toISOString(), timeColumn: 'date_sent' },
    });
    // Before version 185 an outgoing row names its addressee, not the owner who sent it.
    expect(row(parsed, 'sms', 2)).toMatchObject({ direction: 'outgoing', sender: null, senderId: null, text: 'hi Ana', extra: { to: { recipientId: 2, name: 'Ana Pop', id: '+40700000001' } } });
    // In an mms the sent time is `date`.
    expect(row(parsed, 'mms', 1)).toMatchObject({ direction: 'incoming', sender: 'Dan Brown', senderId: 'aaaaaaaa-0000-4000-8000-000000000003', time: { utcMs: BASE_MS + 10000 }, extra: { receivedAt: new Date(BASE_MS + 10500).toISOString(), timeColumn: 'date' } });
  });

  it('turns events into system records with generated words and keeps what the row stored', async () => {
    const parsed = await run();
    expect(row(parsed, 'sms', 3)).toMatchObject({ kind: 'system', text: 'The safety number changed', extra: { textGenerated: true, typeFlags: ['KEY_EXCHANGE_IDENTITY_UPDATE_BIT'] } });
    expect(row(parsed, 'sms', 7)).toMatchObject({ kind: 'system', direction: 'incoming', text: 'Incoming video call', extra: { textGenerated: true, baseType: 'INCOMING_VIDEO_CALL_TYPE' } });
    expect(row(parsed, 'mms', 2)).toMatchObject({ kind: 'system', text: 'The group was updated (its members, title or settings)', extra: { textGenerated: true, bodyAsStored: 'CAESAg==' } });
    expect(row(parsed, 'sms', 1).extra?.['textGenerated']).toBeUndefined();
    expect(parsed.outcome.details).toMatchObject({ system: 3, messages: 7 });
  });

  it('marks a message its sender deleted for everyone, and a failed one', async () => {
    const parsed = await run();
    expect(row(parsed, 'sms', 4)).toMatchObject({ kind: 'message', deleted: true, text: '', extra: { remoteDeleted: true } });
    expect(row(parsed, 'sms', 1).deleted).toBe(false);
    expect(row(parsed, 'sms', 6)).toMatchObject({ direction: 'outgoing', extra: { failed: true, baseType: 'BASE_SENT_FAILED_TYPE', otherColumns: { reactions: { blobBytes: 2, hex: '0a03' } } } });
    expect(parsed.outcome.details).toMatchObject({ remoteDeleted: 1, failed: 1 });
  });

  it('keeps a type MessageTypes does not define as its number, and warns', async () => {
    const parsed = await run();
    expect(row(parsed, 'sms', 5)).toMatchObject({ kind: 'message', direction: null, text: 'odd', extra: { typeValue: String(UNDEFINED_BASE), baseType: 'undefined (19)', typeUnknown: expect.stringContaining('base type 19') as string } });
    expect(parsed.sink.warnings).toContainEqual({ place: 'signal.db:sms#5', message: expect.stringContaining('base type 19 (type & 0x1F) is not one') as string });
    expect(parsed.outcome.details).toMatchObject({ unknownTypes: 1 });
  });

  it('lists attachments from part, leaves a quote thumbnail out of them, and keeps a quote', async () => {
    const parsed = await run();
    const withMedia = row(parsed, 'mms', 1);
    expect(withMedia.attachments).toEqual([
      { kind: 'attached', mediaType: 'image', fileName: 'photo.jpg', mimeType: 'image/jpeg', size: 5, path: 'Attachment_1_101.bin', alternativePaths: ['photo.jpg'] },
      { kind: 'attached', mediaType: 'audio', fileName: 'voice.m4a', mimeType: 'audio/mp4', size: 9, path: 'Attachment_2_102.bin', alternativePaths: ['voice.m4a'] },
    ]);
    expect(withMedia.extra?.['attachmentRows']).toMatchObject([
      { table: 'part', rowid: 1, phonePath: '/data/user/0/org.thoughtcrime.securesms/app_parts/part1.mms', uniqueId: 101 },
      { table: 'part', rowid: 2, voiceNote: true },
    ]);
    const reply = row(parsed, 'mms', 3);
    expect(reply.attachments).toEqual([]);
    expect(reply).toMatchObject({ direction: 'outgoing', sender: null, extra: { to: { recipientId: 4, name: 'Crew', groupId: '__signal_group__v2__!0011' }, quoteThumbnails: [{ table: 'part', rowid: 3 }], quote: { quotedSentAt: new Date(BASE_MS + 10000).toISOString(), author: 'Dan Brown', body: 'photo and voice' } } });
    expect(parsed.outcome.details).toMatchObject({ attachments: 2 });
  });

  it('finds an attachment file beside the database and records the other as missing', async () => {
    const database = writeTemp(folder, 'signal.db', await buildDatabase(DATABASE));
    writeTemp(folder, 'photo.jpg', 'photo');
    const parsed = await run();
    const resolve = (attachment: ParsedAttachment | undefined) => {
      if (attachment === undefined) throw new Error('no attachment');
      return resolveAttachment(attachment, folderFiles(database), join(folder, 'case'));
    };
    const [photo, voice] = row(parsed, 'mms', 1).attachments;
    expect(await resolve(photo)).toMatchObject({ status: 'ok', sha256: createHash('sha256').update('photo').digest('hex'), sourcePath: 'photo.jpg' });
    expect(await resolve(voice)).toMatchObject({ status: 'missing', sha256: null, fileName: 'voice.m4a', size: 9 });
  });

  it('finds the files signalbackup-tools writes beside database.sqlite when --output names a folder', async () => {
    const output = tempFolder('threadline-signalbackup-output-');
    const database = writeTemp(output, 'database.sqlite', await buildDatabase(DATABASE));
    writeTemp(output, 'Attachment_2_102.bin', 'voice');
    writeTemp(output, 'Attachment_2_102.sbf', 'frame');
    const parsed = await runParser(signalAndroidDbParser, await buildDatabase(DATABASE), 'database.sqlite');
    const [photo, voice] = row(parsed, 'mms', 1).attachments;
    if (photo === undefined || voice === undefined) throw new Error('attachments missing');
    expect(await resolveAttachment(voice, folderFiles(database), join(output, 'case'))).toMatchObject({ status: 'ok', sha256: createHash('sha256').update('voice').digest('hex'), sourcePath: 'Attachment_2_102.bin' });
    expect(await resolveAttachment(photo, folderFiles(database), join(output, 'case'))).toMatchObject({ status: 'missing' });
    rmSync(output, { recursive: true, force: true });
  });

  it('does not look for a file name other attachment rows share', async () => {
    const shared = `${DATABASE} INSERT INTO part (_id, mid, ct, file_name, data_size, unique_id) VALUES (4, 3, 'image/jpeg', 'photo.jpg', 6, 104);`;
    const parsed = await runParser(signalAndroidDbParser, await buildDatabase(shared), 'signal.db');
    expect(row(parsed, 'mms', 1).attachments[0]).toEqual({ kind: 'attached', mediaType: 'image', fileName: 'photo.jpg', mimeType: 'image/jpeg', size: 5, path: 'Attachment_1_101.bin' });
    expect(row(parsed, 'mms', 1).extra?.['attachmentRows']).toMatchObject([{ rowid: 1, fileNameNotFollowed: expect.stringContaining('same file name') as string }, { rowid: 2 }]);
    expect(row(parsed, 'mms', 3).attachments).toEqual([{ kind: 'attached', mediaType: 'image', fileName: 'photo.jpg', mimeType: 'image/jpeg', size: 6, path: 'Attachment_4_104.bin' }]);
  });
});
