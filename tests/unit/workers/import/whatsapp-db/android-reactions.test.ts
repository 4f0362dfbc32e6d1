import { describe, expect, it } from 'vitest';

import { whatsappAndroidDbParser } from '../../../../../workers/import/whatsapp-db/index.ts';
import { buildDatabase, checkParsedInvariants, runParser } from '../../../../support/sqlite-parser-harness.ts';
import { MSGSTORE_CORE_TABLES } from '../../../../support/msgstore-event-tables.ts';
import { ANNA_AND_BOSS } from '../../../../support/wa-contacts.ts';

/**
 * FORMATS.md §5.1 `message_add_on` (+`message_add_on_reaction`): a reaction is a row of its own,
 * pointing at the message it reacts to (parent_message_row_id). It is not a message, so it must
 * not become a record, but who reacted with what, and when, belongs to the message it answers.
 */
const NEW = `
  ${MSGSTORE_CORE_TABLES}
  CREATE TABLE message_add_on (_id INTEGER PRIMARY KEY AUTOINCREMENT, chat_row_id INTEGER NOT NULL, from_me INTEGER NOT NULL, key_id TEXT NOT NULL,
    sender_jid_row_id INTEGER, parent_message_row_id INTEGER NOT NULL, timestamp INTEGER, status INTEGER, message_add_on_type INTEGER);
  CREATE TABLE message_add_on_reaction (message_add_on_row_id INTEGER PRIMARY KEY, reaction TEXT, sender_timestamp INTEGER);
  INSERT INTO jid VALUES (1, '4915100000001', 's.whatsapp.net', '4915100000001@s.whatsapp.net'),
                         (2, '120363000000000001', 'g.us', '120363000000000001@g.us'),
                         (3, '4915100000002', 's.whatsapp.net', '4915100000002@s.whatsapp.net');
  INSERT INTO chat VALUES (1, 1, NULL), (2, 2, 'Transport');
  INSERT INTO message VALUES (1, 1, 1, 'M1', 0, 13, 1700000000000, 0, 'the money is ready'),
                             (2, 2, 0, 'M2', 3, 0, 1700000100000, 0, 'car at 9'),
                             (3, 1, 0, 'M3', 0, 0, 1700000200000, 0, 'no reactions here');
  INSERT INTO message_add_on VALUES (1, 1, 0, 'A1', 0, 1, 1700000010000, 0, 56),
                                    (2, 2, 1, 'A2', 0, 2, 1700000110000, 0, 56),
                                    (3, 2, 0, 'A3', 3, 2, 1700000120000, 0, 56);
  INSERT INTO message_add_on_reaction VALUES (1, '👍', 1700000010000), (2, '🙏', 1700000110000), (3, '❤️', 1700000120000);
`;

const WA_DB = ANNA_AND_BOSS;

describe('whatsappAndroidDbParser: reactions (message_add_on)', () => {
  it('puts each reaction, with who, what, when and its message_add_on row, on the message it reacts to, and makes no record of its own', async () => {
    const run = await runParser(whatsappAndroidDbParser, await buildDatabase(NEW), 'msgstore.db', { 'wa.db': await buildDatabase(WA_DB) });
    expect(checkParsedInvariants(run, 'msgstore.db')).toEqual([]);
    const [mine, group, plain] = run.sink.messages;
    expect(run.sink.messages).toHaveLength(3);
    expect(mine).toMatchObject({ direction: 'outgoing', text: 'the money is ready', locator: { table: 'message', rowid: 1 } });
    // In a private chat an incoming reaction is the other person's. Each names its own message_add_on row (where it lies).
    expect(mine?.extra?.['reactions']).toEqual([{ emoji: '👍', fromMe: false, sender: 'Anna', senderId: '+4915100000001', at: '2023-11-14T22:13:30.000Z', addOnRowId: 1 }]);
    expect(group).toMatchObject({ sender: 'Boss', text: 'car at 9', locator: { rowid: 2 } });
    expect(group?.extra?.['reactions']).toEqual([
      { emoji: '🙏', fromMe: true, sender: null, senderId: null, at: '2023-11-14T22:15:10.000Z', addOnRowId: 2 },
      { emoji: '❤️', fromMe: false, sender: 'Boss', senderId: '+4915100000002', at: '2023-11-14T22:15:20.000Z', addOnRowId: 3 },
    ]);
    expect(plain?.extra?.['reactions']).toBeUndefined();
  });
});

