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

  it('reads none in a transitional database, where which message table message_row_id answers is not documented, and says so', async () => {
    const transitional = `${SCHEMA} CREATE TABLE messages (_id INTEGER PRIMARY KEY AUTOINCREMENT, key_remote_jid TEXT NOT NULL, key_from_me INTEGER, key_id TEXT NOT NULL, data TEXT, timestamp INTEGER);`;
    const run = await runParser(whatsappAndroidDbParser, await buildDatabase(transitional), 'msgstore.db');
    expect(run.sink.messages.some((message) => message.extra?.['mentions'] !== undefined)).toBe(false);
    expect(run.sink.warnings).toContainEqual({ place: 'msgstore.db', message: expect.stringContaining('message_mentions: 3 row(s) not read: the database holds both message tables') });
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
