/**
 * bugle_db's `conversations` with their members from `conversation_participants`. AOSP Messaging's
 * DatabaseHelper defines both: `participant_count` does not count the owner ("1 for 1:1 or bigger
 * for group"), and conversation_participants lists "participants excluding the user". The
 * conversation's `name` is what ALEAPP's googleMessages.py shows as the other participant or
 * conversation name. The columns not read by name (AOSP's snippet and archive status, Google
 * Messages' own) are kept, as a message's are, in the chat's extra.otherColumns.
 */

import type { Database } from 'sql.js';
import type { ParsedChat } from '../../../shared/contracts/parsed-source.ts';
import type { ChatRegistry } from '../sqlite/index.ts';
import { columnsOf, hasTable, integerValue, nonEmptyText, otherColumnValues, otherColumns, scanRows, selectExpressions } from '../sqlite/index.ts';
import type { BugleParticipant } from './participants.ts';
import { asParsedParticipant } from './participants.ts';

const CONVERSATION_COLUMNS = ['_id', 'name', 'participant_count', 'participant_normalized_destination', 'sms_thread_id'];

/** Members listed per conversation at most, so a hostile join table cannot exhaust memory. */
const MAX_MEMBERS = 5000;

interface BugleConversation {
  name: string | null;
  participantCount: number | null;
  otherDestination: string | null;
  smsThreadId: number | null;
  members: number[];
  /** The row's columns not read by name that say something; null when none does. */
  otherColumns: Record<string, unknown> | null;
}

export class BugleConversations {
  private readonly byId = new Map<number, BugleConversation>();

  constructor(
    db: Database,
    private readonly participants: ReadonlyMap<number, BugleParticipant>,
    private readonly registry: ChatRegistry,
    onError: (place: string, message: string) => void,
  ) {
    if (hasTable(db, 'conversations')) {
      const columns = columnsOf(db, 'conversations');
      const others = otherColumns(columns, 't', CONVERSATION_COLUMNS);
      const select = [...selectExpressions(columns, 't', CONVERSATION_COLUMNS), ...others.select];
      for (const row of scanRows(db, { table: 'conversations', select }, (message) => onError('conversations', message))) {
        const id = integerValue(row['_id']);
        if (id === null) continue;
        this.byId.set(id, {
          name: nonEmptyText(row['name']),
          participantCount: integerValue(row['participant_count']),
          otherDestination: nonEmptyText(row['participant_normalized_destination']),
          smsThreadId: integerValue(row['sms_thread_id']),
          members: [],
          otherColumns: otherColumnValues(row, others),
        });
      }
    }
    if (hasTable(db, 'conversation_participants')) {
      const select = selectExpressions(columnsOf(db, 'conversation_participants'), 't', ['conversation_id', 'participant_id']);
      for (const row of scanRows(db, { table: 'conversation_participants', select }, (message) => onError('conversation_participants', message))) {
        const conversation = this.byId.get(integerValue(row['conversation_id']) ?? Number.NaN);
        const member = integerValue(row['participant_id']);
        if (conversation !== undefined && member !== null && conversation.members.length < MAX_MEMBERS) conversation.members.push(member);
      }
    }
  }

  get size(): number {
    return this.byId.size;
  }

  /** The SMS thread of mmssms.db the conversation mirrors (0 or null: none). */
  smsThreadOf(conversationId: number | null): number | null {
    const thread = conversationId === null ? null : (this.byId.get(conversationId)?.smsThreadId ?? null);
    return thread === null || thread <= 0 ? null : thread;
  }

  /** The chat key of a conversation id, announced on first use (null: the unattributed chat). */
  chatKeyFor(conversationId: number | null): string {
    return this.registry.conversationKey(conversationId, (key, id) => this.chatOf(key, id));
  }

  private chatOf(key: string, conversationId: number): ParsedChat {
    const conversation = this.byId.get(conversationId);
    // Messages may outlive their conversation row (a damaged page, a half-deleted conversation).
    if (conversation === undefined) return { key, title: `Google Messages conversation ${conversationId} (not in the conversations table)`, kind: 'unknown' };
    const members = conversation.members
      .map((id) => this.participants.get(id) ?? { id, subId: null, isSelf: null, name: null, destination: `(participant ${id}, not in the participants table)`, displayDestination: null, blocked: false })
      // The table lists the others only; a self row there would be the owner listed as a correspondent.
      .filter((member) => member.isSelf !== true);
    const participants = members.map(asParsedParticipant);
    if (participants.length === 0 && conversation.otherDestination !== null) participants.push({ name: null, id: conversation.otherDestination });
    // participant_count defaults to 0 (AOSP): a count the app left unset does not hide the members listed.
    const others = Math.max(conversation.participantCount ?? 0, participants.length);
    const listed = participants.map((participant) => participant.name ?? participant.id).filter((label): label is string => label !== null && label !== undefined);
    return {
      key,
      title: conversation.name ?? (listed.length > 0 ? listed.join(', ') : `Google Messages conversation ${conversationId}`),
      kind: others > 1 ? 'group' : others === 1 ? 'private' : 'unknown',
      participants,
      ...(conversation.otherColumns === null ? {} : { extra: { otherColumns: conversation.otherColumns } }),
    };
  }
}
