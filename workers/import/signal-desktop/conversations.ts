/**
 * Signal Desktop's `conversations` table: one row per person (type 'private') and per group
 * ('group'). The same table names the senders of group messages, which carry only the sender's
 * service id (ACI uuid; `sourceUuid` in older versions) or phone number (`source`, oldest
 * versions), so every identifier a row has is indexed to find its name.
 */

import type { Database } from 'sql.js';
import type { ParsedChat, ParsedParticipant } from '../../../shared/contracts/parsed-source.ts';
import type { ChatRegistry } from '../sqlite/index.ts';
import { columnsOf, hasTable, rowidOf, scanRows, selectExpressions } from '../sqlite/index.ts';
import type { JsonObject } from './json-fields.ts';
import { firstText, identifierOf, jsonObjects, parseJsonColumn } from './json-fields.ts';

/** Columns read when present; older schemas lack most of them and keep the values in `json`. */
const CONVERSATION_COLUMNS = ['id', 'json', 'type', 'name', 'profileName', 'profileFamilyName', 'profileFullName', 'e164', 'serviceId', 'uuid', 'groupId', 'members'];

const E164 = /^\+\d{6,15}$/u;

/** Group member lists are capped so a hostile row cannot exhaust memory. */
const MAX_MEMBERS = 5000;

export interface SignalConversation {
  id: string;
  rowid: number;
  kind: 'private' | 'group' | 'unknown';
  /** Name to show: saved name, profile name, phone number, in that order. */
  label: string | null;
  e164: string | null;
  serviceId: string | null;
  groupId: string | null;
  /** Member identifiers as the row gives them (service ids, phone numbers or conversation ids). */
  members: string[];
}

export class SignalConversations {
  private readonly byId = new Map<string, SignalConversation>();
  /** Service ids (lower-cased: Signal has written them in both cases) and phone numbers. */
  private readonly byIdentifier = new Map<string, SignalConversation>();

  constructor(
    db: Database,
    private readonly registry: ChatRegistry,
    onProblem: (place: string, message: string) => void,
  ) {
    if (!hasTable(db, 'conversations')) return;
    const select = selectExpressions(columnsOf(db, 'conversations'), 't', CONVERSATION_COLUMNS);
    for (const row of scanRows(db, { table: 'conversations', select }, (message) => onProblem('conversations', message))) {
      const json = parseJsonColumn(row['json']);
      if (json.ok === false) onProblem(`conversations#${rowidOf(row)}`, `${json.reason}; only its typed columns were read`);
      const object = json.ok === true ? json.value : null;
      const id = identifierOf(row['id'], object, ['id']);
      if (id === null) {
        onProblem(`conversations#${rowidOf(row)}`, 'a conversation without an id: messages cannot point to it, so it was skipped');
        continue;
      }
      const conversation = describe(id, rowidOf(row), row, object);
      this.byId.set(id, conversation);
      for (const identifier of [conversation.serviceId, conversation.e164]) {
        if (identifier !== null && !this.byIdentifier.has(identifier.toLowerCase())) this.byIdentifier.set(identifier.toLowerCase(), conversation);
      }
    }
  }

  get size(): number {
    return this.byId.size;
  }

  get(id: string): SignalConversation | undefined {
    return this.byId.get(id);
  }

  /** The private conversation of a sender, by service id, phone number or conversation id. */
  person(identifier: string): SignalConversation | undefined {
    const found = this.byIdentifier.get(identifier.toLowerCase()) ?? this.byId.get(identifier);
    // A phone number that lost its "+" to a NUMERIC column (see identifierOf).
    return found ?? (/^\d+$/u.test(identifier) ? this.person(`+${identifier}`) : undefined);
  }

  /** The chat key of a conversation id, announced on first use (null: the unattributed chat). */
  chatKeyFor(conversationId: string | null): string {
    return this.registry.conversationKey(conversationId, (key, id) => this.chatOf(key, id));
  }

  private chatOf(key: string, conversationId: string): ParsedChat {
    const conversation = this.byId.get(conversationId);
    // Messages may outlive their conversation row (a damaged page, a half-deleted chat).
    if (conversation === undefined) return { key, title: `Signal conversation ${conversationId} (not in the conversations table)`, kind: 'unknown' };
    const participants: ParsedParticipant[] = conversation.kind === 'private' ? [this.participant(conversation)] : conversation.members.map((member) => this.memberParticipant(member));
    return {
      key,
      title: conversation.label ?? (conversation.kind === 'group' ? `Signal group ${conversation.groupId ?? conversation.id}` : `Signal conversation ${conversation.id}`),
      kind: conversation.kind,
      participants,
    };
  }

  private participant(conversation: SignalConversation): ParsedParticipant {
    return { name: conversation.label, id: conversation.e164 ?? conversation.serviceId ?? conversation.id };
  }

  private memberParticipant(member: string): ParsedParticipant {
    const person = this.person(member);
    return person === undefined ? { name: null, id: member } : this.participant(person);
  }
}

function describe(id: string, rowid: number, row: Record<string, unknown>, json: JsonObject | null): SignalConversation {
  const column = (name: string): string | null => (typeof row[name] === 'string' && row[name] !== '' ? (row[name] as string) : null);
  const type = column('type') ?? firstText(json, ['type']);
  const profileName = column('profilefullname') ?? firstText(json, ['profileFullName']) ?? joinNames(column('profilename') ?? firstText(json, ['profileName']), column('profilefamilyname') ?? firstText(json, ['profileFamilyName']));
  // The first versions keyed private conversations by phone number and had no e164 field.
  const e164 = column('e164') ?? firstText(json, ['e164']) ?? (type === 'private' && E164.test(id) ? id : null);
  return {
    id,
    rowid,
    kind: type === 'private' ? 'private' : type === 'group' ? 'group' : 'unknown',
    label: column('name') ?? firstText(json, ['name', 'systemGivenName']) ?? profileName ?? e164 ?? firstText(json, ['username']),
    e164,
    serviceId: column('serviceid') ?? column('uuid') ?? firstText(json, ['serviceId', 'aci', 'uuid']),
    groupId: column('groupid') ?? firstText(json, ['groupId']),
    members: membersOf(column('members'), json),
  };
}

function joinNames(given: string | null, family: string | null): string | null {
  const joined = [given, family].filter((part) => part !== null).join(' ');
  return joined === '' ? null : joined;
}

/**
 * Group members: `json.membersV2` ({aci} or {uuid}) for v2 groups; before that `json.members`
 * (phone numbers, later conversation ids), mirrored space-separated in the `members` column.
 */
function membersOf(column: string | null, json: JsonObject | null): string[] {
  const found: string[] = [];
  for (const member of jsonObjects(json, 'membersV2')) {
    const id = firstText(member, ['aci', 'serviceId', 'uuid', 'conversationId']);
    if (id !== null) found.push(id);
  }
  if (found.length === 0) {
    const listed = json?.['members'];
    if (Array.isArray(listed)) for (const member of listed) if (typeof member === 'string' && member !== '') found.push(member);
  }
  if (found.length === 0 && column !== null) found.push(...column.split(/\s+/u).filter((member) => member !== ''));
  return [...new Set(found)].slice(0, MAX_MEMBERS);
}
