import { describe, expect, it } from 'vitest';

import { whatsappAndroidDbParser } from '../../../../../workers/import/whatsapp-db/index.ts';
import { MAX_MENTIONS_PER_MESSAGE } from '../../../../../workers/import/whatsapp-db/mentions.ts';
import { buildDatabase, checkParsedInvariants, runParser } from '../../../../support/sqlite-parser-harness.ts';
import { MSGSTORE_CORE_TABLES } from '../../../../support/msgstore-event-tables.ts';
import { waContactsSql } from '../../../../support/wa-contacts.ts';

/** message_mentions as WhatsApp creates it (decompiled Android builds), with the newer display_name column. */
const SCHEMA = `
  ${MSGSTORE_CORE_TABLES}
  CREATE TABLE message_mentions (_id INTEGER PRIMARY KEY AUTOINCREMENT, message_row_id INTEGER, jid_row_id INTEGER, display_name TEXT);
  CREATE UNIQUE INDEX mentions_index ON message_mentions (message_row_id, jid_row_id);
  INSERT INTO jid VALUES (1, '120363000000000042', 'g.us', '120363000000000042@g.us'), (2, '4915100000001', 's.whatsapp.net', '4915100000001@s.whatsapp.net'),
    (3, '4915100000002', 's.whatsapp.net', '4915100000002@s.whatsapp.net');
  INSERT INTO chat VALUES (1, 1, 'Drivers');
  INSERT INTO message VALUES (1, 1, 0, 'M1', 2, 0, 1700000000000, 0, '@4915100000002 @4915100000001 pick her up at 6'),
    (2, 1, 0, 'M2', 2, 0, 1700000060000, 0, 'ok'), (3, 1, 1, 'M3', NULL, 0, 1700000120000, 0, '@someone');
  INSERT INTO message_mentions (message_row_id, jid_row_id, display_name) VALUES (1, 3, ''), (1, 2, ''), (3, 77, NULL);
`;

describe('msgstore.db: the people a message @mentions (message_mentions)', () => {
  it('regression: names each person mentioned, as senders are named (the table was not read: the text shows only numbers)', async () => {
    const contacts = waContactsSql([{ jid: '4915100000002@s.whatsapp.net', displayName: 'Boss', waName: null }]);
    const run = await runParser(whatsappAndroidDbParser, await buildDatabase(SCHEMA), 'msgstore.db', { 'wa.db': await buildDatabase(contacts) });
    expect(checkParsedInvariants(run, 'msgstore.db')).toEqual([]);
    const [mentioning, plain, unknown] = run.sink.messages;
    expect(mentioning?.text).toBe('@4915100000002 @4915100000001 pick her up at 6');
    expect(mentioning?.extra?.['mentions']).toEqual([{ name: 'Boss', id: '+4915100000002' }, { name: '+4915100000001', id: '+4915100000001' }]);
    expect(plain?.extra).not.toHaveProperty('mentions');
    expect(unknown?.extra?.['mentions']).toEqual([{ name: null, id: null, note: 'jid row 77 is not in the jid table' }]);
  });

  it('regression: a transitional database\'s mentions, keyed on messages._id, are read for its legacy rows (none were read)', async () => {
    // [verified on the IPED sample] messages_bd_for_message_mentions_trigger deletes a legacy row's
    // mentions by messages._id; no trigger on message touches them. Message row 3 is legacy row 3
    // (same _id and key): the new row is reported, with them. Row 4 of message is no legacy row's.
    const transitional = `${SCHEMA.replace(/INSERT INTO message VALUES[^;]*;/u, '').replace(/INSERT INTO message_mentions[^;]*;/u, '')}
      CREATE TABLE messages (_id INTEGER PRIMARY KEY AUTOINCREMENT, key_remote_jid TEXT NOT NULL, key_from_me INTEGER, key_id TEXT NOT NULL,
        status INTEGER, data TEXT, timestamp INTEGER, media_wa_type TEXT, remote_resource TEXT);
      INSERT INTO messages VALUES (1, '-1', 0, '-1', 0, NULL, 0, '0', NULL),
        (2, '120363000000000042@g.us', 0, 'L2', 0, '@4915100000002 pick her up', 1700000000000, '0', '4915100000001@s.whatsapp.net'),
        (3, '120363000000000042@g.us', 0, 'L3', 0, '@4915100000001 ok', 1700000060000, '0', '4915100000002@s.whatsapp.net');
      INSERT INTO message VALUES (1, -1, 0, '-1', NULL, 0, 0, 0, NULL), (3, 1, 0, 'L3', 3, 0, 1700000060000, 0, '@4915100000001 ok'),
        (4, 1, 0, 'N4', 2, 0, 1700000120000, 0, '@4915100000002 at 6');
      INSERT INTO message_mentions (message_row_id, jid_row_id) VALUES (2, 3), (3, 2), (4, 3), (99, 2);`;
    const run = await runParser(whatsappAndroidDbParser, await buildDatabase(transitional), 'msgstore.db');
    expect(checkParsedInvariants(run, 'msgstore.db')).toEqual([]);
    expect(run.outcome.details['layout']).toBe('transitional');
    const mentionsOf = (keyId: string): unknown => run.sink.messages.find((message) => message.extra?.['keyId'] === keyId)?.extra?.['mentions'];
    expect(run.sink.messages.map((message) => message.extra?.['keyId'])).toEqual(['L3', 'N4', 'L2']);
    expect(mentionsOf('L2')).toEqual([{ name: '+4915100000002', id: '+4915100000002' }]);
    expect(mentionsOf('L3')).toEqual([{ name: '+4915100000001', id: '+4915100000001' }]);
    expect(mentionsOf('N4')).toBeUndefined();
    expect(run.sink.warnings).toContainEqual({ place: 'msgstore.db:message_mentions', message: expect.stringContaining('2 mention row(s) name a message that was not read (message row 4, 99') as string });
  });

  it('names a transitional legacy row skipped as the same message as a message row of another _id, whose mentions only it carried', async () => {
    const transitional = `${SCHEMA.replace(/INSERT INTO message VALUES[^;]*;/u, '').replace(/INSERT INTO message_mentions[^;]*;/u, '')}
      CREATE TABLE messages (_id INTEGER PRIMARY KEY AUTOINCREMENT, key_remote_jid TEXT NOT NULL, key_from_me INTEGER, key_id TEXT NOT NULL,
        status INTEGER, data TEXT, timestamp INTEGER, media_wa_type TEXT, remote_resource TEXT);
      INSERT INTO messages VALUES (1, '-1', 0, '-1', 0, NULL, 0, '0', NULL),
        (3, '120363000000000042@g.us', 0, 'L3', 0, '@4915100000001 ok', 1700000060000, '0', '4915100000002@s.whatsapp.net');
      INSERT INTO message VALUES (1, -1, 0, '-1', NULL, 0, 0, 0, NULL), (5, 1, 0, 'L3', 3, 0, 1700000060000, 0, '@4915100000001 ok');
      INSERT INTO message_mentions (message_row_id, jid_row_id) VALUES (3, 2);`;
    const run = await runParser(whatsappAndroidDbParser, await buildDatabase(transitional), 'msgstore.db');
    expect(run.sink.messages.map((message) => [message.extra?.['keyId'], message.extra?.['mentions']])).toEqual([['L3', undefined]]);
    expect(run.sink.warnings).toContainEqual({ place: 'msgstore.db:messages', message: expect.stringContaining('1 legacy row(s) (messages row 3) were not reported') as string });
  });

  it('regression: a message mentioning more people than are listed says how many were left out (they were dropped unsaid)', async () => {
    const over = MAX_MENTIONS_PER_MESSAGE + 2;
    const many = `${SCHEMA}
      WITH RECURSIVE n(i) AS (SELECT 1000 UNION ALL SELECT i + 1 FROM n WHERE i < ${999 + over})
      INSERT INTO message_mentions (message_row_id, jid_row_id) SELECT 2, i FROM n;`;
    const run = await runParser(whatsappAndroidDbParser, await buildDatabase(many), 'msgstore.db');
    const plain = run.sink.messages[1];
    expect((plain?.extra?.['mentions'] as unknown[]).length).toBe(MAX_MENTIONS_PER_MESSAGE);
    expect(plain?.extra?.['mentionsNote']).toBe(`message_mentions holds ${over} rows for this message: only the first ${MAX_MENTIONS_PER_MESSAGE} are listed`);
  });
});

