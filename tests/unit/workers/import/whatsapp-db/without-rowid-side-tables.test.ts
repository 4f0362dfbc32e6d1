import { describe, expect, it } from 'vitest';

import { whatsappAndroidDbParser } from '../../../../../workers/import/whatsapp-db/index.ts';
import { buildDatabase, checkParsedInvariants, runParser } from '../../../../support/sqlite-parser-harness.ts';
import { MSGSTORE_CORE_TABLES } from '../../../../support/msgstore-event-tables.ts';

/**
 * Regression: the side tables a msgstore.db reader looks up per message (receipts, contact cards,
 * template buttons, a call's participants) were read `ORDER BY rowid`. A table declared WITHOUT
 * ROWID (a rebuilt, carved or hand-made database) has no rowid: preparing the lookup threw "no
 * such column: rowid" and the whole database failed to import. Such a table's stored order is its
 * primary key's.
 */
const NEW = `
  ${MSGSTORE_CORE_TABLES}
  CREATE TABLE message_template (message_row_id INTEGER PRIMARY KEY, content_text_data TEXT NOT NULL, footer_text_data TEXT, template_id TEXT);
  CREATE TABLE message_template_button (_id INTEGER PRIMARY KEY, message_row_id INTEGER, text_data TEXT NOT NULL) WITHOUT ROWID;
  CREATE TABLE receipt_user (_id INTEGER PRIMARY KEY, message_row_id INTEGER NOT NULL, receipt_user_jid_row_id INTEGER NOT NULL,
    receipt_timestamp INTEGER, read_timestamp INTEGER, played_timestamp INTEGER) WITHOUT ROWID;
  CREATE TABLE message_vcard (_id INTEGER PRIMARY KEY, message_row_id INTEGER, vcard TEXT) WITHOUT ROWID;
  CREATE TABLE call_log (_id INTEGER PRIMARY KEY AUTOINCREMENT, jid_row_id INTEGER, from_me INTEGER, call_id TEXT, timestamp INTEGER,
    video_call INTEGER, duration INTEGER, call_result INTEGER, group_jid_row_id INTEGER NOT NULL DEFAULT 0);
  CREATE TABLE call_log_participant_v2 (_id INTEGER PRIMARY KEY, call_log_row_id INTEGER, jid_row_id INTEGER, call_result INTEGER) WITHOUT ROWID;
  INSERT INTO jid VALUES (1, '4915100000001', 's.whatsapp.net', '4915100000001@s.whatsapp.net'),
                         (2, '4915100000002', 's.whatsapp.net', '4915100000002@s.whatsapp.net');
  INSERT INTO chat VALUES (1, 1, NULL);
  INSERT INTO message VALUES (1, 1, 0, 'T1', 0, 0, 1700000000000, 25, NULL),
                             (2, 1, 1, 'O1', 0, 13, 1700000100000, 0, 'meet at 9'),
                             (3, 1, 0, 'VC', 0, 0, 1700000200000, 14, '2 contacts');
  INSERT INTO message_template VALUES (1, 'Your parcel is held.', NULL, 'tpl-7');
  INSERT INTO message_template_button (_id, message_row_id, text_data) VALUES (2, 1, 'Call us'), (1, 1, 'Track');
  INSERT INTO receipt_user VALUES (2, 2, 2, 1700000102000, NULL, NULL), (1, 2, 1, 1700000101000, NULL, NULL);
  INSERT INTO message_vcard VALUES (2, 3, 'BEGIN:VCARD\nFN:Bruno\nEND:VCARD'), (1, 3, 'BEGIN:VCARD\nFN:Ana\nEND:VCARD');
  INSERT INTO call_log (_id, jid_row_id, from_me, call_id, timestamp, video_call, duration, call_result) VALUES (1, 1, 1, 'CALL-A', 1700000300000, 0, 10, 5);
  INSERT INTO call_log_participant_v2 VALUES (2, 1, 2, 2), (1, 1, 1, 5);
`;

describe('regression: msgstore.db side tables declared WITHOUT ROWID', () => {
  it('reads receipts, contact cards, template buttons and call participants in primary key order, and the import goes on', async () => {
    const run = await runParser(whatsappAndroidDbParser, await buildDatabase(NEW), 'msgstore.db');
    expect(checkParsedInvariants(run, 'msgstore.db')).toEqual([]);
    const byKeyId = (text: string | null) => run.sink.messages.find((message) => message.text === text);
    expect(run.sink.messages[0]?.extra?.['template']).toMatchObject({ buttons: ['Track', 'Call us'] });
    expect((byKeyId('meet at 9')?.extra?.['receipts'] as { senderId: string }[]).map((receipt) => receipt.senderId)).toEqual(['+4915100000001', '+4915100000002']);
    const cards = (byKeyId('2 contacts')?.attachments ?? []).map((attachment) => new TextDecoder().decode(attachment.bytes));
    expect(cards).toEqual(['BEGIN:VCARD\nFN:Ana\nEND:VCARD', 'BEGIN:VCARD\nFN:Bruno\nEND:VCARD']);
    const call = run.sink.messages.find((message) => message.locator.kind === 'sqlite-row' && message.locator.table === 'call_log');
    expect((call?.extra?.['callParticipants'] as { id: string }[]).map((participant) => participant.id)).toEqual(['+4915100000001', '+4915100000002']);
  });

  it('reads the legacy layout\'s contact cards (messages_vcards) WITHOUT ROWID', async () => {
    const bytes = await buildDatabase(`
      CREATE TABLE messages (_id INTEGER PRIMARY KEY AUTOINCREMENT, key_remote_jid TEXT NOT NULL, key_from_me INTEGER, key_id TEXT NOT NULL,
        status INTEGER, data TEXT, timestamp INTEGER, media_wa_type TEXT, media_size INTEGER, media_name TEXT, media_caption TEXT, remote_resource TEXT);
      CREATE TABLE messages_vcards (_id INTEGER PRIMARY KEY, message_row_id INTEGER, sender_jid TEXT, chat_jid TEXT, vcard TEXT) WITHOUT ROWID;
      INSERT INTO messages (_id, key_remote_jid, key_from_me, key_id, status, data, timestamp, media_wa_type, media_size, media_name) VALUES
        (1, '4915100000001@s.whatsapp.net', 0, 'V1', 0, NULL, 1623697000000, '14', 0, '2 contacts');
      INSERT INTO messages_vcards (_id, message_row_id, vcard) VALUES (2, 1, 'BEGIN:VCARD\nFN:Bruno\nEND:VCARD'), (1, 1, 'BEGIN:VCARD\nFN:Ana\nEND:VCARD');`);
    const run = await runParser(whatsappAndroidDbParser, bytes, 'msgstore.db');
    expect(checkParsedInvariants(run, 'msgstore.db')).toEqual([]);
    const cards = (run.sink.messages[0]?.attachments ?? []).map((attachment) => new TextDecoder().decode(attachment.bytes));
    expect(cards).toEqual(['BEGIN:VCARD\nFN:Ana\nEND:VCARD', 'BEGIN:VCARD\nFN:Bruno\nEND:VCARD']);
  });
});
