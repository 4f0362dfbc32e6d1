/**
 * Signal Android's `thread` table: one row per chat, whose recipient is the other person or the
 * group (Signal-Android ThreadTable.kt: `_id`, `recipient_id`). The recipient column was
 * `thread_recipient_id` from database version 108 and `recipient_ids` before it (signalbackup-tools,
 * signalbackup/setcolumnnames.cc). A chat whose recipient is a group is titled by the group's
 * title and lists its members; any other by the person's name or number. The thread's columns not
 * read by name (snippet, counts, archive and pin state…) are kept with the chat (extra.otherColumns).
 */

import type { Database } from 'sql.js';
import type { ParsedChat } from '../../../shared/contracts/parsed-source.ts';
import type { ChatRegistry } from '../sqlite/index.ts';
import { columnsOf, hasTable, integerValue, otherColumnValues, otherColumns, scanRows, selectExpressions } from '../sqlite/index.ts';
import type { RecipientBook } from './recipients.ts';
import { asParticipant, recipientId, recipientRef, unknownRecipient } from './recipients.ts';

const RECIPIENT_COLUMN_NAMES = ['recipient_id', 'thread_recipient_id', 'recipient_ids'];

interface SignalThread {
  recipientId: number | null;
  /** The recipient column when it is not a recipient id (`recipient_ids` before version 108 held addresses). */
  recipientText: string | null;
  otherColumns: Record<string, unknown> | null;
}

export class SignalThreads {
  private readonly byId = new Map<number, SignalThread>();

  constructor(
    db: Database,
    private readonly book: RecipientBook,
    private readonly registry: ChatRegistry,
    onError: (message: string) => void,
  ) {
    if (!hasTable(db, 'thread')) return;
    const columns = columnsOf(db, 'thread');
    const recipientColumn = RECIPIENT_COLUMN_NAMES.find((name) => columns.has(name)) ?? 'recipient_id';
    const read = ['_id', recipientColumn];
    const others = otherColumns(columns, 't', read);
    const select = [...selectExpressions(columns, 't', read), ...others.select];
    for (const row of scanRows(db, { table: 'thread', select }, onError)) {
      const id = integerValue(row['_id']);
      if (id === null) continue;
      const reference = recipientRef(row[recipientColumn]);
      this.byId.set(id, { recipientId: reference.id, recipientText: reference.address, otherColumns: otherColumnValues(row, others) });
    }
  }

  get size(): number {
    return this.byId.size;
  }

  /** The thread's recipient id (the other person, or the group's recipient row). */
  recipientOf(threadId: number | null): number | null {
    return threadId === null ? null : (this.byId.get(threadId)?.recipientId ?? null);
  }

  /** The chat key of a thread id, announced on first use (null: the unattributed chat). */
  chatKeyFor(threadId: number | null): string {
    return this.registry.conversationKey(threadId, (key, id) => this.chatOf(key, id));
  }

  private chatOf(key: string, threadId: number): ParsedChat {
    const thread = this.byId.get(threadId);
    if (thread === undefined) return { key, title: `Signal chat ${threadId} (not in the thread table)`, kind: 'unknown' };
    const extra = thread.otherColumns === null ? {} : { extra: { otherColumns: thread.otherColumns } };
    const recipientRowId = thread.recipientId;
    if (recipientRowId === null) {
      const text = thread.recipientText;
      return text === null ? { key, title: `Signal chat ${threadId}`, kind: 'unknown', ...extra } : { key, title: text, kind: 'unknown', participants: [{ name: null, id: text }], ...extra };
    }
    const group = this.book.groupsByRecipient.get(recipientRowId);
    const recipient = this.book.recipients.get(recipientRowId);
    if (group !== undefined || (recipient !== undefined && recipient.groupId !== null)) {
      const members = (group?.members ?? []).map((member) => asParticipant(this.book.recipients.get(member) ?? unknownRecipient(member)));
      return { key, title: group?.title ?? recipient?.name ?? `Signal group ${group?.groupId ?? recipient?.groupId ?? threadId}`, kind: 'group', participants: members, ...extra };
    }
    if (recipient === undefined) return { key, title: `Signal chat ${threadId} (recipient ${recipientRowId} not in the recipient table)`, kind: 'private', ...extra };
    return { key, title: recipient.name ?? recipientId(recipient) ?? `Signal chat ${threadId}`, kind: 'private', participants: [asParticipant(recipient)], ...extra };
  }
}
