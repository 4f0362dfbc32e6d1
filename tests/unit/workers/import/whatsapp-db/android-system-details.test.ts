import { describe, expect, it } from 'vitest';

import type { ParsedMessage } from '../../../../../shared/contracts/parsed-source.ts';
import { whatsappAndroidDbParser } from '../../../../../workers/import/whatsapp-db/index.ts';
import { durationLabel } from '../../../../../workers/import/whatsapp-db/system-detail-text.ts';
import { buildDatabase, checkParsedInvariants, runParser } from '../../../../support/sqlite-parser-harness.ts';
import { waContactsSql } from '../../../../support/wa-contacts.ts';
import { MSGSTORE_EVENT_TABLES, MSGSTORE_LEGACY_EVENT_TABLE } from '../../../../support/msgstore-event-tables.ts';

const WA_DB = waContactsSql([{ jid: '40712345678@s.whatsapp.net', displayName: 'Ana', waName: null }]);

/** The message_system_* tables as the IPED sample declares them (user_version 1). */
const DETAIL_TABLES = `
  CREATE TABLE message_system_value_change (message_row_id INTEGER PRIMARY KEY, old_data TEXT);
  CREATE TABLE message_system_photo_change (message_row_id INTEGER PRIMARY KEY, new_photo_id TEXT, old_photo BLOB, new_photo BLOB);
  CREATE TABLE message_system_block_contact (message_row_id INTEGER PRIMARY KEY, is_blocked INTEGER);
  CREATE TABLE message_ephemeral_setting (message_row_id INTEGER PRIMARY KEY, setting_duration INTEGER);
  CREATE TABLE message_system_ephemeral_setting_not_applied (message_row_id INTEGER PRIMARY KEY, setting_duration INTEGER);
  CREATE TABLE message_system_device_change (message_row_id INTEGER PRIMARY KEY, device_added_count INTEGER, device_removed_count INTEGER);
  CREATE TABLE message_system_business_state (message_row_id INTEGER PRIMARY KEY, privacy_message_type INTEGER NOT NULL, business_name TEXT);
  CREATE TABLE message_system_initial_privacy_provider (message_row_id INTEGER PRIMARY KEY, privacy_provider INTEGER NOT NULL DEFAULT 0, verified_biz_name TEXT);
  CREATE TABLE message_system_group (message_row_id INTEGER PRIMARY KEY, is_me_joined INTEGER);
  CREATE TABLE message_system_payment_invite_setup (message_row_id INTEGER PRIMARY KEY, service INTEGER, invite_used INTEGER);
`;

const NEW_BASE = `
${MSGSTORE_EVENT_TABLES}
  INSERT INTO jid VALUES (1, '120363000000000001', 'g.us', 0, 0, 1, '120363000000000001@g.us'),
                         (2, '40712345678', 's.whatsapp.net', 0, 0, 0, '40712345678@s.whatsapp.net'),
                         (3, '40722000111', 's.whatsapp.net', 0, 0, 0, '40722000111@s.whatsapp.net');
  INSERT INTO chat VALUES (1, 1, 'Night shift'), (2, 2, NULL);
  INSERT INTO message (_id, chat_row_id, from_me, key_id, sender_jid_row_id, status, timestamp, message_type, text_data) VALUES
    (1, 1, 0, 'SUBJECT', 2, 6, 1700000000000, 7, 'Night shift'),
    (2, 1, 1, 'DESCRIPTION', NULL, 6, 1700000001000, 7, 'Cash only'),
    (3, 1, 0, 'ICON', 3, 6, 1700000002000, 7, NULL),
    (4, 2, 0, 'BLOCK', NULL, 6, 1700000003000, 7, NULL),
    (5, 2, 1, 'UNBLOCK', NULL, 6, 1700000004000, 7, NULL),
    (6, 1, 0, 'TIMER', 2, 6, 1700000005000, 36, NULL),
    (7, 2, 1, 'TIMER_OFF', NULL, 6, 1700000006000, 36, NULL),
    (8, 1, 0, 'NOT_APPLIED', 2, 6, 1700000007000, 7, NULL),
    (9, 1, 0, 'VALUE_UNKNOWN', 2, 6, 1700000008000, 7, 'B'),
    (10, 2, 0, 'DEVICES', NULL, 6, 1700000009000, 7, NULL),
    (11, 2, 0, 'BUSINESS', NULL, 6, 1700000010000, 7, NULL),
    (12, 1, 0, 'JOINED', 2, 6, 1700000011000, 7, NULL),
    (13, 1, 0, 'TEXT', 2, 0, 1700000012000, 0, 'hello');
  INSERT INTO message_system VALUES (1, 1), (2, 27), (3, 6), (4, 58), (5, 58), (8, 999), (9, 998), (10, 997), (11, 46), (12, 11);
`;

