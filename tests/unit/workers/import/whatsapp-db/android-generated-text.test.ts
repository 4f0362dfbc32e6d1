import { describe, expect, it } from 'vitest';

import { whatsappAndroidDbParser } from '../../../../../workers/import/whatsapp-db/index.ts';
import { buildDatabase, checkParsedInvariants, runParser } from '../../../../support/sqlite-parser-harness.ts';
import { MSGSTORE_CORE_TABLES, byKey } from '../../../../support/msgstore-event-tables.ts';

/**
 * Regression: the text of a call ("voice call, answered, 12 s"), of a group or system notice
 * ("changed the group subject: Dock crew"), of a poll's option lines, and of a place shared without
 * words was written by this importer, and only a group invitation's said so
 * (`extra.textGenerated`, as the Telegram importers mark theirs): the others read as words someone
 * wrote. Each is marked now; a notice's or a call's own stored text is kept apart (extra.storedText).
 */
const NEW = `
  ${MSGSTORE_CORE_TABLES}
  CREATE TABLE message_system (message_row_id INTEGER PRIMARY KEY, action_type INTEGER NOT NULL);
  CREATE TABLE message_location (message_row_id INTEGER PRIMARY KEY, chat_row_id INTEGER, latitude REAL, longitude REAL, place_name TEXT, place_address TEXT, url TEXT);
  CREATE TABLE message_media (message_row_id INTEGER PRIMARY KEY, chat_row_id INTEGER, file_path TEXT, file_size INTEGER, mime_type TEXT, media_name TEXT, media_caption TEXT);
  CREATE TABLE call_log (_id INTEGER PRIMARY KEY AUTOINCREMENT, jid_row_id INTEGER, from_me INTEGER, call_id TEXT, timestamp INTEGER, video_call INTEGER,
    duration INTEGER, call_result INTEGER, group_jid_row_id INTEGER NOT NULL DEFAULT 0);
  CREATE TABLE message_call_log (_id INTEGER PRIMARY KEY AUTOINCREMENT, message_row_id INTEGER UNIQUE, call_log_row_id INTEGER UNIQUE);
  CREATE TABLE message_poll (message_row_id INTEGER PRIMARY KEY, enc_key BLOB, selectable_options_count INTEGER);
  CREATE TABLE message_poll_option (_id INTEGER PRIMARY KEY AUTOINCREMENT, message_row_id INTEGER NOT NULL, option_sha256 TEXT, option_name TEXT, vote_total INTEGER);
  INSERT INTO jid VALUES (1, '120363000000000001', 'g.us', '120363000000000001@g.us'),
                         (2, '4915100000002', 's.whatsapp.net', '4915100000002@s.whatsapp.net');
  INSERT INTO chat VALUES (1, 1, 'Dock crew'), (2, 2, NULL);
  INSERT INTO message VALUES
    (1, 1, 0, 'TEXT', 2, 0, 1700000000000, 0, 'meet at the dock'),
    (2, 1, 0, 'SUBJECT', 2, 6, 1700000001000, 7, 'Dock crew'),
    (3, 1, 1, 'POLL', NULL, 13, 1700000002000, 66, 'Where do we meet?'),
    (4, 2, 0, 'PLACE', NULL, 0, 1700000003000, 5, NULL),
    (5, 2, 0, 'CALL', NULL, 0, 1700000004000, 90, 'audio'),
    (6, 2, 0, 'PHOTO', NULL, 0, 1700000005000, 1, NULL),
    (7, 2, 0, 'CARD', NULL, 0, 1700000006000, 4, NULL);
  INSERT INTO message_system VALUES (2, 1);
  INSERT INTO message_poll VALUES (3, NULL, 1);
  INSERT INTO message_poll_option VALUES (1, 3, 'h1', 'the dock', 1), (2, 3, 'h2', 'the station', 0);
  INSERT INTO message_location VALUES (4, 2, 53.55, 9.99, 'Harbour gate 3', 'Am Hafen 1', NULL);
  INSERT INTO message_media VALUES (6, 2, 'Media/WhatsApp Images/IMG-1.jpg', 10, 'image/jpeg', NULL, 'the boat'),
                                   (7, 2, NULL, NULL, 'text/x-vcard', 'Uncle Ben', NULL);
  INSERT INTO call_log (_id, jid_row_id, from_me, call_id, timestamp, video_call, duration, call_result) VALUES
    (1, 2, 0, 'CALL-A', 1700000004000, 0, 12, 5),
    (2, 2, 1, 'CALL-B', 1700000007000, 1, 0, 2);
  INSERT INTO message_call_log (message_row_id, call_log_row_id) VALUES (5, 1);
`;

describe('whatsappAndroidDbParser: text this reader wrote is marked so', () => {
  it('marks calls, notices, poll lines, a place\'s name and a contact card\'s name, and leaves people\'s words unmarked', async () => {
    const run = await runParser(whatsappAndroidDbParser, await buildDatabase(NEW), 'msgstore.db');
    expect(checkParsedInvariants(run, 'msgstore.db')).toEqual([]);
    const messages = run.sink.messages;

    expect(byKey(messages, 'TEXT').extra?.['textGenerated']).toBeUndefined();
    // A caption is the sender's words.
    expect(byKey(messages, 'PHOTO')).toMatchObject({ text: 'the boat' });
    expect(byKey(messages, 'PHOTO').extra?.['textGenerated']).toBeUndefined();

    const subject = byKey(messages, 'SUBJECT');
    expect(subject).toMatchObject({ kind: 'system', text: 'changed the group subject: Dock crew' });
    expect(subject.extra).toMatchObject({ textGenerated: true, storedText: { column: 'text_data', text: 'Dock crew' } });

    const poll = byKey(messages, 'POLL');
    expect(poll.text).toBe('Where do we meet?\n• the dock (1 vote)\n• the station (0 votes)');
    // The question is the sender's words: kept apart as stored.
    expect(poll.extra).toMatchObject({ textGenerated: true, storedText: { column: 'text_data', text: 'Where do we meet?' } });

    const place = byKey(messages, 'PLACE');
    expect(place.text).toBe('Harbour gate 3, Am Hafen 1');
    expect(place.extra?.['textGenerated']).toBe(true);

    const card = byKey(messages, 'CARD');
    expect(card.text).toBe('Uncle Ben');
    expect(card.extra?.['textGenerated']).toBe(true);

    const linkedCall = byKey(messages, 'CALL');
    expect(linkedCall).toMatchObject({ kind: 'system', text: 'voice call, answered, 12 s' });
    expect(linkedCall.extra).toMatchObject({ textGenerated: true, storedText: { column: 'text_data', text: 'audio' } });

    const loggedCall = messages.find((message) => message.locator.kind === 'sqlite-row' && message.locator.table === 'call_log');
    expect(loggedCall).toMatchObject({ kind: 'system', text: expect.stringContaining('video call') as string });
    expect(loggedCall?.extra?.['textGenerated']).toBe(true);
    expect(loggedCall?.extra?.['storedText']).toBeUndefined();

    // Every system record's text is written here: none is left unmarked.
    expect(messages.filter((message) => message.kind === 'system' && message.extra?.['textGenerated'] !== true)).toEqual([]);
  });
});
