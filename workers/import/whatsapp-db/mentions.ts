/**
 * The people a message @mentions (new layout `message_mentions`): the message's text holds only
 * "@" and their number (or lid), so without this table a reader sees digits, not who was meant,
 * and cannot find the messages that name someone.
 *
 * [sources: the table as WhatsApp creates it, in several decompiled Android builds: `CREATE TABLE
 * message_mentions (_id INTEGER PRIMARY KEY AUTOINCREMENT, message_row_id INTEGER, jid_row_id
 * INTEGER)` with a UNIQUE index on (message_row_id, jid_row_id); a public write-up of a WhatsApp
 * Android reader ("WhatsApp on Android", Amberkeep) counts 2,575 rows over 2,058 messages on a
 * real 2026 archive, none orphaned, and a newer `display_name` column empty in every row, so the
 * name is taken from the jid as a sender's is. Read for the new layout only: which table
 * message_row_id answers in a transitional database is not documented.]
 */

import type { Database } from 'sql.js';
import { columnsOf, hasTable, integerValue, rowCount, scanRows, selectExpressions } from '../sqlite/index.ts';
import type { ContactBook } from './contacts.ts';
import { phoneFromJid } from './jids.ts';
import type { JidBook, ResolvedJid } from './jids.ts';

/** People listed per message: a group mention can name every member (up to 1024), a hostile table no more. */
export const MAX_MENTIONS_PER_MESSAGE = 5000;

/** A person mentioned: the jid row, and what it resolved to (null when it is not in the jid table). */
export interface WaMention {
  jidRow: number | null;
  person: ResolvedJid | null;
}

/**
 * The jid rows each message mentions, by message row, in the table's stored order; `rows` counts
 * every row of a message, so one holding more than the cap says how many were not listed.
 */
export interface MentionRows {
  jidRows: (number | null)[];
  rows: number;
}

export function loadMentions(db: Database, onError: (message: string) => void): Map<number, MentionRows> {
  const byMessage = new Map<number, MentionRows>();
  if (!hasTable(db, 'message_mentions')) return byMessage;
  const columns = columnsOf(db, 'message_mentions');
  if (!columns.has('message_row_id') || !columns.has('jid_row_id')) return byMessage;
  if (hasTable(db, 'messages')) {
    // A transitional database: its rows might answer either message table; none is guessed.
    const rows = rowCount(db, 'message_mentions') ?? 0;
    if (rows > 0) onError(`message_mentions: ${rows} row(s) not read: the database holds both message tables (transitional), and which one message_row_id answers is not documented`);
    return byMessage;
  }
  const scan = { table: 'message_mentions', select: selectExpressions(columns, 't', ['message_row_id', 'jid_row_id']) };
  for (const row of scanRows(db, scan, (message) => onError(`message_mentions: ${message}`))) {
    const message = integerValue(row['message_row_id']);
    if (message === null) continue;
    const listed = byMessage.get(message) ?? { jidRows: [], rows: 0 };
    listed.rows += 1;
    if (listed.jidRows.length < MAX_MENTIONS_PER_MESSAGE) listed.jidRows.push(integerValue(row['jid_row_id']));
    byMessage.set(message, listed);
  }
  return byMessage;
}

/** Shared by every message that mentions no one: nothing is allocated for them. */
const NO_MENTIONS: readonly WaMention[] = [];

/** The mentions of one message, resolved as senders are (a lid to its phone jid where mapped). */
export function mentionsOf(listed: MentionRows | undefined, jids: JidBook): readonly WaMention[] {
  return listed === undefined ? NO_MENTIONS : listed.jidRows.map((jidRow) => ({ jidRow, person: jids.resolve(jidRow) }));
}

/** Said in extra.mentionsNote when a message holds more rows than are listed; null otherwise. */
export function mentionsNotListedNote(listed: MentionRows | undefined): string | null {
  if (listed === undefined || listed.rows <= listed.jidRows.length) return null;
  return `message_mentions holds ${listed.rows} rows for this message: only the first ${listed.jidRows.length} are listed`;
}

/** A mention as kept in extra.mentions: named as senders are; a jid row not in the jid table is said. */
export function mentionFacts(mention: WaMention, contacts: ContactBook): Record<string, unknown> {
  const jid = mention.person?.jid ?? null;
  if (jid === null) return { name: null, id: null, note: `jid row ${mention.jidRow ?? 'NULL'} is not in the jid table` };
  return { name: contacts.labelOf(jid), id: phoneFromJid(jid) ?? jid, ...(mention.person?.lid === undefined ? {} : { lid: mention.person.lid }) };
}
