import { describe, expect, it } from 'vitest';

import { androidSmsDbParser } from '../../../../../workers/import/android-sms/index.ts';
import { buildDatabase, runParser } from '../../../../support/sqlite-parser-harness.ts';

/**
 * Android 10's telephony provider added an RCS message store to mmssms.db (RcsProvider: "Use the
 * credential encrypted mmssms.db for RCS messages"), in tables of its own: rcs_message,
 * rcs_file_transfer, rcs_thread_event, rcs_participant_event (column layout abridged here). This
 * importer does not read them; rows there must be said to be unread, as Samsung's im and ft are.
 */
const SCHEMA = `
  CREATE TABLE sms (_id INTEGER PRIMARY KEY AUTOINCREMENT, thread_id INTEGER, address TEXT, date INTEGER, type INTEGER, body TEXT);
  CREATE TABLE rcs_message (rcs_message_row_id INTEGER PRIMARY KEY AUTOINCREMENT, rcs_thread_id INTEGER, rcs_text TEXT, origination_timestamp INTEGER);
  CREATE TABLE rcs_file_transfer (rcs_file_transfer_id INTEGER PRIMARY KEY AUTOINCREMENT, rcs_message_row_id INTEGER, content_uri TEXT);
  CREATE TABLE rcs_thread_event (event_id INTEGER PRIMARY KEY AUTOINCREMENT, rcs_thread_id INTEGER, event_type INTEGER);
  CREATE TABLE rcs_participant_event (event_id INTEGER PRIMARY KEY AUTOINCREMENT, source_participant INTEGER, event_type INTEGER);
  INSERT INTO sms (thread_id, address, date, type, body) VALUES (1, '+41790000001', 1617873247692, 1, 'an SMS');
`;

describe('mmssms.db: the AOSP RCS message store (Android 10)', () => {
  it('warns about rows in its message, file transfer and event tables, and counts them in the details', async () => {
    const run = await runParser(androidSmsDbParser, await buildDatabase(`${SCHEMA}
      INSERT INTO rcs_message (rcs_thread_id, rcs_text, origination_timestamp) VALUES (1, 'an RCS chat line', 1617873247692);
      INSERT INTO rcs_file_transfer (rcs_message_row_id, content_uri) VALUES (1, 'content://media/1');
      INSERT INTO rcs_thread_event (rcs_thread_id, event_type) VALUES (1, 1);
      INSERT INTO rcs_participant_event (source_participant, event_type) VALUES (1, 1);`), 'mmssms.db');
    expect(run.sink.messages.map((message) => message.text)).toEqual(['an SMS']);
    for (const table of ['rcs_message', 'rcs_file_transfer', 'rcs_thread_event', 'rcs_participant_event']) {
      expect(run.sink.warnings.some((warning) => warning.message.startsWith(`table ${table} `))).toBe(true);
    }
    expect(run.outcome.details['unreadTables']).toMatchObject({ rcs_message: 1, rcs_file_transfer: 1, rcs_thread_event: 1, rcs_participant_event: 1 });
  });

  it('says nothing of its tables when they are empty (as on nearly every phone), but counts them', async () => {
    const run = await runParser(androidSmsDbParser, await buildDatabase(SCHEMA), 'mmssms.db');
    expect(run.sink.warnings.filter((warning) => warning.message.includes('rcs_'))).toEqual([]);
    expect(run.outcome.details['unreadTables']).toMatchObject({ rcs_message: 0 });
  });
});
