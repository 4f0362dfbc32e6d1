/**
 * Conversations and people of an iOS sms.db: `handle` (a phone number or e-mail address per
 * service), `chat` (guid "SMS;-;+1209…" for 1:1, "iMessage;+;chat…" for groups), and the join
 * tables linking chats to handles and messages. All of these are small next to `message`.
 */

import type { Database } from 'sql.js';
import type { ParsedChat } from '../../../shared/contracts/parsed-source.ts';
import type { ChatRegistry, Row } from '../sqlite/index.ts';
import { UNATTRIBUTED_CHAT_KEY, columnsOf, hasTable, integerValue, nonEmptyText, rowidOf, scanRows, selectExpressions, unattributedChat } from '../sqlite/index.ts';

/** `chat.style` values. */
const STYLE_GROUP = 43;
const STYLE_ONE_TO_ONE = 45;

interface ChatRow {
  guid: string;
  title: string | null;
  style: number | null;
  service: string | null;
}

export class IosChats {
  readonly handles = new Map<number, string>();
  private readonly chats = new Map<number, ChatRow>();
  private readonly members = new Map<number, number[]>();
  private readonly chatOfMessage = new Map<number, number[]>();

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
        title: nonEmptyText(row['display_name']) ?? nonEmptyText(row['chat_identifier']),
        style: integerValue(row['style']),
        service: nonEmptyText(row['service_name']),
      });
    }
    for (const row of read(db, 'chat_handle_join', ['chat_id', 'handle_id'], onError)) {
      push(this.members, integerValue(row['chat_id']), integerValue(row['handle_id']));
    }
    for (const row of read(db, 'chat_message_join', ['chat_id', 'message_id'], onError)) {
      push(this.chatOfMessage, integerValue(row['message_id']), integerValue(row['chat_id']));
    }
  }

  get chatCount(): number {
    return this.chats.size;
  }

  /** The chat key of a message (announced on first use) and the other chats it is joined to, if any. */
  chatKeyFor(messageId: number, handleId: number | null): { key: string; alsoIn: string[] } {
    const chatIds = this.chatOfMessage.get(messageId) ?? [];
    const keys = chatIds.map((chatId) => this.ensureChat(chatId));
    const [first, ...rest] = keys;
    if (first !== undefined) return { key: first, alsoIn: rest };
    // Not joined to any chat (a damaged join table, or a message being deleted): group by person.
    const handle = handleId === null ? undefined : this.handles.get(handleId);
    if (handle === undefined) {
      this.registry.ensure(UNATTRIBUTED_CHAT_KEY, unattributedChat);
      return { key: UNATTRIBUTED_CHAT_KEY, alsoIn: [] };
    }
    const key = `handle:${handle}`;
    this.registry.ensure(key, () => ({ key, title: handle, kind: 'private', participants: [{ name: null, id: handle }] }));
    return { key, alsoIn: [] };
  }

  private ensureChat(chatId: number): string {
    const chat = this.chats.get(chatId);
    const key = chat === undefined ? `chat-rowid:${chatId}` : `chat:${chat.guid}`;
    this.registry.ensure(key, () => this.describe(key, chatId, chat));
    return key;
  }

  private describe(key: string, chatId: number, chat: ChatRow | undefined): ParsedChat {
    const people = (this.members.get(chatId) ?? []).map((handleId) => this.handles.get(handleId) ?? `handle ${handleId}`);
    const kind = chat?.style === STYLE_GROUP ? 'group' : chat?.style === STYLE_ONE_TO_ONE ? 'private' : people.length > 1 ? 'group' : 'unknown';
    return {
      key,
      title: chat?.title ?? (people.length > 0 ? people.join(', ') : `Chat ${chatId}`),
      kind,
      participants: people.map((id) => ({ name: null, id })),
    };
  }
}

function read(db: Database, table: string, columns: string[], onError: (message: string) => void): Iterable<Row> {
  if (!hasTable(db, table)) return [];
  const select = selectExpressions(columnsOf(db, table), 't', columns);
  return scanRows(db, { table, select }, (message) => onError(`${table}: ${message}`));
}

function push(map: Map<number, number[]>, key: number | null, value: number | null): void {
  if (key === null || value === null) return;
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else if (list.length < 100) list.push(value);
}