describe('whatsappAndroidDbParser: a withdrawn reaction', () => {
  // Regression: a reaction taken back (message_add_on_reaction.reaction '', as WhatsApp's own code
  // looks withdrawn ones up) was listed as a reaction with no emoji.
  it('is kept apart from the reactions, with who withdrew it and when, never as an empty reaction', async () => {
    const bytes = await buildDatabase(`${NEW}
      INSERT INTO message_add_on VALUES (4, 2, 0, 'A4', 3, 2, 1700000130000, 0, 56);
      INSERT INTO message_add_on_reaction VALUES (4, '', 1700000130000);
    `);
    const run = await runParser(whatsappAndroidDbParser, bytes, 'msgstore.db', { 'wa.db': await buildDatabase(WA_DB) });
    const group = run.sink.messages[1];
    expect((group?.extra?.['reactions'] as { emoji: string }[]).map((reaction) => reaction.emoji)).toEqual(['🙏', '❤️']);
    expect(group?.extra?.['withdrawnReactions']).toEqual([{ fromMe: false, sender: 'Boss', senderId: '+4915100000002', at: '2023-11-14T22:15:30.000Z', addOnRowId: 4 }]);
  });
});

describe('whatsappAndroidDbParser: reactions to a message that is gone', () => {
  it('regression: names the reactions whose message row is missing in a warning, instead of dropping them without a word', async () => {
    const bytes = await buildDatabase(`${NEW}
      INSERT INTO message_add_on VALUES (4, 1, 0, 'A4', 0, 99, 1700000300000, 0, 56), (5, 1, 1, 'A5', 0, 99, 1700000310000, 0, 56);
      INSERT INTO message_add_on_reaction VALUES (4, '😂', 1700000300000), (5, '😮', 1700000310000);
    `);
    const run = await runParser(whatsappAndroidDbParser, bytes, 'msgstore.db', { 'wa.db': await buildDatabase(WA_DB) });
    expect(checkParsedInvariants(run, 'msgstore.db')).toEqual([]);
    expect(run.sink.messages).toHaveLength(3);
    expect(run.sink.warnings).toContainEqual({
      place: 'msgstore.db:message_add_on',
      message: '2 reaction(s) answer a message that was not read (message row 99: missing from the message table or unreadable); they are in message_add_on but on no record',
    });
  });
});

describe('whatsappAndroidDbParser: reactions in a full group', () => {
  it('regression: keeps the reaction of every member of a group of 1024, not the first 1000', async () => {
    const reactions = Array.from({ length: 1024 }, (_, index) => index + 10);
    const bytes = await buildDatabase(`${NEW}
      INSERT INTO message_add_on VALUES ${reactions.map((row) => `(${row}, 2, 0, 'R${row}', 3, 2, ${1700000200000 + row}, 0, 56)`).join(', ')};
      INSERT INTO message_add_on_reaction VALUES ${reactions.map((row) => `(${row}, '👍', ${1700000200000 + row})`).join(', ')};
    `);
    const run = await runParser(whatsappAndroidDbParser, bytes, 'msgstore.db');
    expect(checkParsedInvariants(run, 'msgstore.db')).toEqual([]);
    const group = run.sink.messages.find((message) => message.extra?.['keyId'] === 'M2');
    expect(group?.extra?.['reactions']).toHaveLength(2 + 1024);
  });
});
