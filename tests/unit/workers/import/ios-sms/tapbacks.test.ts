import initSqlJs from 'sql.js';
import { describe, expect, it } from 'vitest';

import { iosSmsDbParser } from '../../../../../workers/import/ios-sms/index.ts';
import { iosSmsRows } from '../../../../support/independent-counts.ts';
import { IOS_SMS_TABLES_BESIDE_MESSAGE } from '../../../../support/ios-sms-tables.ts';
import { buildDatabase, checkParsedInvariants, runParser } from '../../../../support/sqlite-parser-harness.ts';

/**
 * Tapbacks (reactions) are rows of `message` with associated_message_type 2000–2007 (3000–3007
 * removes one) pointing at the target's guid, written "p:0/GUID" or "bp:GUID". They are shown on
 * the message they react to, not as chat lines of their own; one whose message is not in the
 * database stays a record of its own, saying so.
 */

const SCHEMA = `
  CREATE TABLE message (ROWID INTEGER PRIMARY KEY AUTOINCREMENT, guid TEXT UNIQUE NOT NULL, text TEXT, handle_id INTEGER DEFAULT 0,
    attributedBody BLOB, service TEXT, date INTEGER, is_from_me INTEGER DEFAULT 0,
    associated_message_guid TEXT, associated_message_type INTEGER DEFAULT 0, associated_message_emoji TEXT);
  ${IOS_SMS_TABLES_BESIDE_MESSAGE}
  INSERT INTO handle VALUES (1, '+15551230001', 'iMessage'), (2, '+15551230002', 'iMessage');
  INSERT INTO chat VALUES (1, 'iMessage;+;chat1', 43, 'chat1', 'iMessage', 'Friends');
  INSERT INTO chat_handle_join VALUES (1, 1), (1, 2);
`;

function database(rows: string, joined: number[]): string {
  return `${SCHEMA}
    INSERT INTO message (ROWID, guid, text, handle_id, date, is_from_me, associated_message_guid, associated_message_type, associated_message_emoji) VALUES ${rows};
    INSERT INTO chat_message_join (chat_id, message_id) VALUES ${joined.map((id) => `(1, ${id})`).join(', ')};`;
}

