/**
 * Conversations and people of an iOS sms.db: `handle` (a phone number or e-mail address per
 * service), `chat` (guid "SMS;-;+1209…" for 1:1, "iMessage;+;chat…" for groups), and the join
 * tables linking chats to handles and messages. All of these are small next to `message`.
 */

import type { Database } from 'sql.js';
import type { ParsedChat } from '../../../shared/contracts/parsed-source.ts';
import type { ChatRegistry, ColumnRequest, DecodedTime, Row } from '../sqlite/index.ts';
import { UNATTRIBUTED_CHAT_KEY, appleTime, columnsOf, hasTable, integerValue, nonEmptyText, rowidOf, scanRows, selectExpressions, unattributedChat } from '../sqlite/index.ts';
import { membersTitle } from '../members-title.ts';

/**
 * The chats one message is listed in that are kept; a real message is in one, rarely two. Past
 * this (a hostile or broken join table) the rest are counted, not listed.
 */
export const MAX_CHATS_PER_MESSAGE = 100;

/** `chat.style` values. */
const STYLE_GROUP = 43;
const STYLE_ONE_TO_ONE = 45;

interface ChatRow {
  guid: string;
  /** display_name: the name someone gave the chat. */
  name: string | null;
  /** chat_identifier: the other person's number or address, or a group's internal id ("chat123…"). */
  identifier: string | null;
  style: number | null;
  service: string | null;
}

export class IosChats {
  readonly handles = new Map<number, string>();
  private readonly chats = new Map<number, ChatRow>();
  /** Every member of each chat, once each, in the join table's order (a group may have hundreds). */
  private readonly members = new Map<number, Set<number>>();
  private readonly chatOfMessage = new Map<number, number[]>();
  /** Chats a message is joined to past MAX_CHATS_PER_MESSAGE, by message. */
  private readonly chatsNotListed = new Map<number, number>();
  /**
   * iOS 16+ "Recently Deleted": the row stays in `message`, but its chat_message_join row is
   * replaced by one in chat_recoverable_message_join (with delete_date). Without this the message
   * would leave its chat and read as not deleted.
   */
  private readonly recoverable = new Map<number, { chatId: number; deletedAt: DecodedTime }>();

  constructor(
    db: Database,
    private readonly registry: ChatRegistry,
    onError: (message: string) => void,
  ) {
    for (const row of read(db, 'handle', ['id'], onError)) {
      const id = nonEmptyText(row['id']);
      if (id !== null) this.handles.set(rowidOf(row), id);
    }
    for (const row of read(db, 'chat', ['guid', 'style', 'chat_identifier', 'display_name', 'service_name'], onError)) {
      this.chats.set(rowidOf(row), {
        guid: nonEmptyText(row['guid']) ?? `rowid ${rowidOf(row)}`,
        name: nonEmptyText(row['display_name']),
        identifier: nonEmptyText(row['chat_identifier']),
        style: integerValue(row['style']),
        service: nonEmptyText(row['service_name']),
      });
    }
    for (const row of read(db, 'chat_handle_join', ['chat_id', 'handle_id'], onError)) {
      addMember(this.members, integerValue(row['chat_id']), integerValue(row['handle_id']));
    }
    for (const row of read(db, 'chat_message_join', ['chat_id', 'message_id'], onError)) {
      this.addChatOfMessage(integerValue(row['message_id']), integerValue(row['chat_id']));
    }
    for (const row of read(db, 'chat_recoverable_message_join', ['chat_id', 'message_id', { name: 'delete_date', asText: true }], onError)) {
      const messageId = integerValue(row['message_id']);
      const chatId = integerValue(row['chat_id']);
      if (messageId !== null && chatId !== null && !this.recoverable.has(messageId)) {
        this.recoverable.set(messageId, { chatId, deletedAt: appleTime(row['delete_date'], row['delete_date__text']) });
      }
    }
  }

  get recentlyDeletedCount(): number {
    return this.recoverable.size;
  }

