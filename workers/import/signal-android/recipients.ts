/**
 * Signal Android's `recipient` table (one row per person, group or distribution list the app has
 * met, the owner among them) and `groups` with its members. Column names vary by database
 * version, as signalbackup-tools' SignalBackup::setColumnNames (bepaald/signalbackup-tools,
 * signalbackup/setcolumnnames.cc) lists them (and a person's name is the first of
 * nickname_joined_name, system_joined_name, profile_joined_name and profile_given_name, the order
 * of its XML export, SignalBackup::handleSms): `aci` was `uuid` before version 200; `e164` was
 * `phone`, `system_joined_name` was `system_display_name`, and `profile_given_name` was
 * `signal_profile_name` before 201. Signal-Android's RecipientTable.kt names the rest
 * (`profile_joined_name`, `profile_family_name`, `system_nickname`, `username`, `email`,
 * `group_id`). Groups (GroupTable.kt): `groups.group_id`, `recipient_id` and `title`; members in
 * `group_membership` (group_id, recipient_id) in current versions, as a comma-separated list of
 * recipient ids in `groups.members` before it.
 */

import type { Database, SqlValue } from 'sql.js';
import type { ParsedParticipant } from '../../../shared/contracts/parsed-source.ts';
import type { Row } from '../sqlite/index.ts';
import { columnsOf, hasTable, integerValue, nonEmptyText, scanRows, selectExpressions, textValue } from '../sqlite/index.ts';

const RECIPIENT_COLUMNS = [
  '_id',
  'aci',
  'uuid',
  'pni',
  'e164',
  'phone',
  'email',
  'username',
  'group_id',
  'system_joined_name',
  'system_display_name',
  'system_nickname',
  'profile_joined_name',
  'profile_given_name',
  'signal_profile_name',
  'profile_family_name',
  'nickname_joined_name',
];

/** Members listed per group at most, so a hostile table cannot exhaust memory. */
const MAX_MEMBERS = 5000;

export interface SignalRecipient {
  id: number;
  /** The name shown, in signalbackup-tools' order: the nickname given in Signal, the contact's name on the phone, the profile name. */
  name: string | null;
  /** Which column the name is from. */
  nameFrom: string | null;
  /** The phone number (E.164). */
  phone: string | null;
  /** The account's ACI (a UUID), the identifier Signal uses when there is no number. */
  aci: string | null;
  username: string | null;
  email: string | null;
  /** Set for a group's recipient row. */
  groupId: string | null;
}

export interface SignalGroup {
  groupId: string;
  recipientId: number | null;
  title: string | null;
  members: number[];
  active: boolean | null;
}

export interface RecipientBook {
  recipients: ReadonlyMap<number, SignalRecipient>;
  /** Groups by the recipient id of their group recipient row. */
  groupsByRecipient: ReadonlyMap<number, SignalGroup>;
  groupCount: number;
}

/** The recipients and groups of the database (small tables: read whole). */
export function loadRecipientBook(db: Database, onError: (table: string, message: string) => void): RecipientBook {
  const recipients = new Map<number, SignalRecipient>();
  if (hasTable(db, 'recipient')) {
    const select = selectExpressions(columnsOf(db, 'recipient'), 't', RECIPIENT_COLUMNS);
    for (const row of scanRows(db, { table: 'recipient', select }, (message) => onError('recipient', message))) {
      const id = integerValue(row['_id']);
      if (id === null) continue;
      const named = nameOf(row);
      recipients.set(id, {
        id,
        name: named?.name ?? null,
        nameFrom: named?.column ?? null,
        phone: nonEmptyText(row['e164']) ?? nonEmptyText(row['phone']),
        aci: nonEmptyText(row['aci']) ?? nonEmptyText(row['uuid']),
        username: nonEmptyText(row['username']),
        email: nonEmptyText(row['email']),
        groupId: nonEmptyText(row['group_id']),
      });
    }
  }
  const groups = loadGroups(db, onError);
  const groupsByRecipient = new Map<number, SignalGroup>();
  for (const group of groups.values()) {
    const recipientId = group.recipientId ?? findGroupRecipient(recipients, group.groupId);
    if (recipientId !== null) groupsByRecipient.set(recipientId, { ...group, recipientId });
  }
  return { recipients, groupsByRecipient, groupCount: groups.size };
}