describe('iOS tapbacks', () => {
  it('shows a tapback and its removal on the message they react to, not as messages of their own', async () => {
    const bytes = await buildDatabase(database(`
      (1, 'G1', 'see you at 8', 1, 599079037641931008, 0, NULL, 0, NULL),
      (2, 'G2', 'Loved “see you at 8”', 2, 599079100000000000, 0, 'p:0/G1', 2000, NULL),
      (3, 'G3', 'Laughed at “see you at 8”', 0, 599079200000000000, 1, 'bp:G1', 2003, NULL),
      (4, 'G4', 'Removed a heart from “see you at 8”', 2, 599079300000000000, 0, 'p:0/G1', 3000, NULL),
      (5, 'G5', 'fine', 1, 599079400000000000, 0, NULL, 0, NULL)`, [1, 2, 3, 4, 5]));
    const run = await runParser(iosSmsDbParser, bytes, 'sms.db');
    expect(checkParsedInvariants(run, 'sms.db')).toEqual([]);
    expect(run.sink.messages.map((message) => message.text)).toEqual(['see you at 8', 'fine']);
    expect(run.sink.messages[0]?.extra?.['reactions']).toEqual([
      { reaction: 'loved', removed: false, withdrawn: true, fromMe: false, sender: '+15551230002', at: '2019-12-26T18:51:40.000Z', timestampText: '599079100000000000', part: 0, guid: 'G2', rowid: 2, text: 'Loved “see you at 8”' },
      { reaction: 'laughed', removed: false, fromMe: true, sender: null, at: '2019-12-26T18:53:20.000Z', timestampText: '599079200000000000', guid: 'G3', rowid: 3, text: 'Laughed at “see you at 8”' },
      { reaction: 'loved', removed: true, fromMe: false, sender: '+15551230002', at: '2019-12-26T18:55:00.000Z', timestampText: '599079300000000000', part: 0, guid: 'G4', rowid: 4, text: 'Removed a heart from “see you at 8”' },
    ]);
    expect(run.outcome.details['tapbacksOnTheirMessage']).toBe(3);
  });

  it('finds the message of a tapback written before it (rows synced out of order)', async () => {
    const bytes = await buildDatabase(database(`
      (1, 'G2', NULL, 0, 599079100000000000, 1, 'p:0/G9', 2006, '🔥'),
      (2, 'G9', 'later row, earlier message', 1, 599079037641931008, 0, NULL, 0, NULL)`, [1, 2]));
    const run = await runParser(iosSmsDbParser, bytes, 'sms.db');
    expect(run.sink.messages).toHaveLength(1);
    expect(run.sink.messages[0]?.extra?.['reactions']).toEqual([
      { reaction: 'emoji', emoji: '🔥', removed: false, fromMe: true, sender: null, at: '2019-12-26T18:51:40.000Z', timestampText: '599079100000000000', part: 0, guid: 'G2', rowid: 1 },
    ]);
  });

  it('keeps a tapback whose message is not in the database as a record of its own that says so', async () => {
    const bytes = await buildDatabase(database(`
      (1, 'G2', 'Liked “an old message”', 2, 599079100000000000, 0, 'p:0/GONE', 2001, NULL)`, [1]));
    const run = await runParser(iosSmsDbParser, bytes, 'sms.db');
    expect(run.sink.messages).toHaveLength(1);
    expect(run.sink.messages[0]).toMatchObject({
      kind: 'system',
      text: 'Liked “an old message”',
      sender: '+15551230002',
      locator: { kind: 'sqlite-row', table: 'message', rowid: 1 },
    });
    expect(run.sink.messages[0]?.extra?.['tapback']).toMatchObject({ reaction: 'liked', targetGuid: 'GONE' });
    expect(run.sink.messages[0]?.extra?.['systemReason']).toBe('a tapback (liked) on message GONE, which is not in this database');
  });

  it('keeps a sticker tapback, which carries a file, as a record of its own and lists it on its message', async () => {
    const bytes = await buildDatabase(`${database(`
      (1, 'G1', 'look', 1, 599079037641931008, 0, NULL, 0, NULL),
      (2, 'G2', '￼', 0, 599079100000000000, 1, 'p:0/G1', 2007, NULL)`, [1, 2])}
      INSERT INTO attachment VALUES (1, 'A1', '~/Library/SMS/StickerCache/x/sticker.heic', 'public.heic', 'image/heic', 'sticker.heic', 10, 1);
      INSERT INTO message_attachment_join VALUES (2, 1);`);
    const run = await runParser(iosSmsDbParser, bytes, 'sms.db');
    expect(run.sink.messages).toHaveLength(2);
    expect(run.sink.messages[0]?.extra?.['reactions']).toEqual([
      { reaction: 'sticker', removed: false, fromMe: true, sender: null, at: '2019-12-26T18:51:40.000Z', timestampText: '599079100000000000', part: 0, guid: 'G2', rowid: 2, text: '￼', ownRecord: true },
    ]);
    expect(run.sink.messages[1]).toMatchObject({ kind: 'message', attachments: [{ mediaType: 'sticker', fileName: 'sticker.heic' }] });
  });

  it('yields the records an SQL count taken without the parser expects (tapbacks on their message not counted, one whose message is missing a notice)', async () => {
    const bytes = await buildDatabase(`${database(`
      (1, 'G1', 'see you at 8', 1, 599079037641931008, 0, NULL, 0, NULL),
      (2, 'G2', 'Loved “see you at 8”', 2, 599079100000000000, 0, 'p:0/G1', 2000, NULL),
      (3, 'G3', 'Removed a heart from “see you at 8”', 2, 599079300000000000, 0, 'bp:G1', 3000, NULL),
      (4, 'G4', 'Liked “an old message”', 2, 599079400000000000, 0, 'p:0/GONE', 2001, NULL),
      (5, 'G5', '￼', 0, 599079500000000000, 1, 'G1', 2007, NULL)`, [1, 2, 3, 4, 5])}
      INSERT INTO attachment VALUES (1, 'A1', '~/Library/SMS/StickerCache/x/sticker.heic', 'public.heic', 'image/heic', 'sticker.heic', 10, 1);
      INSERT INTO message_attachment_join VALUES (5, 1);`);
    const run = await runParser(iosSmsDbParser, bytes, 'sms.db');
    const SQL = await initSqlJs();
    const db = new SQL.Database(bytes);
    try {
      const independent = iosSmsRows(db);
      expect(run.sink.messages).toHaveLength(independent.records);
      expect(run.sink.messages.filter((message) => message.kind === 'system')).toHaveLength(independent.system ?? 0);
      expect([independent.records, independent.system]).toEqual([3, 1]);
    } finally {
      db.close();
    }
  });
});
