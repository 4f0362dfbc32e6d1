/**
 * Signal Android databases for tests, as signalbackup-tools `--output` writes them: Signal-Android's
 * own tables. OLD_SIGNAL_SCHEMA is a database before version 166 (separate `sms` and `mms`, `part`,
 * the columns SmsDatabase.java, MmsDatabase.java and AttachmentDatabase.java create, a recipient
 * table with `uuid`, `phone`, `system_display_name`, `signal_profile_name`, members in
 * `groups.members`); NEW_SIGNAL_SCHEMA one from version 215 on (one `message` table with
 * `from_recipient_id`/`to_recipient_id` as MessageTable.kt creates it, `attachment`,
 * `group_membership`, `reaction`, `mention`, edit revisions, a recipient table with `aci`, `e164`, `system_joined_name`).
 * Column names by version as signalbackup-tools' setcolumnnames.cc lists them.
 */

export const BASE_MS = 1_700_000_000_000;

/** MessageTypes bits used in the fixtures. */
export const SECURE_PUSH = 0x800000 | 0x200000;
export const INBOX = 20 | SECURE_PUSH;
export const SENT = 23 | SECURE_PUSH;
export const FAILED = 24 | SECURE_PUSH;
export const IDENTITY_UPDATE_INBOX = 20 | 0x200;
export const GROUP_V2_UPDATE_INBOX = 20 | SECURE_PUSH | 0x10000 | 0x80000;
export const INCOMING_VIDEO_CALL = 10;
/** Base type 19: MessageTypes defines none. */
export const UNDEFINED_BASE = 19 | SECURE_PUSH;