function nameOf(row: Row): { name: string; column: string } | null {
  const given = nonEmptyText(row['profile_given_name']) ?? nonEmptyText(row['signal_profile_name']);
  const family = nonEmptyText(row['profile_family_name']);
  const candidates: [string, string | null][] = [
    ['nickname_joined_name', nonEmptyText(row['nickname_joined_name'])],
    ['system_joined_name', nonEmptyText(row['system_joined_name']) ?? nonEmptyText(row['system_display_name'])],
    ['profile_joined_name', nonEmptyText(row['profile_joined_name'])],
    ['profile_given_name', given === null ? null : family === null ? given : `${given} ${family}`],
    ['system_nickname', nonEmptyText(row['system_nickname'])],
  ];
  for (const [column, name] of candidates) if (name !== null) return { name, column };
  return null;
}

function findGroupRecipient(recipients: ReadonlyMap<number, SignalRecipient>, groupId: string): number | null {
  for (const recipient of recipients.values()) if (recipient.groupId === groupId) return recipient.id;
  return null;
}

function loadGroups(db: Database, onError: (table: string, message: string) => void): Map<string, SignalGroup> {
  const groups = new Map<string, SignalGroup>();
  if (!hasTable(db, 'groups')) return groups;
  const select = selectExpressions(columnsOf(db, 'groups'), 't', ['group_id', 'recipient_id', 'title', 'members', 'active']);
  for (const row of scanRows(db, { table: 'groups', select }, (message) => onError('groups', message))) {
    const groupId = nonEmptyText(row['group_id']);
    if (groupId === null) continue;
    const active = integerValue(row['active']);
    groups.set(groupId, {
      groupId,
      recipientId: integerValue(row['recipient_id']),
      title: nonEmptyText(row['title']),
      members: memberList(textValue(row['members'])),
      active: active === null ? null : active !== 0,
    });
  }
  if (hasTable(db, 'group_membership')) {
    const membership = selectExpressions(columnsOf(db, 'group_membership'), 't', ['group_id', 'recipient_id']);
    for (const row of scanRows(db, { table: 'group_membership', select: membership }, (message) => onError('group_membership', message))) {
      const group = groups.get(nonEmptyText(row['group_id']) ?? '');
      const member = integerValue(row['recipient_id']);
      if (group !== undefined && member !== null && group.members.length < MAX_MEMBERS && !group.members.includes(member)) group.members.push(member);
    }
  }
  return groups;
}

/** `groups.members` of older versions: recipient ids separated by commas. */
function memberList(text: string | null): number[] {
  if (text === null) return [];
  return text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => /^\d+$/u.test(part))
    .slice(0, MAX_MEMBERS)
    .map(Number);
}

/** The identifier a recipient is known by: the phone number, else the ACI, else the username or e-mail. */
export function recipientId(recipient: SignalRecipient): string | null {
  return recipient.phone ?? recipient.aci ?? recipient.username ?? recipient.email;
}

export function asParticipant(recipient: SignalRecipient): ParsedParticipant {
  return { name: recipient.name, id: recipientId(recipient) };
}

/** A recipient id the table does not hold, as a participant (the row was deleted, or the page is damaged). */
export function unknownRecipient(id: number): SignalRecipient {
  return { id, name: null, nameFrom: null, phone: null, aci: null, username: null, email: null, groupId: null };
}

/**
 * A recipient column's value: a recipient id (an integer, or its digits as text in a column declared
 * TEXT), or, in databases from before recipient ids (`address`, `recipient_ids`), the address itself.
 */
export function recipientRef(value: SqlValue | undefined): { id: number | null; address: string | null } {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? { id: value, address: null } : { id: null, address: String(value) };
  if (typeof value === 'string') {
    const text = value.trim();
    if (/^\d{1,15}$/u.test(text)) return { id: Number(text), address: null };
    return { id: null, address: text === '' ? null : text };
  }
  return { id: null, address: null };
}
