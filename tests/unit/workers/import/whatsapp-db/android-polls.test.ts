import { describe, expect, it } from 'vitest';

import { whatsappAndroidDbParser } from '../../../../../workers/import/whatsapp-db/index.ts';
import { buildDatabase, checkParsedInvariants, runParser } from '../../../../support/sqlite-parser-harness.ts';
import { MSGSTORE_CORE_TABLES } from '../../../../support/msgstore-event-tables.ts';

/**
 * A poll (message_type 66/106): the question is the row's text_data, the options are rows of
 * message_poll_option (option_name, vote_total), and each vote is a message_add_on row of type 67
 * whose chosen options are in message_add_on_poll_vote_selected_option [source: the app's own
 * queries, GET_MESSAGE_POLL_OPTION_SQL / GET_MESSAGE_ADD_ON_POLL_VOTE_SELECTED_OPTION_SQL].
 */
const NEW = `
  ${MSGSTORE_CORE_TABLES}
  CREATE TABLE message_poll (message_row_id INTEGER PRIMARY KEY, enc_key BLOB, selectable_options_count INTEGER);
  CREATE TABLE message_poll_option (_id INTEGER PRIMARY KEY AUTOINCREMENT, message_row_id INTEGER NOT NULL, option_sha256 TEXT, option_name TEXT, vote_total INTEGER);
  CREATE TABLE message_add_on (_id INTEGER PRIMARY KEY AUTOINCREMENT, chat_row_id INTEGER NOT NULL, from_me INTEGER NOT NULL, key_id TEXT NOT NULL,
    sender_jid_row_id INTEGER, parent_message_row_id INTEGER NOT NULL, timestamp INTEGER, status INTEGER, message_add_on_type INTEGER);
  CREATE TABLE message_add_on_poll_vote (message_add_on_row_id INTEGER PRIMARY KEY, sender_timestamp INTEGER);
  CREATE TABLE message_add_on_poll_vote_selected_option (_id INTEGER PRIMARY KEY AUTOINCREMENT, message_add_on_row_id INTEGER NOT NULL, message_poll_option_id INTEGER NOT NULL);
  INSERT INTO jid VALUES (1, '120363000000000001', 'g.us', '120363000000000001@g.us'),
                         (2, '4915100000002', 's.whatsapp.net', '4915100000002@s.whatsapp.net');
  INSERT INTO chat VALUES (1, 1, 'Transport');
  INSERT INTO message VALUES (1, 1, 1, 'P1', 0, 13, 1700000000000, 66, 'Where do we meet?');
  INSERT INTO message_poll VALUES (1, NULL, 1);
  INSERT INTO message_poll_option VALUES (1, 1, 'h1', 'the dock', 2), (2, 1, 'h2', 'the station', 0);
  INSERT INTO message_add_on VALUES (1, 1, 1, 'V1', 0, 1, 1700000010000, 0, 67), (2, 1, 0, 'V2', 2, 1, 1700000020000, 0, 67);
  INSERT INTO message_add_on_poll_vote VALUES (1, 1700000010000), (2, 1700000020000);
  INSERT INTO message_add_on_poll_vote_selected_option VALUES (1, 1, 1), (2, 2, 1);
`;

describe('whatsappAndroidDbParser: polls', () => {
  it('keeps the options with their vote totals and voters in extra.poll, and lists them in the text', async () => {
    const run = await runParser(whatsappAndroidDbParser, await buildDatabase(NEW), 'msgstore.db');
    expect(checkParsedInvariants(run, 'msgstore.db')).toEqual([]);
    expect(run.sink.messages).toHaveLength(1);
    const [poll] = run.sink.messages;
    expect(poll?.text).toBe('Where do we meet?\n• the dock (2 votes)\n• the station (0 votes)');
    expect(poll?.extra?.['poll']).toEqual({
      options: [
        {
          name: 'the dock',
          voteTotal: 2,
          optionRowId: 1,
          voters: [
            { fromMe: true, sender: null, senderId: null, at: '2023-11-14T22:13:30.000Z', addOnRowId: 1 },
            { fromMe: false, sender: '+4915100000002', senderId: '+4915100000002', at: '2023-11-14T22:13:40.000Z', addOnRowId: 2 },
          ],
        },
        { name: 'the station', voteTotal: 0, optionRowId: 2, voters: [] },
      ],
    });
  });
});