export const OLD_SIGNAL_SCHEMA = `
  CREATE TABLE recipient (_id INTEGER PRIMARY KEY AUTOINCREMENT, uuid TEXT UNIQUE DEFAULT NULL, phone TEXT UNIQUE DEFAULT NULL,
    email TEXT UNIQUE DEFAULT NULL, group_id TEXT UNIQUE DEFAULT NULL, group_type INTEGER DEFAULT 0, blocked INTEGER DEFAULT 0,
    system_display_name TEXT DEFAULT NULL, signal_profile_name TEXT DEFAULT NULL, profile_family_name TEXT DEFAULT NULL,
    profile_joined_name TEXT DEFAULT NULL, color TEXT DEFAULT NULL);
  CREATE TABLE thread (_id INTEGER PRIMARY KEY, date INTEGER DEFAULT 0, message_count INTEGER DEFAULT 0, thread_recipient_id INTEGER,
    snippet TEXT, archived INTEGER DEFAULT 0);
  CREATE TABLE groups (_id INTEGER PRIMARY KEY, group_id TEXT, recipient_id INTEGER, title TEXT, members TEXT, avatar_id INTEGER,
    active INTEGER DEFAULT 1, mms INTEGER DEFAULT 0);
  CREATE TABLE sms (_id INTEGER PRIMARY KEY, thread_id INTEGER, address INTEGER, address_device_id INTEGER DEFAULT 1, person INTEGER,
    date INTEGER, date_sent INTEGER, date_server INTEGER DEFAULT -1, protocol INTEGER, read INTEGER DEFAULT 0, status INTEGER DEFAULT -1,
    type INTEGER, reply_path_present INTEGER, delivery_receipt_count INTEGER DEFAULT 0, subject TEXT, body TEXT,
    mismatched_identities TEXT DEFAULT NULL, service_center TEXT, subscription_id INTEGER DEFAULT -1, expires_in INTEGER DEFAULT 0,
    expire_started INTEGER DEFAULT 0, notified DEFAULT 0, read_receipt_count INTEGER DEFAULT 0, unidentified INTEGER DEFAULT 0,
    reactions BLOB DEFAULT NULL, reactions_unread INTEGER DEFAULT 0, reactions_last_seen INTEGER DEFAULT -1, remote_deleted INTEGER DEFAULT 0,
    notified_timestamp INTEGER DEFAULT 0);
  CREATE TABLE mms (_id INTEGER PRIMARY KEY, thread_id INTEGER, date INTEGER, date_received INTEGER, date_server INTEGER DEFAULT -1,
    msg_box INTEGER, read INTEGER DEFAULT 0, body TEXT, part_count INTEGER, ct_l TEXT, address INTEGER, address_device_id INTEGER,
    exp INTEGER, m_type INTEGER, m_size INTEGER, st INTEGER, tr_id TEXT, delivery_receipt_count INTEGER DEFAULT 0,
    mismatched_identities TEXT DEFAULT NULL, network_failures TEXT DEFAULT NULL, subscription_id INTEGER DEFAULT -1,
    expires_in INTEGER DEFAULT 0, expire_started INTEGER DEFAULT 0, notified INTEGER DEFAULT 0, read_receipt_count INTEGER DEFAULT 0,
    quote_id INTEGER DEFAULT 0, quote_author TEXT, quote_body TEXT, quote_attachment INTEGER DEFAULT -1, quote_missing INTEGER DEFAULT 0,
    shared_contacts TEXT, unidentified INTEGER DEFAULT 0, previews TEXT, reveal_duration INTEGER DEFAULT 0, reactions BLOB DEFAULT NULL,
    reactions_unread INTEGER DEFAULT 0, reactions_last_seen INTEGER DEFAULT -1, remote_deleted INTEGER DEFAULT 0);
  CREATE TABLE part (_id INTEGER PRIMARY KEY, mid INTEGER, seq INTEGER DEFAULT 0, ct TEXT, name TEXT, chset INTEGER, cd TEXT, fn TEXT,
    cid TEXT, cl TEXT, ctt_s INTEGER, ctt_t TEXT, encrypted INTEGER, pending_push INTEGER, _data TEXT, data_size INTEGER, file_name TEXT,
    thumbnail TEXT, aspect_ratio REAL, unique_id INTEGER NOT NULL, digest BLOB, fast_preflight_id TEXT, voice_note INTEGER DEFAULT 0,
    data_random BLOB, thumbnail_random BLOB, quote INTEGER DEFAULT 0, width INTEGER DEFAULT 0, height INTEGER DEFAULT 0,
    caption TEXT DEFAULT NULL, sticker_pack_id TEXT DEFAULT NULL, sticker_pack_key DEFAULT NULL, sticker_id INTEGER DEFAULT -1);
  CREATE INDEX sms_thread_id_index ON sms (thread_id);
  CREATE INDEX mms_thread_id_index ON mms (thread_id);
  CREATE INDEX part_mms_id_index ON part (mid);
`;

/**
 * The owner (1), Ana (2, a contact on the phone), Dan (3, a profile name and no number) and the
 * group "Crew" (4, with all three); thread 1 is the chat with Ana, thread 2 the group.
 */
export const OLD_PEOPLE = `
  INSERT INTO recipient (_id, uuid, phone, signal_profile_name, profile_family_name) VALUES (1, 'aaaaaaaa-0000-4000-8000-000000000001', '+15550000001', 'Owner', NULL);
  INSERT INTO recipient (_id, uuid, phone, system_display_name, signal_profile_name) VALUES (2, 'aaaaaaaa-0000-4000-8000-000000000002', '+40700000001', 'Ana Pop', 'Ana');
  INSERT INTO recipient (_id, uuid, phone, signal_profile_name, profile_family_name) VALUES (3, 'aaaaaaaa-0000-4000-8000-000000000003', NULL, 'Dan', 'Brown');
  INSERT INTO recipient (_id, group_id) VALUES (4, '__signal_group__v2__!0011');
  INSERT INTO groups (_id, group_id, recipient_id, title, members) VALUES (1, '__signal_group__v2__!0011', 4, 'Crew', '1,2,3');
  INSERT INTO thread (_id, thread_recipient_id, snippet, archived) VALUES (1, 2, 'see you', 0), (2, 4, 'photo', 1);
`;

