/**
 * The people a message @mentions (`message_mentions`): the message's text holds only "@" and
 * their number (or lid), so without this table a reader sees digits, not who was meant, and
 * cannot find the messages that name someone.
 *
 * [sources: the table as WhatsApp creates it, in several decompiled Android builds: `CREATE TABLE
 * message_mentions (_id INTEGER PRIMARY KEY AUTOINCREMENT, message_row_id INTEGER, jid_row_id
 * INTEGER)` with a UNIQUE index on (message_row_id, jid_row_id); a public write-up of a WhatsApp
 * Android reader ("WhatsApp on Android", Amberkeep) counts 2,575 rows over 2,058 messages on a
 * real 2026 archive, none orphaned, and a newer `display_name` column empty in every row, so the
 * name is taken from the jid as a sender's is.]
 *
 * In a transitional database (both message tables) message_row_id is the legacy `messages._id`
 * [verified schema on the IPED sample: trigger messages_bd_for_message_mentions_trigger deletes a
 * legacy row's mentions by old._id, and no trigger on `message` touches the table], as for the
 * other new side tables there. A `message` row is given them only when `messages` holds a row of
 * the same _id and key id: the same message (message_view maps messages._id to _id). Rows no
 * message read claimed are named in a warning, not dropped unsaid. [source: a decompiled WhatsApp
 * build's migration job "migration_message_mention" reads `SELECT _id, mentioned_jids FROM
 * messages WHERE _id > ?`: the table is filled from the legacy rows, by their _id.]
 *
 * Before that table, a legacy row kept its mentions in its own `mentioned_jids` column (the IPED
 * sample's schema has it, empty). How the list is written is not documented: a value that is jids
 * separated by commas is read as such [belief]; any other is kept as stored, with a note, and a
 * row the table already lists for is read from the table.
 */

import type { Database, SqlValue } from 'sql.js';
import { Lookup, columnsOf, hasRowid, hasTable, integerValue, nonEmptyText, scanRows, selectExpressions } from '../sqlite/index.ts';
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

/** The mention rows of a database, handed to the messages they name, which are remembered. */
export class MentionBook {
  private readonly byMessage: Map<number, MentionRows>;
  private readonly claimed = new Set<number>();
  /** A transitional database: both message tables, the mentions keyed on the legacy one. */
  private readonly transitional: boolean;
  /** There, the key id of the legacy row of a rowid, to tell a message row is that message (null: none can be told). */
  private readonly legacyKeyOf: Lookup | null;

  constructor(db: Database, onError: (message: string) => void) {
    this.byMessage = loadMentions(db, onError);
    // As android-parser.ts tells the layouts: a legacy messages table is one with key_remote_jid.
    this.transitional = hasTable(db, 'messages') && columnsOf(db, 'messages').has('key_remote_jid');
    // The legacy reader reads rows by rowid (its _id): one without rowids is not read, nor matched here.
    const matchable = this.transitional && this.byMessage.size > 0 && hasRowid(db, 'messages') && columnsOf(db, 'messages').has('key_id');
    this.legacyKeyOf = matchable ? new Lookup(db, 'SELECT t.key_id FROM messages AS t WHERE t.rowid = ?', []) : null;
  }

  /** The mentions of a legacy `messages` row (a transitional database keys them on its _id). */
  ofLegacyRow(messagesRowId: number): MentionRows | undefined {
    return this.claim(messagesRowId);
  }

  /** The mentions of a `message` row: by its _id, which in a transitional database must also be its legacy row's. */
  ofMessageRow(messageRowId: number, keyId: string | null): MentionRows | undefined {
    if (!this.byMessage.has(messageRowId)) return undefined;
    if (this.transitional && (keyId === null || this.legacyKeyOf === null || nonEmptyText(this.legacyKeyOf.one(messageRowId)?.['key_id'] ?? null) !== keyId)) return undefined;
    return this.claim(messageRowId);
  }

  /** Mention rows whose message no reader asked for: missing, unreadable, or (transitional) not a legacy row's. */
  unclaimed(): { rows: number; messageRowIds: number[] } {
    const messageRowIds = [...this.byMessage.keys()].filter((id) => !this.claimed.has(id)).sort((a, b) => a - b);
    return { rows: messageRowIds.reduce((sum, id) => sum + (this.byMessage.get(id)?.rows ?? 0), 0), messageRowIds };
  }

  free(): void {
    this.legacyKeyOf?.free();
  }

  private claim(rowId: number): MentionRows | undefined {
    const listed = this.byMessage.get(rowId);
    if (listed !== undefined) this.claimed.add(rowId);
    return listed;
  }
}

function loadMentions(db: Database, onError: (message: string) => void): Map<number, MentionRows> {
  const byMessage = new Map<number, MentionRows>();
  if (!hasTable(db, 'message_mentions')) return byMessage;
  const columns = columnsOf(db, 'message_mentions');
  if (!columns.has('message_row_id') || !columns.has('jid_row_id')) return byMessage;
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

/** A jid as a legacy row names a person: a phone's (or a device's of it), or a lid. */
const PERSON_JID = /^[0-9]{5,20}(?::[0-9]+)?@(?:s\.whatsapp\.net|c\.us|lid)$/u;

/** What a legacy row's mentioned_jids gives: its people, or the value as stored when it is no list of jids. */
export type LegacyMentions = { mentions: WaMention[]; mentionsNote: string | null } | { mentionedJidsAsStored: string };

/** Reads a legacy row's mentioned_jids; null when it is empty. */
export function legacyMentionsOf(value: SqlValue | undefined): LegacyMentions | null {
  const text = typeof value === 'string' ? value.trim() : value === null || value === undefined ? '' : String(value);
  if (text === '') return null;
  const jids = text.split(',').map((part) => part.trim());
  if (!jids.every((jid) => PERSON_JID.test(jid))) return { mentionedJidsAsStored: text };
  const listed = jids.slice(0, MAX_MENTIONS_PER_MESSAGE);
  return {
    mentions: listed.map((jid) => ({ jidRow: null, person: { jid } })),
    mentionsNote: jids.length > listed.length ? `messages.mentioned_jids holds ${jids.length} jids for this message: only the first ${listed.length} are listed` : null,
  };
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
