/**
 * Which phone database a SQLite file is, from its table names: for the engine's format detection
 * and for each parser's sniff. Table sets, not file names: seized files are often renamed
 * (backup file ids, "3d0d7e5fb2ce288813306e4d4636395e047a3d28", carved copies).
 */

import { tableNamesFromBytes } from './schema-from-bytes.ts';
import { sniffSqlite } from './sniff-sqlite.ts';

export type SqliteSourceKind = 'android-sms' | 'ios-sms' | 'whatsapp-android' | 'whatsapp-ios' | 'whatsapp-contacts' | 'signal-desktop' | 'google-messages' | 'signal-android';

/**
 * Tables only Signal Desktop creates beside its `conversations` and `messages`: those two names
 * alone are too common (many apps have them), so one of these must be there too. A decrypted copy
 * (sigtop export-database, sqlcipher_export) keeps every table, so they are present in practice.
 */
const SIGNAL_DESKTOP_TABLES = ['identitykeys', 'messages_fts', 'sticker_packs', 'unprocessed', 'sendlogpayloads', 'signedprekeys', 'kyberprekeys'];

/**
 * The tables of Google Messages' bugle_db (as AOSP Messaging's DatabaseHelper creates them):
 * `conversations` and `messages` are common names, but with `parts`, `participants` and
 * `conversation_participants` beside them the set is Bugle's.
 */
const BUGLE_TABLES = ['conversations', 'messages', 'parts', 'participants', 'conversation_participants'];

/**
 * Signal Android's tables (Signal-Android ThreadTable, RecipientTable): `thread` and `recipient`
 * beside its message tables, `sms` and `mms` before database version 174, `message` from it on.
 * Android's own mmssms.db has `threads` (plural) and no `recipient`; Signal Desktop has
 * `conversations` and `messages`.
 */
const SIGNAL_ANDROID_TABLES = ['thread', 'recipient'];
const SIGNAL_ANDROID_MESSAGE_TABLES = ['message', 'sms', 'mms'];

/** Decides from a set of lower-cased table names. */
export function identifyByTables(tables: ReadonlySet<string>): SqliteSourceKind | null {
  const has = (name: string): boolean => tables.has(name);
  // Core Data prefixes every table with Z: ZWAMESSAGE is WhatsApp's and nobody else's.
  if (has('zwamessage')) return 'whatsapp-ios';
  if (has('message') && has('handle') && has('chat_message_join')) return 'ios-sms';
  if ((has('messages') && has('chat_list')) || (has('message') && has('chat') && has('jid'))) return 'whatsapp-android';
  if (has('conversations') && has('messages') && SIGNAL_DESKTOP_TABLES.some(has)) return 'signal-desktop';
  if (BUGLE_TABLES.every(has)) return 'google-messages';
  if (SIGNAL_ANDROID_TABLES.every(has) && SIGNAL_ANDROID_MESSAGE_TABLES.some(has)) return 'signal-android';
  if (has('sms') && (has('threads') || has('pdu') || has('canonical_addresses'))) return 'android-sms';
  if (has('wa_contacts')) return 'whatsapp-contacts';
  return null;
}

/**
 * Identifies a database from its bytes (the whole file, or a head). The rules only ask for tables
 * to be present, so the tables found in a head are enough when they already match; null when the
 * bytes are not SQLite, the schema cannot be read, or no table set fits.
 */
export function identifySqliteSource(bytes: Uint8Array): SqliteSourceKind | null {
  const read = tableNamesFromBytes(bytes);
  return read === null ? null : identifyByTables(read.tables);
}

/**
 * For a parser's sniff: true when `head` is SQLite and its schema says `kind`, or when the head
 * does not hold enough of the schema to tell (then parse() checks the tables and refuses cleanly).
 */
export function sniffSqliteKind(head: Uint8Array, kind: SqliteSourceKind): boolean {
  if (!sniffSqlite(head)) return false;
  const read = tableNamesFromBytes(head);
  if (read === null) return true;
  const found = identifyByTables(read.tables);
  return found === kind || (found === null && !read.complete);
}
