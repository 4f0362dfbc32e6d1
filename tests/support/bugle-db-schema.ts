/**
 * A bugle_db schema for tests, with the table and column names of AOSP Messaging's
 * DatabaseHelper.java (packages/apps/Messaging) and the two parts columns Google Messages adds
 * that ALEAPP's googleMessages.py reads (file_size_bytes, local_cache_path). The indexes and the
 * parts trigger are AOSP's: the trigger copies the message's received_timestamp into parts.timestamp.
 */

export const BASE_MS = 1_700_000_000_000;

export const BUGLE_SCHEMA = `
  CREATE TABLE conversations (_id INTEGER PRIMARY KEY AUTOINCREMENT, sms_thread_id INT DEFAULT(0), name TEXT, latest_message_id INT,
    snippet_text TEXT, subject_text TEXT, preview_uri TEXT, preview_content_type TEXT, show_draft INT DEFAULT(0), draft_snippet_text TEXT,
    draft_subject_text TEXT, draft_preview_uri TEXT, draft_preview_content_type TEXT, archive_status INT DEFAULT(0), sort_timestamp INT DEFAULT(0),
    last_read_timestamp INT DEFAULT(0), icon TEXT, participant_contact_id INT DEFAULT ( -1), participant_lookup_key TEXT,
    participant_normalized_destination TEXT, current_self_id TEXT, participant_count INT DEFAULT(0), notification_enabled INT DEFAULT(1),
    notification_sound_uri TEXT, notification_vibration INT DEFAULT(1), include_email_addr INT DEFAULT(0), sms_service_center TEXT, IS_ENTERPRISE INT DEFAULT(0));
  CREATE TABLE messages (_id INTEGER PRIMARY KEY AUTOINCREMENT, conversation_id INT, sender_id INT, sent_timestamp INT DEFAULT(0),
    received_timestamp INT DEFAULT(0), message_protocol INT DEFAULT(0), message_status INT DEFAULT(0), seen INT DEFAULT(0), read INT DEFAULT(0),
    sms_message_uri TEXT, sms_priority INT DEFAULT(0), sms_message_size INT DEFAULT(0), mms_subject TEXT, mms_transaction_id TEXT,
    mms_content_location TEXT, mms_expiry INT DEFAULT(0), raw_status INT DEFAULT(0), self_id INT, retry_start_timestamp INT DEFAULT(0),
    mms_reports_info TEXT);
  CREATE TABLE parts (_id INTEGER PRIMARY KEY AUTOINCREMENT, message_id INT, text TEXT, uri TEXT, content_type TEXT, width INT DEFAULT(-1),
    height INT DEFAULT(-1), timestamp INT, conversation_id INT NOT NULL, file_size_bytes INT DEFAULT(-1), local_cache_path TEXT);
  CREATE TABLE participants (_id INTEGER PRIMARY KEY AUTOINCREMENT, sub_id INT DEFAULT(-2), sim_slot_id INT DEFAULT(-1), normalized_destination TEXT,
    send_destination TEXT, display_destination TEXT, full_name TEXT, first_name TEXT, profile_photo_uri TEXT, contact_id INT DEFAULT( -1),
    lookup_key STRING, blocked INT DEFAULT(0), subscription_name TEXT, subscription_color INT DEFAULT(0), contact_destination TEXT,
    UNIQUE (normalized_destination, sub_id) ON CONFLICT FAIL);
  CREATE TABLE conversation_participants (_id INTEGER PRIMARY KEY AUTOINCREMENT, conversation_id INT, participant_id INT,
    UNIQUE (conversation_id, participant_id) ON CONFLICT FAIL);
  CREATE INDEX index_conversations_sms_thread_id ON conversations(sms_thread_id);
  CREATE INDEX index_messages_sort ON messages(conversation_id, message_status, received_timestamp);
  CREATE INDEX index_parts_message_id ON parts(message_id);
  CREATE INDEX index_conversation_participants_conversation_id ON conversation_participants(conversation_id);
  CREATE TRIGGER parts_TRIGGER AFTER INSERT ON parts FOR EACH ROW BEGIN UPDATE parts SET timestamp=
    (SELECT received_timestamp FROM messages WHERE messages._id=NEW.message_id) WHERE parts._id=NEW._id; END;
`;

/**
 * The owner (one SIM, sub_id 1), Ana (a saved contact), Dan (no contact name) and Eva; a 1:1
 * conversation with Ana (mirroring SMS thread 7) and a group "Crew" with all three.
 */
export const PEOPLE_AND_CONVERSATIONS = `
  INSERT INTO participants (_id, sub_id, sim_slot_id, subscription_name) VALUES (1, 1, 0, 'SIM 1');
  INSERT INTO participants (_id, sub_id, normalized_destination, send_destination, display_destination, full_name, first_name) VALUES
    (2, -2, '+40700000001', '0700000001', '0700 000 001', 'Ana Pop', 'Ana'),
    (3, -2, '+40700000002', '0700000002', '0700 000 002', NULL, NULL),
    (4, -2, '+40700000003', '0700000003', '0700 000 003', 'Eva', 'Eva');
  INSERT INTO conversations (_id, sms_thread_id, name, participant_normalized_destination, current_self_id, participant_count) VALUES
    (1, 7, 'Ana Pop', '+40700000001', '1', 1),
    (2, 0, 'Crew', NULL, '1', 3);
  INSERT INTO conversation_participants (conversation_id, participant_id) VALUES (1, 2), (2, 2), (2, 3), (2, 4);
`;

/** A message row and its parts, as Bugle writes them (parts after the message, so the trigger copies its time). */
export function messageSql(row: { id: number; conversation: number | null; sender: number | null; received: number; sent?: number; protocol: number; status: number }, parts: string[] = []): string {
  return `INSERT INTO messages (_id, conversation_id, sender_id, self_id, sent_timestamp, received_timestamp, message_protocol, message_status, seen, read)
      VALUES (${row.id}, ${row.conversation ?? 'NULL'}, ${row.sender ?? 'NULL'}, 1, ${row.sent ?? 0}, ${row.received}, ${row.protocol}, ${row.status}, 1, 1);
    ${parts.join('\n')}`;
}

export function textPartSql(messageId: number, conversationId: number, text: string): string {
  return `INSERT INTO parts (message_id, text, content_type, conversation_id) VALUES (${messageId}, '${text.replaceAll("'", "''")}', 'text/plain', ${conversationId});`;
}
