import { createHash } from 'node:crypto';
import { buildDatabase } from '../sqlite-parser-harness.ts';
import { SEED_WORD } from './seeds.ts';

/**
 * The three phone databases the corpus damages, built with sql.js (no committed binaries), and
 * the damage itself: garbage pages behind a good header, a file cut in half, an impossible page
 * size, and encrypted-looking bytes. Bodies may carry hostile text as SQL expressions.
 */

/** Rows enough to span many pages, so cutting the file in half really loses a b-tree's pages. */
const FILLER_ROWS = 400;

/** SQL text literals are fine for plain words; hostile text comes as an expression (CAST(X'..' AS TEXT)). */
export function sqlText(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** Bytes as a TEXT value exactly as given (invalid UTF-8 and lone surrogates survive). */
export function sqlRawText(bytes: Uint8Array): string {
  return `CAST(X'${Buffer.from(bytes).toString('hex')}' AS TEXT)`;
}

function fillerValues(render: (index: number) => string): string {
  return Array.from({ length: FILLER_ROWS }, (_, index) => render(index)).join(',\n');
}

/** Android mmssms.db; `bodies` are SQL expressions, after a first body holding SEED_WORD. */
export function mmssmsDb(bodies: string[] = []): Promise<Uint8Array> {
  const all = [sqlText(`hello ${SEED_WORD}`), ...bodies];
  return buildDatabase(`
    CREATE TABLE sms (_id INTEGER PRIMARY KEY AUTOINCREMENT, thread_id INTEGER, address TEXT, date INTEGER, date_sent INTEGER DEFAULT 0, read INTEGER DEFAULT 0, type INTEGER, body TEXT);
    CREATE TABLE threads (_id INTEGER PRIMARY KEY AUTOINCREMENT, date INTEGER DEFAULT 0, message_count INTEGER DEFAULT 0, recipient_ids TEXT);
    CREATE TABLE canonical_addresses (_id INTEGER PRIMARY KEY AUTOINCREMENT, address TEXT);
    INSERT INTO canonical_addresses VALUES (1, '+41790000001');
    INSERT INTO threads (_id, recipient_ids) VALUES (1, '1');
    INSERT INTO sms (thread_id, address, date, type, body) VALUES ${all.map((body, index) => `(1, '+41790000001', ${1617873247692 + index * 1000}, 1, ${body})`).join(', ')};
    INSERT INTO sms (thread_id, address, date, type, body) VALUES ${fillerValues((index) => `(1, '+41790000001', ${1617900000000 + index * 1000}, 2, 'filler message number ${index} to fill pages')`)};
  `);
}

/** iOS sms.db. */
export function iosSmsDb(bodies: string[] = []): Promise<Uint8Array> {
  const all = [sqlText(`hello ${SEED_WORD}`), ...bodies];
  const rows = [...all, ...Array.from({ length: FILLER_ROWS }, (_, index) => sqlText(`filler message number ${index} to fill pages`))];
  return buildDatabase(`
    CREATE TABLE message (ROWID INTEGER PRIMARY KEY AUTOINCREMENT, guid TEXT UNIQUE NOT NULL, text TEXT, handle_id INTEGER DEFAULT 0, service TEXT, date INTEGER, is_from_me INTEGER DEFAULT 0);
    CREATE TABLE handle (ROWID INTEGER PRIMARY KEY AUTOINCREMENT UNIQUE, id TEXT NOT NULL, service TEXT NOT NULL);
    CREATE TABLE chat (ROWID INTEGER PRIMARY KEY AUTOINCREMENT, guid TEXT UNIQUE NOT NULL, style INTEGER, chat_identifier TEXT, service_name TEXT, display_name TEXT);
    CREATE TABLE chat_message_join (chat_id INTEGER, message_id INTEGER, message_date INTEGER DEFAULT 0, PRIMARY KEY (chat_id, message_id));
    CREATE TABLE chat_handle_join (chat_id INTEGER, handle_id INTEGER);
    INSERT INTO handle VALUES (1, '+15551230001', 'iMessage');
    INSERT INTO chat VALUES (1, 'iMessage;-;+15551230001', 45, '+15551230001', 'iMessage', NULL);
    INSERT INTO chat_handle_join VALUES (1, 1);
    INSERT INTO message (ROWID, guid, text, handle_id, service, date) VALUES ${rows.map((body, index) => `(${index + 1}, 'G${index + 1}', ${body}, 1, 'iMessage', ${599079037641931008 + index * 1_000_000_000})`).join(', ')};
    INSERT INTO chat_message_join (chat_id, message_id) SELECT 1, ROWID FROM message;
  `);
}

/** WhatsApp Android msgstore.db (legacy schema). */
export function msgstoreDb(bodies: string[] = []): Promise<Uint8Array> {
  const all = [sqlText(`hello ${SEED_WORD}`), ...bodies];
  const rows = [...all, ...Array.from({ length: FILLER_ROWS }, (_, index) => sqlText(`filler message number ${index} to fill pages`))];
  return buildDatabase(`
    CREATE TABLE messages (_id INTEGER PRIMARY KEY AUTOINCREMENT, key_remote_jid TEXT NOT NULL, key_from_me INTEGER, key_id TEXT NOT NULL,
      status INTEGER, data TEXT, timestamp INTEGER, media_wa_type TEXT, media_size INTEGER, remote_resource TEXT);
    CREATE TABLE chat_list (_id INTEGER PRIMARY KEY AUTOINCREMENT, key_remote_jid TEXT UNIQUE, subject TEXT);
    INSERT INTO chat_list (key_remote_jid, subject) VALUES ('4915100000001@s.whatsapp.net', NULL);
    INSERT INTO messages (key_remote_jid, key_from_me, key_id, status, data, timestamp, media_wa_type, media_size) VALUES
      ${rows.map((body, index) => `('4915100000001@s.whatsapp.net', ${index % 2}, 'K${index}', 0, ${body}, ${1623696954096 + index * 1000}, '0', 0)`).join(',\n')};
  `);
}

/** Deterministic bytes that look random (SHA-256 in counter mode): encrypted files, garbage pages. */
export function pseudoRandomBytes(size: number, seed: string): Buffer {
  const out = Buffer.alloc(size);
  for (let offset = 0, counter = 0; offset < size; offset += 32, counter += 1) {
    createHash('sha256').update(`${seed}:${counter}`).digest().copy(out, offset);
  }
  return out;
}

const SQLITE_HEADER_BYTES = 100;

/** The 100-byte header intact (it still says "SQLite format 3" and its page size); every page after it garbage. */
export function garbagePages(database: Uint8Array): Buffer {
  const damaged = pseudoRandomBytes(database.byteLength, 'garbage-pages');
  Buffer.from(database).copy(damaged, 0, 0, SQLITE_HEADER_BYTES);
  return damaged;
}

/** The first half of the file, as a copy interrupted half way leaves it. */
export function truncatedHalf(database: Uint8Array): Buffer {
  return Buffer.from(database.subarray(0, Math.floor(database.byteLength / 2)));
}

/** The page-size field (offset 16) set to 777, which is not a power of two. */
export function invalidPageSize(database: Uint8Array): Buffer {
  const damaged = Buffer.from(database);
  damaged.writeUInt16BE(777, 16);
  return damaged;
}

/**
 * A WhatsApp .crypt14 backup as found on a phone: a short header then ciphertext. Only the look
 * matters here (no key, no real cipher), so it is a protobuf-like prefix and random bytes.
 */
export function crypt14Like(): Buffer {
  return Buffer.concat([Buffer.from([0x00, 0x01, 0x0a, 0x20]), pseudoRandomBytes(96 * 1024, 'crypt14')]);
}

/** SQLCipher encrypts every page including the first, so the file has no SQLite magic: it is random bytes. */
export function sqlcipherLike(): Buffer {
  return pseudoRandomBytes(64 * 1024, 'sqlcipher');
}