export const NEW_SIGNAL_SCHEMA = `
  CREATE TABLE recipient (_id INTEGER PRIMARY KEY AUTOINCREMENT, type INTEGER DEFAULT 0, e164 TEXT UNIQUE DEFAULT NULL,
    aci TEXT UNIQUE DEFAULT NULL, pni TEXT UNIQUE DEFAULT NULL, username TEXT UNIQUE DEFAULT NULL, email TEXT UNIQUE DEFAULT NULL,
    group_id TEXT UNIQUE DEFAULT NULL, blocked INTEGER DEFAULT 0, registered INTEGER DEFAULT 0, profile_given_name TEXT DEFAULT NULL,
    profile_family_name TEXT DEFAULT NULL, profile_joined_name TEXT DEFAULT NULL, system_given_name TEXT DEFAULT NULL,
    system_family_name TEXT DEFAULT NULL, system_joined_name TEXT DEFAULT NULL, system_nickname TEXT DEFAULT NULL);
  CREATE TABLE thread (_id INTEGER PRIMARY KEY AUTOINCREMENT, date INTEGER DEFAULT 0, meaningful_messages INTEGER DEFAULT 0,
    recipient_id INTEGER NOT NULL UNIQUE, read INTEGER DEFAULT 1, snippet TEXT, archived INTEGER DEFAULT 0, pinned INTEGER DEFAULT 0);
  CREATE TABLE groups (_id INTEGER PRIMARY KEY, group_id TEXT, recipient_id INTEGER, title TEXT, avatar_id INTEGER, timestamp INTEGER,
    active INTEGER DEFAULT 1, mms INTEGER DEFAULT 0, master_key BLOB, revision BLOB, decrypted_group BLOB);
  CREATE TABLE group_membership (_id INTEGER PRIMARY KEY, group_id TEXT NOT NULL, recipient_id INTEGER NOT NULL, UNIQUE(group_id, recipient_id));
  CREATE TABLE message (_id INTEGER PRIMARY KEY AUTOINCREMENT, date_sent INTEGER NOT NULL, date_received INTEGER NOT NULL,
    date_server INTEGER DEFAULT -1, thread_id INTEGER NOT NULL, from_recipient_id INTEGER NOT NULL, from_device_id INTEGER,
    to_recipient_id INTEGER NOT NULL, type INTEGER NOT NULL, body TEXT, read INTEGER DEFAULT 0, ct_l TEXT, exp INTEGER, m_type INTEGER,
    m_size INTEGER, st INTEGER, tr_id TEXT, subscription_id INTEGER DEFAULT -1, receipt_timestamp INTEGER DEFAULT -1,
    has_delivery_receipt INTEGER DEFAULT 0, has_read_receipt INTEGER DEFAULT 0, viewed INTEGER DEFAULT 0, mismatched_identities TEXT DEFAULT NULL,
    network_failures TEXT DEFAULT NULL, expires_in INTEGER DEFAULT 0, expire_started INTEGER DEFAULT 0, notified INTEGER DEFAULT 0,
    quote_id INTEGER DEFAULT 0, quote_author INTEGER DEFAULT 0, quote_body TEXT DEFAULT NULL, quote_missing INTEGER DEFAULT 0,
    quote_mentions BLOB DEFAULT NULL, quote_type INTEGER DEFAULT 0, shared_contacts TEXT DEFAULT NULL, unidentified INTEGER DEFAULT 0,
    link_previews TEXT DEFAULT NULL, view_once INTEGER DEFAULT 0, reactions_unread INTEGER DEFAULT 0, reactions_last_seen INTEGER DEFAULT -1,
    remote_deleted INTEGER DEFAULT 0, mentions_self INTEGER DEFAULT 0, notified_timestamp INTEGER DEFAULT 0, server_guid TEXT DEFAULT NULL,
    message_ranges BLOB DEFAULT NULL, story_type INTEGER DEFAULT 0, parent_story_id INTEGER DEFAULT 0, export_state BLOB DEFAULT NULL,
    exported INTEGER DEFAULT 0, scheduled_date INTEGER DEFAULT -1, latest_revision_id INTEGER DEFAULT NULL,
    original_message_id INTEGER DEFAULT NULL, revision_number INTEGER DEFAULT 0);
  CREATE TABLE attachment (_id INTEGER PRIMARY KEY AUTOINCREMENT, message_id INTEGER, content_type TEXT, remote_key TEXT,
    remote_location TEXT, remote_digest BLOB, cdn_number INTEGER DEFAULT 0, transfer_state INTEGER, transfer_file TEXT DEFAULT NULL,
    data_file TEXT, data_size INTEGER, data_random BLOB, file_name TEXT, fast_preflight_id TEXT, voice_note INTEGER DEFAULT 0,
    borderless INTEGER DEFAULT 0, video_gif INTEGER DEFAULT 0, quote INTEGER DEFAULT 0, width INTEGER DEFAULT 0, height INTEGER DEFAULT 0,
    caption TEXT DEFAULT NULL, sticker_pack_id TEXT DEFAULT NULL, sticker_pack_key DEFAULT NULL, sticker_id INTEGER DEFAULT -1,
    sticker_emoji STRING DEFAULT NULL, blur_hash TEXT DEFAULT NULL, display_order INTEGER DEFAULT 0, upload_timestamp INTEGER DEFAULT 0);
  CREATE TABLE reaction (_id INTEGER PRIMARY KEY, message_id INTEGER NOT NULL, author_id INTEGER NOT NULL, emoji TEXT NOT NULL,
    date_sent INTEGER NOT NULL, date_received INTEGER NOT NULL, UNIQUE(message_id, author_id) ON CONFLICT REPLACE);
  CREATE TABLE mention (_id INTEGER PRIMARY KEY, thread_id INTEGER, message_id INTEGER, recipient_id INTEGER, range_start INTEGER,
    range_length INTEGER);
  CREATE TABLE call (_id INTEGER PRIMARY KEY, call_id INTEGER NOT NULL, message_id INTEGER DEFAULT NULL, peer INTEGER DEFAULT NULL,
    type INTEGER NOT NULL, direction INTEGER NOT NULL, event INTEGER NOT NULL, timestamp INTEGER NOT NULL);
  CREATE INDEX mms_thread_date_index ON message (thread_id, date_received);
  CREATE INDEX attachment_message_id_index ON attachment (message_id);
  CREATE INDEX reaction_message_id_index ON reaction (message_id);
`;

