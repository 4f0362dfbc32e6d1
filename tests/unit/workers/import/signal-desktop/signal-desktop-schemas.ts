/**
 * Two Signal Desktop schemas written from the app's public migrations (ts/sql/migrations), no
 * sample being available: an older one (2019-2020: senders by phone number in `source`, no
 * `type`/`body` columns on the oldest rows' reading path, group members in `members`) and a newer
 * one (2023 on: `sourceServiceId`, `serviceId`, `received_at` as a counter beside
 * `received_at_ms`, group members in `json.membersV2`).
 */

/** Signal Desktop creates these beside conversations and messages; identification needs one. */
const SIGNAL_SIDE_TABLES = `
  CREATE TABLE identityKeys (id STRING PRIMARY KEY ASC, json TEXT);
  CREATE TABLE sticker_packs (id TEXT PRIMARY KEY, key TEXT NOT NULL);
  CREATE TABLE items (id STRING PRIMARY KEY ASC, json TEXT);
`;

/** The oldest layout read: no type or body column, so everything but the sender comes from json. */
export const OLD_SCHEMA = `${SIGNAL_SIDE_TABLES}
  CREATE TABLE messages (id STRING PRIMARY KEY ASC, json TEXT, unread INTEGER, expires_at INTEGER, sent_at INTEGER,
    schemaVersion INTEGER, conversationId STRING, received_at INTEGER, source STRING, sourceDevice STRING,
    hasAttachments INTEGER, hasFileAttachments INTEGER, hasVisualMediaAttachments INTEGER);
  CREATE TABLE conversations (id STRING PRIMARY KEY ASC, json TEXT, active_at INTEGER, type STRING, members TEXT,
    name TEXT, profileName TEXT);
`;

export const NEW_SCHEMA = `${SIGNAL_SIDE_TABLES}
  CREATE TABLE messages (rowid INTEGER PRIMARY KEY ASC, id STRING UNIQUE, json TEXT, readStatus INTEGER, expires_at INTEGER,
    sent_at INTEGER, schemaVersion INTEGER, conversationId STRING, received_at INTEGER, source STRING, hasAttachments INTEGER,
    hasFileAttachments INTEGER, hasVisualMediaAttachments INTEGER, expireTimer INTEGER, type STRING, body TEXT,
    isErased INTEGER, isViewOnce INTEGER, sourceServiceId TEXT, serverGuid STRING, sourceDevice INTEGER,
    storyId STRING, isStory INTEGER, received_at_ms INTEGER);
  CREATE TABLE conversations (id STRING PRIMARY KEY ASC, json TEXT, active_at INTEGER, type STRING, members TEXT,
    name TEXT, profileName TEXT, profileFamilyName TEXT, profileFullName TEXT, e164 TEXT, serviceId TEXT, groupId TEXT,
    profileLastFetchedAt INTEGER);
  PRAGMA user_version = 1200;
`;

/** SQL string literal of a value as JSON. */
export function json(value: unknown): string {
  return `'${JSON.stringify(value).replace(/'/gu, "''")}'`;
}

/** 2020-01-01T12:00:00Z: sent_at values are offsets from it, in ms. */
export const BASE_MS = Date.UTC(2020, 0, 1, 12);

/** Ana's service id: the one private conversation the attachment tests use ('c-ana'). */
export const ANA = 'aaaaaaaa-0000-4000-8000-000000000001';

export const ANA_CONVERSATION = `
  INSERT INTO conversations (id, json, type, name, profileName, profileFamilyName, profileFullName, e164, serviceId, groupId) VALUES
    ('c-ana', ${json({ id: 'c-ana', type: 'private' })}, 'private', NULL, 'Ana', NULL, 'Ana', '+40700000001', '${ANA}', NULL);
`;

/** message_attachments (schema 1360 on) with the columns of attachments encrypted at rest (localKey, version). */
export const MESSAGE_ATTACHMENTS_WITH_KEYS = `
  CREATE TABLE message_attachments (messageId TEXT NOT NULL, editHistoryIndex INTEGER NOT NULL, attachmentType TEXT NOT NULL,
    orderInMessage INTEGER NOT NULL, conversationId TEXT NOT NULL, sentAt INTEGER NOT NULL, size INTEGER NOT NULL,
    contentType TEXT NOT NULL, path TEXT, fileName TEXT, flags INTEGER, localKey TEXT, version INTEGER,
    PRIMARY KEY (messageId, editHistoryIndex, attachmentType, orderInMessage));
`;