const NEW = `${NEW_BASE}${DETAIL_TABLES}
  INSERT INTO message_system_value_change VALUES (1, 'Drivers'), (2, 'Old rules'), (9, 'A');
  INSERT INTO message_system_photo_change VALUES (3, '1700000002', X'FFD8FFE000104A46', X'89504E470D0A1A0A');
  INSERT INTO message_system_block_contact VALUES (4, 1), (5, 0);
  INSERT INTO message_ephemeral_setting VALUES (6, 604800), (7, 0), (13, 86400);
  INSERT INTO message_system_ephemeral_setting_not_applied VALUES (8, 86400);
  INSERT INTO message_system_device_change VALUES (10, 1, 0);
  INSERT INTO message_system_business_state VALUES (11, 1, 'Hotdog412');
  INSERT INTO message_system_group VALUES (12, 1);
`;

function byKey(messages: ParsedMessage[], keyId: string): ParsedMessage | undefined {
  return messages.find((message) => message.extra?.['keyId'] === keyId);
}

async function parse(sql: string): Promise<ParsedMessage[]> {
  const run = await runParser(whatsappAndroidDbParser, await buildDatabase(sql), 'msgstore.db', { 'wa.db': await buildDatabase(WA_DB) });
  expect(checkParsedInvariants(run, 'msgstore.db')).toEqual([]);
  expect(run.sink.messages.filter((message) => message.kind === 'unparsed')).toEqual([]);
  return run.sink.messages;
}