export const NEW_PEOPLE = `
  INSERT INTO recipient (_id, aci, e164, profile_given_name, profile_joined_name) VALUES (1, 'aaaaaaaa-0000-4000-8000-000000000001', '+15550000001', 'Owner', 'Owner');
  INSERT INTO recipient (_id, aci, e164, system_joined_name, profile_joined_name) VALUES (2, 'aaaaaaaa-0000-4000-8000-000000000002', '+40700000001', 'Ana Pop', 'Ana');
  INSERT INTO recipient (_id, aci, e164, profile_given_name, profile_family_name, profile_joined_name) VALUES (3, 'aaaaaaaa-0000-4000-8000-000000000003', NULL, 'Dan', 'Brown', 'Dan Brown');
  INSERT INTO recipient (_id, type, group_id) VALUES (4, 3, '__signal_group__v2__!0011');
  INSERT INTO groups (_id, group_id, recipient_id, title) VALUES (1, '__signal_group__v2__!0011', 4, 'Crew');
  INSERT INTO group_membership (group_id, recipient_id) VALUES ('__signal_group__v2__!0011', 1), ('__signal_group__v2__!0011', 2), ('__signal_group__v2__!0011', 3);
  INSERT INTO thread (_id, recipient_id, snippet, pinned) VALUES (1, 2, 'see you', 1), (2, 4, 'photo', 0);
`;
