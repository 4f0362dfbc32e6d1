/**
 * Signal Android's `reaction` table (Signal-Android ReactionDatabase.kt, later ReactionTable.kt):
 * one row per emoji a person put on a message, with `message_id`, `author_id` (a recipient),
 * `emoji`, `date_sent` and `date_received`. While `sms` and `mms` were separate tables an
 * `is_mms` column said which one `message_id` is in. Older versions kept reactions as an encoded
 * blob in the message row's own `reactions` column instead; that column is kept as it is stored
 * (extra.otherColumns), not decoded.
 */

import type { Database } from 'sql.js';
import type { Row } from '../sqlite/index.ts';
import { Lookup, columnsOf, hasTable, integerValue, isoOrNull, nonEmptyText, putExtra, selectExpressions, unixTime } from '../sqlite/index.ts';
import type { RecipientBook } from './recipients.ts';
import { recipientId } from './recipients.ts';

const MAX_REACTIONS = 1000;

export class ReactionReader {
  private readonly lookups = new Map<'sms' | 'mms' | 'any', Lookup>();
  readonly unreadable: string | null = null;

  constructor(
    db: Database,
    private readonly book: RecipientBook,
  ) {
    if (!hasTable(db, 'reaction')) return;
    const columns = columnsOf(db, 'reaction');
    if (!columns.has('message_id')) return;
    const select = selectExpressions(columns, 't', ['author_id', 'emoji', { name: 'date_sent', asText: true }, { name: 'date_received', asText: true }]).join(', ');
    const sql = (filter: string): string => `SELECT ${select} FROM reaction AS t WHERE t.message_id = ?${filter} ORDER BY t.rowid`;
    const index = [{ table: 'reaction', columns: ['message_id'] }];
    try {
      if (columns.has('is_mms')) {
        this.lookups.set('sms', new Lookup(db, sql(' AND t.is_mms = 0'), index));
        this.lookups.set('mms', new Lookup(db, sql(' AND t.is_mms = 1'), index));
      } else this.lookups.set('any', new Lookup(db, sql(''), index));
    } catch (error) {
      this.unreadable = error instanceof Error ? error.message : String(error);
    }
  }

  /** The reactions on message `messageId` of `table` ('sms' or 'mms' while both exist, 'message' after). */
  read(table: string, messageId: number | null): Record<string, unknown>[] {
    if (messageId === null) return [];
    const lookup = this.lookups.get('any') ?? this.lookups.get(table === 'sms' ? 'sms' : 'mms');
    if (lookup === undefined) return [];
    return lookup.all(messageId, MAX_REACTIONS).map((row) => this.reactionOf(row));
  }

  private reactionOf(row: Row): Record<string, unknown> {
    const reaction: Record<string, unknown> = {};
    putExtra(reaction, 'emoji', nonEmptyText(row['emoji']));
    const authorId = integerValue(row['author_id']);
    const author = authorId === null ? undefined : this.book.recipients.get(authorId);
    putExtra(reaction, 'authorRecipientId', authorId);
    putExtra(reaction, 'author', author?.name ?? null);
    putExtra(reaction, 'authorId', author === undefined ? null : recipientId(author));
    putExtra(reaction, 'sentAt', isoOrNull(unixTime(row['date_sent'], row['date_sent__text'])));
    putExtra(reaction, 'receivedAt', isoOrNull(unixTime(row['date_received'], row['date_received__text'])));
    return reaction;
  }

  free(): void {
    for (const lookup of this.lookups.values()) lookup.free();
  }
}
