/**
 * The smallest msgstore.db tables the tests build on: the new schema's jid/chat/message (most
 * tests), with message_system for group and system events, and the legacy messages table with
 * the event columns, and finding the message a row became.
 */

import type { ParsedMessage } from '../../shared/contracts/parsed-source.ts';

/** The new layout's jid, chat and message tables with the columns most tests need: tests add their rows and other tables. */
export const MSGSTORE_CORE_TABLES = `
  CREATE TABLE jid (_id INTEGER PRIMARY KEY AUTOINCREMENT, user TEXT NOT NULL, server TEXT NOT NULL, raw_string TEXT);
  CREATE TABLE chat (_id INTEGER PRIMARY KEY AUTOINCREMENT, jid_row_id INTEGER UNIQUE, subject TEXT);
  CREATE TABLE message (_id INTEGER PRIMARY KEY AUTOINCREMENT, chat_row_id INTEGER NOT NULL, from_me INTEGER NOT NULL, key_id TEXT NOT NULL,
    sender_jid_row_id INTEGER, status INTEGER, timestamp INTEGER, message_type INTEGER, text_data TEXT);
`;

export const MSGSTORE_EVENT_TABLES = `
  CREATE TABLE jid (_id INTEGER PRIMARY KEY AUTOINCREMENT, user TEXT NOT NULL, server TEXT NOT NULL, agent INTEGER, device INTEGER, type INTEGER, raw_string TEXT);
  CREATE TABLE chat (_id INTEGER PRIMARY KEY AUTOINCREMENT, jid_row_id INTEGER UNIQUE, subject TEXT);
  CREATE TABLE message (_id INTEGER PRIMARY KEY AUTOINCREMENT, chat_row_id INTEGER NOT NULL, from_me INTEGER NOT NULL, key_id TEXT NOT NULL,
    sender_jid_row_id INTEGER, status INTEGER, timestamp INTEGER, message_type INTEGER, text_data TEXT);
  CREATE TABLE message_system (message_row_id INTEGER PRIMARY KEY, action_type INTEGER NOT NULL);
`;

export const MSGSTORE_LEGACY_EVENT_TABLE = `
  CREATE TABLE messages (_id INTEGER PRIMARY KEY AUTOINCREMENT, key_remote_jid TEXT NOT NULL, key_from_me INTEGER, key_id TEXT NOT NULL,
    status INTEGER, data TEXT, timestamp INTEGER, media_wa_type TEXT, media_size INTEGER, remote_resource TEXT);
`;

/** The parsed message a WhatsApp database row with this key_id became (the parser keeps it in extra.keyId). */
export function byKey(messages: readonly ParsedMessage[], keyId: string): ParsedMessage {
  const found = messages.find((message) => message.extra?.['keyId'] === keyId);
  if (found === undefined) throw new Error(`no message with key_id ${keyId}`);
  return found;
}
