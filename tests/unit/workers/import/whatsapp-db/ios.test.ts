import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeWithFolders } from '../../../../support/temp-case.ts';

import { fileInput } from '../../../../../workers/import/file-input.ts';
import { resolveAttachment } from '../../../../../workers/import/resolve-attachment.ts';
import { folderFiles } from '../../../../../workers/import/source-files.ts';
import { whatsappIosDbParser } from '../../../../../workers/import/whatsapp-db/index.ts';
import { buildDatabase, checkParsedInvariants, CollectingSink, parserInput, runParser } from '../../../../support/sqlite-parser-harness.ts';

/** A ChatStorage.sqlite subset with the Core Data columns FORMATS.md §5.2 lists. */
const CHAT_STORAGE = `
  CREATE TABLE ZWACHATSESSION (Z_PK INTEGER PRIMARY KEY, Z_ENT INTEGER, ZCONTACTJID VARCHAR, ZPARTNERNAME VARCHAR, ZSESSIONTYPE INTEGER);
  CREATE TABLE ZWAGROUPMEMBER (Z_PK INTEGER PRIMARY KEY, ZMEMBERJID VARCHAR, ZCONTACTNAME VARCHAR);
  CREATE TABLE ZWAMEDIAITEM (Z_PK INTEGER PRIMARY KEY, ZMEDIALOCALPATH VARCHAR, ZTITLE VARCHAR, ZFILESIZE INTEGER, ZLATITUDE FLOAT,
    ZLONGITUDE FLOAT, ZVCARDSTRING VARCHAR, ZVCARDNAME VARCHAR, ZMOVIEDURATION INTEGER);
  CREATE TABLE ZWAPROFILEPUSHNAME (Z_PK INTEGER PRIMARY KEY, ZJID VARCHAR, ZPUSHNAME VARCHAR);
  CREATE TABLE ZWAMESSAGE (Z_PK INTEGER PRIMARY KEY, ZCHATSESSION INTEGER, ZISFROMME INTEGER, ZMESSAGEDATE TIMESTAMP, ZSENTDATE TIMESTAMP,
    ZFROMJID VARCHAR, ZTOJID VARCHAR, ZTEXT VARCHAR, ZMESSAGETYPE INTEGER, ZGROUPEVENTTYPE INTEGER, ZGROUPMEMBER INTEGER,
    ZMEDIAITEM INTEGER, ZSTANZAID VARCHAR, ZSTARRED INTEGER);
  INSERT INTO ZWACHATSESSION VALUES (1, 5, '4915100000001@s.whatsapp.net', 'Anna', 0), (2, 5, '120363000000000001@g.us', 'Transport', 1);
  INSERT INTO ZWAGROUPMEMBER VALUES (1, '4915100000002@s.whatsapp.net', NULL), (2, '4915100000003@s.whatsapp.net', 'Driver Two');
  INSERT INTO ZWAPROFILEPUSHNAME VALUES (1, '4915100000002@s.whatsapp.net', 'Boss');
  INSERT INTO ZWAMEDIAITEM VALUES (1, 'Media/120363000000000001@g.us/a/b/photo.jpg', 'the van', 120000, NULL, NULL, NULL, NULL, NULL),
                                  (2, NULL, 'Station', NULL, 52.52, 13.405, NULL, NULL, NULL),
                                  (3, NULL, NULL, NULL, NULL, NULL, 'BEGIN:VCARD\nFN:Helper\nEND:VCARD', 'Helper', NULL);
  INSERT INTO ZWAMESSAGE VALUES
    (1, 1, 0, 721692000.5, NULL, '4915100000001@s.whatsapp.net', NULL, 'Are you ready?', 0, 0, NULL, NULL, 'S1', 0),
    (2, 1, 1, 721692060, NULL, NULL, '4915100000001@s.whatsapp.net', 'yes', 0, 0, NULL, NULL, 'S2', 1),
    (3, 2, 0, 721692120, NULL, '120363000000000001@g.us', NULL, NULL, 1, 0, 1, 1, 'S3', 0),
    (4, 2, 0, 721692180, NULL, '120363000000000001@g.us', NULL, NULL, 5, 0, 2, 2, 'S4', 0),
    (5, 2, 0, 721692240, NULL, '120363000000000001@g.us', NULL, NULL, 6, 2, 2, NULL, 'S5', 0),
    (6, 1, 0, 721692300, NULL, '4915100000001@s.whatsapp.net', NULL, NULL, 14, 0, NULL, NULL, 'S6', 0),
    (7, 1, 0, 721692360, NULL, '4915100000001@s.whatsapp.net', NULL, NULL, 4, 0, NULL, 3, 'S7', 0),
    (8, 1, 0, 721692420, NULL, '4915100000001@s.whatsapp.net', NULL, NULL, 10, 45, NULL, NULL, 'S8', 0);
`;

