import { describe, expect, it } from 'vitest';

import { whatsappAndroidDbParser } from '../../../../../workers/import/whatsapp-db/index.ts';
import { buildDatabase, checkParsedInvariants, runParser } from '../../../../support/sqlite-parser-harness.ts';
import { MSGSTORE_CORE_TABLES } from '../../../../support/msgstore-event-tables.ts';

/**
 * Regression (a tester's audit against a real msgstore.db schema dump and IPED): a business's
 * template message (types 25-28) keeps its words only in message_template, and came in as an
 * empty "unknown (25)"; who of a group's admins deleted a member's message
 * (message_revoked.admin_jid_row_id) was not read.
 */
const STORE = `
  ${MSGSTORE_CORE_TABLES}
  CREATE TABLE message_template (message_row_id INTEGER PRIMARY KEY, content_text_data TEXT NOT NULL, footer_text_data TEXT, template_id TEXT);
  CREATE TABLE message_template_button (_id INTEGER PRIMARY KEY AUTOINCREMENT, message_row_id INTEGER, text_data TEXT NOT NULL, extra_data TEXT, button_type INTEGER, used INTEGER, selected_index INTEGER);
  CREATE TABLE message_revoked (message_row_id INTEGER PRIMARY KEY, revoked_key_id TEXT NOT NULL, admin_jid_row_id INTEGER);
  INSERT INTO jid VALUES (1, '4915100000001', 's.whatsapp.net', '4915100000001@s.whatsapp.net'),
                         (2, '120363000000000001', 'g.us', '120363000000000001@g.us'),
                         (3, '4915100000003', 's.whatsapp.net', '4915100000003@s.whatsapp.net');
  INSERT INTO chat VALUES (1, 1, NULL), (2, 2, 'Transport');
  INSERT INTO message VALUES (1, 1, 0, 'T1', 0, 0, 1700000000000, 25, NULL),
                             (2, 2, 0, 'R1', 1, 0, 1700000100000, 64, NULL);
  INSERT INTO message_template VALUES (1, 'Your parcel 0042 is held at the depot.', 'Reply STOP to opt out', 'tpl-7');
  INSERT INTO message_template_button (message_row_id, text_data) VALUES (1, 'Track'), (1, 'Call us');
  INSERT INTO message_revoked VALUES (2, 'R0', 3);
`;

describe('whatsappAndroidDbParser: template messages and admin deletions', () => {
  it("shows a template message's text and footer, keeping its buttons, and names the admin who deleted a message", async () => {
    const run = await runParser(whatsappAndroidDbParser, await buildDatabase(STORE), 'msgstore.db');
    expect(checkParsedInvariants(run, 'msgstore.db')).toEqual([]);
    const [template, revoked] = run.sink.messages;
    expect(template).toMatchObject({ kind: 'message', text: 'Your parcel 0042 is held at the depot.\nReply STOP to opt out', extra: { messageType: 'template message' } });
    expect(template?.extra?.['template']).toEqual({ footer: 'Reply STOP to opt out', templateId: 'tpl-7', buttons: ['Track', 'Call us'] });
    expect(revoked).toMatchObject({ deleted: true, extra: { revokedKeyId: 'R0', deletedByAdmin: { senderId: '+4915100000003' } } });
  });
});

describe('whatsappAndroidDbParser: receipts of the owner\'s messages (receipt_user)', () => {
  // Regression (a tester's audit against a real schema dump): who received, read and played the
  // owner's message, per recipient, was not read.
  it('lists each recipient with when their phone received, read and played the message; others\' messages have none', async () => {
    const bytes = await buildDatabase(`${STORE}
      CREATE TABLE receipt_user (_id INTEGER PRIMARY KEY AUTOINCREMENT, message_row_id INTEGER NOT NULL, receipt_user_jid_row_id INTEGER NOT NULL,
        receipt_timestamp INTEGER, read_timestamp INTEGER, played_timestamp INTEGER);
      INSERT INTO message VALUES (3, 2, 1, 'O1', 0, 13, 1700000200000, 0, 'meet at 9');
      INSERT INTO receipt_user (message_row_id, receipt_user_jid_row_id, receipt_timestamp, read_timestamp, played_timestamp) VALUES
        (3, 1, 1700000201000, 1700000260000, 0), (3, 3, 1700000202000, -1, 0), (1, 1, 1700000001000, 1700000002000, 0);`);
    const run = await runParser(whatsappAndroidDbParser, bytes, 'msgstore.db');
    const owners = run.sink.messages.find((message) => message.text === 'meet at 9');
    expect(owners?.extra?.['receipts']).toEqual([
      expect.objectContaining({ senderId: '+4915100000001', receivedAt: '2023-11-14T22:16:41.000Z', readAt: '2023-11-14T22:17:40.000Z', playedAt: null }),
      expect.objectContaining({ senderId: '+4915100000003', receivedAt: '2023-11-14T22:16:42.000Z', readAt: null, playedAt: null }),
    ]);
    expect(run.sink.messages[0]?.extra?.['receipts']).toBeUndefined();
  });
});