  get chatCount(): number {
    return this.chats.size;
  }

  /**
   * The chat key of a message (announced on first use), the other chats it is joined to, if any,
   * how many more it is joined to than are listed, and when it went to Recently Deleted (null when
   * it did not).
   */
  chatKeyFor(messageId: number, handleId: number | null): { key: string; alsoIn: string[]; alsoInNotListed: number; recentlyDeleted: DecodedTime | null } {
    const recoverable = this.recoverable.get(messageId);
    const recentlyDeleted = recoverable?.deletedAt ?? null;
    const chatIds = this.chatOfMessage.get(messageId) ?? (recoverable === undefined ? [] : [recoverable.chatId]);
    const keys = chatIds.map((chatId) => this.ensureChat(chatId));
    const [first, ...rest] = keys;
    if (first !== undefined) return { key: first, alsoIn: rest, alsoInNotListed: this.chatsNotListed.get(messageId) ?? 0, recentlyDeleted };
    // Not joined to any chat (a damaged join table, or a message being deleted): group by person.
    const handle = handleId === null ? undefined : this.handles.get(handleId);
    if (handle === undefined) {
      this.registry.ensure(UNATTRIBUTED_CHAT_KEY, unattributedChat);
      return { key: UNATTRIBUTED_CHAT_KEY, alsoIn: [], alsoInNotListed: 0, recentlyDeleted };
    }
    const key = `handle:${handle}`;
    this.registry.ensure(key, () => ({ key, title: handle, kind: 'private', participants: [{ name: null, id: handle }] }));
    return { key, alsoIn: [], alsoInNotListed: 0, recentlyDeleted };
  }

  private addChatOfMessage(messageId: number | null, chatId: number | null): void {
    if (messageId === null || chatId === null) return;
    const list = this.chatOfMessage.get(messageId);
    if (list === undefined) this.chatOfMessage.set(messageId, [chatId]);
    else if (list.includes(chatId)) return;
    else if (list.length < MAX_CHATS_PER_MESSAGE) list.push(chatId);
    else this.chatsNotListed.set(messageId, (this.chatsNotListed.get(messageId) ?? 0) + 1);
  }

  private ensureChat(chatId: number): string {
    const chat = this.chats.get(chatId);
    const key = chat === undefined ? `chat-rowid:${chatId}` : `chat:${chat.guid}`;
    this.registry.ensure(key, () => this.describe(key, chatId, chat));
    return key;
  }

  private describe(key: string, chatId: number, chat: ChatRow | undefined): ParsedChat {
    const people = [...(this.members.get(chatId) ?? [])].map((handleId) => this.handles.get(handleId) ?? `handle ${handleId}`);
    const kind = chat?.style === STYLE_GROUP ? 'group' : chat?.style === STYLE_ONE_TO_ONE ? 'private' : people.length > 1 ? 'group' : 'unknown';
    // An unnamed group's identifier is an internal id: its members say which group it is, as Messages shows it.
    const identifier = kind === 'group' && people.length > 0 ? null : chat?.identifier ?? null;
    return {
      key,
      title: chat?.name ?? identifier ?? (people.length > 0 ? membersTitle(people) : `Chat ${chatId}`),
      kind,
      participants: people.map((id) => ({ name: null, id })),
    };
  }
}

function read(db: Database, table: string, columns: (string | ColumnRequest)[], onError: (message: string) => void): Iterable<Row> {
  if (!hasTable(db, table)) return [];
  const select = selectExpressions(columnsOf(db, table), 't', columns);
  return scanRows(db, { table, select }, (message) => onError(`${table}: ${message}`));
}

/** A chat's member, once however often the join table repeats it: memory grows with the chat's real members only. */
function addMember(members: Map<number, Set<number>>, chatId: number | null, handleId: number | null): void {
  if (chatId === null || handleId === null) return;
  const set = members.get(chatId);
  if (set === undefined) members.set(chatId, new Set([handleId]));
  else set.add(handleId);
}