describe('whatsappIosDbParser', () => {
  it('reads ChatStorage messages with Core Data times, senders, media and events', async () => {
    const run = await runParser(whatsappIosDbParser, await buildDatabase(CHAT_STORAGE), 'ChatStorage.sqlite');
    expect(checkParsedInvariants(run, 'ChatStorage.sqlite')).toEqual([]);
    const [text, reply, photo, location, joined, deleted, contact, call] = run.sink.messages;
    expect(text).toMatchObject({
      chatKey: 'jid:4915100000001@s.whatsapp.net',
      sender: 'Anna',
      senderId: '+4915100000001',
      direction: 'incoming',
      text: 'Are you ready?',
      timestampText: '721692000.5',
      time: { utcMs: (721692000.5 + 978307200) * 1000 },
      locator: { kind: 'sqlite-row', table: 'ZWAMESSAGE', rowid: 1 },
    });
    expect(reply).toMatchObject({ direction: 'outgoing', sender: null, text: 'yes' });
    expect(reply?.extra?.['starred']).toBe(true);
    expect(photo).toMatchObject({
      chatKey: 'jid:120363000000000001@g.us',
      sender: 'Boss',
      senderId: '+4915100000002',
      text: 'the van',
      attachments: [{ kind: 'attached', mediaType: 'image', path: 'Message/Media/120363000000000001@g.us/a/b/photo.jpg', alternativePaths: ['Media/120363000000000001@g.us/a/b/photo.jpg'], fileName: 'photo.jpg', size: 120000 }],
    });
    expect(location).toMatchObject({ sender: 'Driver Two', text: 'Station' });
    expect(location?.extra?.['location']).toEqual({ latitude: 52.52, longitude: 13.405, name: 'Station' });
    expect(joined).toMatchObject({ kind: 'system', text: 'joined the group', sender: 'Driver Two' });
    expect(deleted).toMatchObject({ deleted: true });
    expect(contact).toMatchObject({ text: 'Helper', attachments: [{ mediaType: 'contact', fileName: 'Helper.vcf' }] });
    expect(call).toMatchObject({ kind: 'system', text: 'missed voice call' });
    expect(run.sink.chats).toEqual([
      { key: 'jid:4915100000001@s.whatsapp.net', title: 'Anna', kind: 'private', participants: [{ name: 'Anna', id: '+4915100000001' }] },
      { key: 'jid:120363000000000001@g.us', title: 'Transport', kind: 'group', participants: [] },
    ]);
  });

  it('reads a minimal store (as MVT\'s): no sessions, media items linked by ZMESSAGE, link previews', async () => {
    const bytes = await buildDatabase(`
      CREATE TABLE ZWAMESSAGE (Z_PK INTEGER PRIMARY KEY, ZISFROMME INTEGER, ZFROMJID VARCHAR, ZTOJID VARCHAR, ZTEXT VARCHAR, ZMESSAGEDATE TIMESTAMP);
      CREATE TABLE ZWAMEDIAITEM (Z_PK INTEGER PRIMARY KEY, ZMESSAGE INTEGER, ZMEDIAURL VARCHAR, ZAUTHORNAME VARCHAR);
      CREATE TABLE ZWAMESSAGEDATAITEM (Z_PK INTEGER PRIMARY KEY, ZMESSAGE INTEGER, ZTITLE VARCHAR, ZMATCHEDTEXT VARCHAR, ZSUMMARY VARCHAR, ZCONTENT1 VARCHAR, ZCONTENT2 VARCHAR);
      INSERT INTO ZWAMESSAGE VALUES (1, 0, '4915100000001@s.whatsapp.net', NULL, 'see https://example.com', 700000000), (2, 1, NULL, '4915100000001@s.whatsapp.net', 'hi', 700000100);
      INSERT INTO ZWAMEDIAITEM VALUES (1, 1, 'https://example.com/x', NULL), (2, 1, 'https://example.com/y', NULL);
      INSERT INTO ZWAMESSAGEDATAITEM VALUES (1, 1, 'Example', 'https://example.com', NULL, NULL, NULL);`);
    const run = await runParser(whatsappIosDbParser, bytes, 'ChatStorage.sqlite');
    expect(checkParsedInvariants(run, 'ChatStorage.sqlite')).toEqual([]);
    expect(run.sink.messages).toHaveLength(2);
    expect(run.sink.messages[0]).toMatchObject({ chatKey: 'jid:4915100000001@s.whatsapp.net', text: 'see https://example.com', direction: 'incoming', sender: '+4915100000001' });
    expect(run.sink.messages[0]?.extra?.['linkPreview']).toEqual({ title: 'Example', matchedtext: 'https://example.com' });
    expect(run.sink.messages[1]).toMatchObject({ chatKey: 'jid:4915100000001@s.whatsapp.net', direction: 'outgoing' });
    expect(run.sink.chats).toHaveLength(1);
  });

  it('refuses a database without ZWAMESSAGE', async () => {
    const error = await whatsappIosDbParser.parse(parserInput(await buildDatabase('CREATE TABLE t (a)'), 'x.sqlite'), new CollectingSink(), {}).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'E_IMPORT_FORMAT', message: expect.stringContaining('not a WhatsApp ChatStorage.sqlite') });
  });

  it('finds media under Message/Media of the app group folder, for relative and absolute ZMEDIALOCALPATH, never through ..', async () => {
    const root = mkdtempSync(join(tmpdir(), 'threadline-wa-ios-'));
    try {
      const group = join(root, 'AppDomainGroup-group.net.whatsapp.WhatsApp.shared');
      writeWithFolders(join(group, 'Message', 'Media', '120363000000000001@g.us', 'a', 'b', 'photo.jpg'), 'van');
      writeWithFolders(join(group, 'Message', 'Media', '120363000000000001@g.us', 'c', 'd', 'clip.mp4'), 'clip');
      writeWithFolders(join(root, 'secret.jpg'), 'outside');
      const absolute = '/private/var/mobile/Containers/Shared/AppGroup/0A1B2C3D-0000-0000-0000-000000000000/Message/Media/120363000000000001@g.us/c/d/clip.mp4';
      const database = CHAT_STORAGE
        .replace("(2, NULL, 'Station'", `(4, '${absolute}', NULL, 4, NULL, NULL, NULL, NULL, NULL), (5, 'Media/../../secret.jpg', NULL, 7, NULL, NULL, NULL, NULL, NULL), (2, NULL, 'Station'`)
        .replace("(8, 1, 0, 721692420", "(9, 2, 0, 721692480, NULL, '120363000000000001@g.us', NULL, NULL, 2, 0, 1, 4, 'S9', 0), (10, 2, 0, 721692540, NULL, '120363000000000001@g.us', NULL, NULL, 1, 0, 1, 5, 'S10', 0), (8, 1, 0, 721692420");
      const dbPath = join(group, 'ChatStorage.sqlite');
      writeWithFolders(dbPath, await buildDatabase(database));
      const sink = new CollectingSink();
      await whatsappIosDbParser.parse(fileInput(dbPath, statSync(dbPath).size), sink, {});
      const attachmentOf = (stanza: string) => {
        const attachment = sink.messages.find((message) => message.extra?.['stanzaId'] === stanza)?.attachments[0];
        if (attachment === undefined) throw new Error(`no attachment on ${stanza}`);
        return attachment;
      };
      const sha256 = (data: string): string => createHash('sha256').update(data).digest('hex');
      const files = folderFiles(dbPath);
      expect(await resolveAttachment(attachmentOf('S3'), files, root)).toMatchObject({ status: 'ok', sourcePath: 'Message/Media/120363000000000001@g.us/a/b/photo.jpg', sha256: sha256('van') });
      expect(await resolveAttachment(attachmentOf('S9'), files, root)).toMatchObject({ status: 'ok', sourcePath: 'Message/Media/120363000000000001@g.us/c/d/clip.mp4', sha256: sha256('clip') });
      expect(sink.messages.find((message) => message.extra?.['stanzaId'] === 'S9')?.extra?.['mediaPathInDatabase']).toBe(absolute);
      expect(await resolveAttachment(attachmentOf('S10'), files, root)).toMatchObject({ status: 'missing', sha256: null });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('finds media in a flattened copy that holds Media/ beside the database, and records where', async () => {
    const root = mkdtempSync(join(tmpdir(), 'threadline-wa-ios-flat-'));
    try {
      mkdirSync(join(root, 'Media', '120363000000000001@g.us', 'a', 'b'), { recursive: true });
      writeFileSync(join(root, 'Media', '120363000000000001@g.us', 'a', 'b', 'photo.jpg'), 'van');
      const dbPath = join(root, 'ChatStorage.sqlite');
      writeFileSync(dbPath, await buildDatabase(CHAT_STORAGE));
      const sink = new CollectingSink();
      await whatsappIosDbParser.parse(fileInput(dbPath, statSync(dbPath).size), sink, {});
      const attachment = sink.messages.find((message) => message.extra?.['stanzaId'] === 'S3')?.attachments[0];
      if (attachment === undefined) throw new Error('no attachment on S3');
      expect(await resolveAttachment(attachment, folderFiles(dbPath), root)).toMatchObject({
        status: 'ok',
        sourcePath: 'Media/120363000000000001@g.us/a/b/photo.jpg',
        sha256: createHash('sha256').update('van').digest('hex'),
      });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