describe('system messages: the message_system_* details (new layout)', () => {
  it('names who changed the group name or description, from what to what', async () => {
    const messages = await parse(NEW);
    expect(byKey(messages, 'SUBJECT')).toMatchObject({ kind: 'system', sender: 'Ana', text: 'Ana changed the group name from “Drivers” to “Night shift”' });
    expect(byKey(messages, 'SUBJECT')?.extra).toMatchObject({ systemAction: 1, systemValue: { old: 'Drivers', new: 'Night shift' } });
    expect(byKey(messages, 'DESCRIPTION')?.text).toBe('You changed the group description from “Old rules” to “Cash only”');
  });

  it('names who changed the group icon and keeps the photo id and both thumbnails', async () => {
    const icon = byKey(await parse(NEW), 'ICON');
    expect(icon).toMatchObject({ sender: '+40722000111', text: '+40722000111 changed the group icon' });
    expect(icon?.extra?.['groupPhoto']).toEqual({ newPhotoId: '1700000002', previousPhotoBytes: 8, newPhotoBytes: 8 });
    expect(icon?.attachments.map((attachment) => [attachment.fileName, attachment.mimeType, attachment.size])).toEqual([
      ['group-icon-previous.jpg', 'image/jpeg', 8],
      ['group-icon-1700000002.png', 'image/png', 8],
    ]);
  });

  it('regression: a block names the blocked contact and never records them as its author', async () => {
    const messages = await parse(NEW);
    expect(byKey(messages, 'BLOCK')).toMatchObject({ kind: 'system', sender: null, senderId: null, direction: null, text: 'You blocked Ana' });
    expect(byKey(messages, 'BLOCK')?.extra?.['blockContact']).toMatchObject({ isBlocked: 1, blocked: true, contact: { jid: '40712345678@s.whatsapp.net', id: '+40712345678' } });
    expect(byKey(messages, 'UNBLOCK')).toMatchObject({ sender: null, direction: 'outgoing', text: 'You unblocked Ana' });
  });

  it('says what disappearing messages were set to, and by whom', async () => {
    const messages = await parse(NEW);
    expect(byKey(messages, 'TIMER')).toMatchObject({ sender: 'Ana', text: 'Ana set disappearing messages to 7 days' });
    expect(byKey(messages, 'TIMER')?.extra?.['disappearingMessages']).toEqual({ table: 'message_ephemeral_setting', durationSeconds: 604800, duration: '7 days' });
    expect(byKey(messages, 'TIMER_OFF')?.text).toBe('You turned off disappearing messages');
    // A side-table row beside an ordinary message changes nothing.
    expect(byKey(messages, 'TEXT')).toMatchObject({ kind: 'message', text: 'hello' });
    expect(byKey(messages, 'TEXT')?.extra?.['disappearingMessages']).toBeUndefined();
  });

  it('keeps an unknown action code visible in front of what its details say', async () => {
    const messages = await parse(NEW);
    expect(byKey(messages, 'NOT_APPLIED')?.text).toBe('system event (action 999): disappearing messages setting not applied (1 day)');
    expect(byKey(messages, 'VALUE_UNKNOWN')?.text).toBe('system event (action 998): value changed from “A” to “B”');
    expect(byKey(messages, 'DEVICES')?.text).toBe('system event (action 997) (devices: 1 added, 0 removed)');
    expect(byKey(messages, 'DEVICES')?.extra?.['deviceChange']).toEqual({ added: 1, removed: 0 });
  });

  it('adds the business name and keeps facts without a text in extra', async () => {
    const messages = await parse(NEW);
    expect(byKey(messages, 'BUSINESS')?.text).toBe('this is a business account: Hotdog412');
    expect(byKey(messages, 'BUSINESS')?.extra?.['businessState']).toEqual({ privacyMessageType: 1, businessName: 'Hotdog412' });
    expect(byKey(messages, 'JOINED')).toMatchObject({ text: 'created the group', extra: { systemGroup: { isMeJoined: 1 } } });
  });

  it('reads a version whose detail tables lack the optional columns, or their key', async () => {
    const bare = `${NEW_BASE}
      CREATE TABLE message_system_value_change (message_row_id INTEGER PRIMARY KEY);
      CREATE TABLE message_system_photo_change (message_row_id INTEGER PRIMARY KEY);
      CREATE TABLE message_system_block_contact (message_row_id INTEGER PRIMARY KEY);
      CREATE TABLE message_ephemeral_setting (x INTEGER);
      INSERT INTO message_system_value_change VALUES (1);
      INSERT INTO message_system_photo_change VALUES (3);
      INSERT INTO message_system_block_contact VALUES (4);
      INSERT INTO message_ephemeral_setting VALUES (6);
    `;
    const messages = await parse(bare);
    expect(byKey(messages, 'SUBJECT')?.text).toBe('Ana changed the group name to “Night shift”');
    expect(byKey(messages, 'SUBJECT')?.extra?.['systemValue']).toEqual({ old: null, new: 'Night shift' });
    expect(byKey(messages, 'ICON')).toMatchObject({ text: '+40722000111 changed the group icon', attachments: [] });
    expect(byKey(messages, 'BLOCK')?.text).toBe('block status of Ana changed (is_blocked = null, not understood)');
    expect(byKey(messages, 'TIMER')?.text).toBe('disappearing messages setting');
  });

  it('survives garbage values and says what it did not understand', async () => {
    const garbage = `${NEW_BASE}${DETAIL_TABLES}
      INSERT INTO message_system_value_change VALUES (1, X'00FF'), (2, 42);
      INSERT INTO message_system_photo_change VALUES (3, X'01', 'not a photo', X'0001020304');
      INSERT INTO message_system_block_contact VALUES (4, 'yes'), (5, 7);
      INSERT INTO message_ephemeral_setting VALUES (6, 'forever'), (7, -5);
      INSERT INTO message_system_ephemeral_setting_not_applied VALUES (8, 1e300);
      INSERT INTO message_system_device_change VALUES (10, 'many', NULL);
      INSERT INTO message_system_business_state VALUES (11, 'x', X'');
    `;
    const messages = await parse(garbage);
    expect(byKey(messages, 'SUBJECT')?.extra?.['systemValue']).toEqual({ old: { bytes: 2 }, new: 'Night shift' });
    expect(byKey(messages, 'DESCRIPTION')?.text).toBe('You changed the group description from “42” to “Cash only”');
    const icon = byKey(messages, 'ICON');
    expect(icon?.attachments).toMatchObject([{ mediaType: 'unknown', fileName: 'group-icon-_.bin', size: 5 }]);
    expect(icon?.extra?.['groupPhoto']).toEqual({ newPhotoId: { bytes: 1 }, previousPhotoBytes: 11, newPhotoBytes: 5 });
    expect(byKey(messages, 'BLOCK')?.text).toBe('block status of Ana changed (is_blocked = "yes", not understood)');
    expect(byKey(messages, 'UNBLOCK')?.extra?.['blockContact']).toMatchObject({ isBlocked: 7, blocked: null });
    expect(byKey(messages, 'TIMER')?.text).toBe('Ana changed the disappearing messages setting (duration "forever" not understood)');
    expect(byKey(messages, 'TIMER_OFF')?.text).toBe('You changed the disappearing messages setting (duration -5 not understood)');
    expect(byKey(messages, 'NOT_APPLIED')?.text).toBe('system event (action 999): disappearing messages setting not applied (duration 1e+300 not understood)');
    expect(byKey(messages, 'DEVICES')?.text).toBe('system event (action 997) (devices: ? added, ? removed)');
    expect(byKey(messages, 'BUSINESS')?.text).toBe('this is a business account');
  });
});

