/**
 * Signal Android's `mention` table: who a message mentions, and where in its body. Read as
 * signalbackup-tools' XML export reads it (`SELECT recipient_id, range_start, range_length FROM
 * mention WHERE message_id = ?`, SignalBackup::handleMms), for rows of `mms` and, later, `message`
 * (an `sms` row has none). The body holds a stand-in where each mention is; the ranges are offsets
 * into the body as Signal, a Java program, counts them (UTF-16 code units, as JavaScript does).
 * The text shown has "@name" in each range; the body as stored is kept beside it.
 */

import type { Database } from 'sql.js';
import { Lookup, columnsOf, hasTable, integerValue, putExtra, selectExpressions } from '../sqlite/index.ts';
import type { RecipientBook } from './recipients.ts';
import { recipientId } from './recipients.ts';

const MAX_MENTIONS = 1000;

export interface Mention {
  recipientId: number | null;
  name: string | null;
  id: string | null;
  rangeStart: number | null;
  rangeLength: number | null;
}

export interface MentionedText {
  text: string;
  mentions: Record<string, unknown>[];
  /** Why the ranges were not applied to the text (out of the body, overlapping), or null. */
  notApplied: string | null;
}

export class MentionReader {
  private readonly lookup: Lookup | null = null;
  readonly unreadable: string | null = null;

  constructor(
    db: Database,
    private readonly book: RecipientBook,
  ) {
    if (!hasTable(db, 'mention')) return;
    const columns = columnsOf(db, 'mention');
    if (!columns.has('message_id')) return;
    const select = selectExpressions(columns, 't', ['recipient_id', 'range_start', 'range_length']).join(', ');
    try {
      this.lookup = new Lookup(db, `SELECT ${select} FROM mention AS t WHERE t.message_id = ? ORDER BY t.rowid`, [{ table: 'mention', columns: ['message_id'] }]);
    } catch (error) {
      this.unreadable = error instanceof Error ? error.message : String(error);
    }
  }

  /** The mentions of message `messageId` and its body with them written in; null when it has none. */
  read(messageId: number | null, body: string): MentionedText | null {
    if (this.lookup === null || messageId === null) return null;
    const mentions: Mention[] = this.lookup.all(messageId, MAX_MENTIONS).map((row) => {
      const id = integerValue(row['recipient_id']);
      const recipient = id === null ? undefined : this.book.recipients.get(id);
      return { recipientId: id, name: recipient?.name ?? null, id: recipient === undefined ? null : recipientId(recipient), rangeStart: integerValue(row['range_start']), rangeLength: integerValue(row['range_length']) };
    });
    if (mentions.length === 0) return null;
    const facts = mentions.map((mention) => {
      const fact: Record<string, unknown> = {};
      putExtra(fact, 'recipientId', mention.recipientId);
      putExtra(fact, 'name', mention.name);
      putExtra(fact, 'id', mention.id);
      putExtra(fact, 'rangeStart', mention.rangeStart);
      putExtra(fact, 'rangeLength', mention.rangeLength);
      return fact;
    });
    const notApplied = rangeProblem(mentions, body.length);
    return { text: notApplied === null ? writeIn(body, mentions) : body, mentions: facts, notApplied };
  }

  free(): void {
    this.lookup?.free();
  }
}

function rangeProblem(mentions: readonly Mention[], length: number): string | null {
  const sorted = [...mentions].sort((a, b) => (a.rangeStart ?? 0) - (b.rangeStart ?? 0));
  let end = 0;
  for (const mention of sorted) {
    const { rangeStart: start, rangeLength: size } = mention;
    if (start === null || size === null || start < 0 || size < 0 || start + size > length) return `a mention's range (${String(start)}, ${String(size)}) does not lie within the body of ${length} characters`;
    if (start < end) return 'two mentions\' ranges overlap';
    end = start + size;
  }
  return null;
}

/** The body with "@name" (or "@" and the id, or the recipient number) in each mention's range, from the last range back. */
function writeIn(body: string, mentions: readonly Mention[]): string {
  let text = body;
  for (const mention of [...mentions].sort((a, b) => (b.rangeStart ?? 0) - (a.rangeStart ?? 0))) {
    const start = mention.rangeStart ?? 0;
    const label = mention.name ?? mention.id ?? `recipient ${String(mention.recipientId)}`;
    text = `${text.slice(0, start)}@${label}${text.slice(start + (mention.rangeLength ?? 0))}`;
  }
  return text;
}