describe('msgstore.db: a legacy row\'s own mentioned_jids', () => {
  /** The legacy messages table with mentioned_jids, as the IPED sample's schema has it. */
  const LEGACY = `
    CREATE TABLE messages (_id INTEGER PRIMARY KEY AUTOINCREMENT, key_remote_jid TEXT NOT NULL, key_from_me INTEGER, key_id TEXT NOT NULL,
      status INTEGER, data TEXT, timestamp INTEGER, media_wa_type TEXT, remote_resource TEXT, mentioned_jids TEXT);
    INSERT INTO messages VALUES (1, '-1', 0, '-1', 0, NULL, 0, '0', NULL, NULL),
      (2, '120363000000000042@g.us', 0, 'L2', 0, '@4915100000002 @4915100000003 tonight', 1623696954096, '0', '4915100000001@s.whatsapp.net',
        '4915100000002@s.whatsapp.net,4915100000003@s.whatsapp.net'),
      (3, '120363000000000042@g.us', 0, 'L3', 0, '@someone', 1623696960000, '0', '4915100000001@s.whatsapp.net', '["not", "a list of jids"]'),
      (4, '120363000000000042@g.us', 0, 'L4', 0, 'ok', 1623696970000, '0', '4915100000001@s.whatsapp.net', '');`;

  it('regression: names the people a legacy row mentions (the column was not read: the text shows only numbers)', async () => {
    const contacts = waContactsSql([{ jid: '4915100000002@s.whatsapp.net', displayName: 'Boss', waName: null }]);
    const run = await runParser(whatsappAndroidDbParser, await buildDatabase(LEGACY), 'msgstore.db', { 'wa.db': await buildDatabase(contacts) });
    expect(checkParsedInvariants(run, 'msgstore.db')).toEqual([]);
    const [mentioning, unreadable, plain] = run.sink.messages;
    expect(mentioning?.extra?.['mentions']).toEqual([{ name: 'Boss', id: '+4915100000002' }, { name: '+4915100000003', id: '+4915100000003' }]);
    expect(mentioning?.extra).not.toHaveProperty('mentionedJids');
    // What cannot be read as a list of jids is kept as stored, and said.
    expect(unreadable?.extra).not.toHaveProperty('mentions');
    expect(unreadable?.extra?.['mentionedJids']).toEqual({ asStored: '["not", "a list of jids"]', note: expect.stringContaining('not read as a list of jids') as string });
    expect(plain?.extra).not.toHaveProperty('mentions');
    expect(plain?.extra).not.toHaveProperty('mentionedJids');
  });
});