const LEGACY = `
${MSGSTORE_LEGACY_EVENT_TABLE}
  ${DETAIL_TABLES}
  INSERT INTO messages (_id, key_remote_jid, key_from_me, key_id, status, data, timestamp, media_wa_type, media_size, remote_resource) VALUES
    (1, '40712345678-1559589144@g.us', 1, 'SUBJECT', 6, 'Night shift', 1559589400000, '0', 1, '40722000111@s.whatsapp.net'),
    (2, '40712345678@s.whatsapp.net', 1, 'BLOCK', 6, NULL, 1559589500000, '0', 58, NULL),
    (3, '40712345678@s.whatsapp.net', 0, 'TEXT', 0, 'hi', 1559589600000, '0', 0, NULL);
  INSERT INTO message_system_value_change VALUES (1, 'Drivers'), (3, 'stray');
  INSERT INTO message_system_block_contact VALUES (2, 1);
`;

describe('system messages: the message_system_* details (legacy layout, keyed on messages._id)', () => {
  it('reads them for event rows, without an actor where the layout records none', async () => {
    const messages = await parse(LEGACY);
    expect(byKey(messages, 'SUBJECT')).toMatchObject({ sender: null, text: 'the group name was changed from “Drivers” to “Night shift”' });
    expect(byKey(messages, 'BLOCK')).toMatchObject({ sender: null, text: 'You blocked Ana' });
    expect(byKey(messages, 'TEXT')).toMatchObject({ kind: 'message', text: 'hi' });
    expect(byKey(messages, 'TEXT')?.extra?.['systemValue']).toBeUndefined();
  });
});

describe('durationLabel', () => {
  it('uses the largest whole unit', () => {
    expect([86_400, 604_800, 7_776_000, 3_600, 5_400, 90].map(durationLabel)).toEqual(['1 day', '7 days', '90 days', '1 hour', '90 minutes', '90 seconds']);
  });
});
