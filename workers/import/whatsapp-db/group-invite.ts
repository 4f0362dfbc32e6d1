/**
 * A group invitation sent as a message (type 24, "group invite"): WhatsApp keeps what it invites to
 * in `message_group_invite`, keyed on the message's row, and nowhere else; the message's own text
 * is empty or a caption. Which group (its jid and name), the admin whose invitation it is, the
 * invite code (the part of a chat.whatsapp.com link that lets anyone holding it join), and its
 * times: in an investigation, who was drawn into which group, and by whom.
 *
 * [sources: the table as WhatsApp creates it, in several decompiled Android builds: `CREATE TABLE
 * message_group_invite (message_row_id INTEGER PRIMARY KEY, group_jid_row_id INTEGER NOT NULL,
 * admin_jid_row_id INTEGER NOT NULL, group_name TEXT, invite_code TEXT, expiration INTEGER,
 * invite_time INTEGER, expired INTEGER[, group_type INTEGER NOT NULL DEFAULT 0])`; a public
 * write-up of a WhatsApp Android reader ("WhatsApp on Android", Amberkeep) counts 13 rows on a
 * real 2026 archive, exactly its 13 messages of type 24. What the columns hold is read from their
 * names; `expiration` and `invite_time` are read as WhatsApp times, by magnitude (the record says
 * which unit, in `timesRead`), and `expired` is kept as stored: no source gives their units or values.]
 */

import type { SqlValue } from 'sql.js';
import type { ColumnRequest, EpochUnit, Row } from '../sqlite/index.ts';
import { integerValue, nonEmptyText } from '../sqlite/index.ts';
import type { ContactBook } from './contacts.ts';
import { phoneFromJid } from './jids.ts';
import type { JidBook, ResolvedJid } from './jids.ts';
import { isoNoting, waUnixTime } from './wa-time.ts';
import type { WaTime } from './wa-time.ts';

/** The side table's columns, as the new layout reader joins them (alias `mgi`). */
export const GROUP_INVITE_COLUMNS: readonly (string | ColumnRequest)[] = [
  'group_jid_row_id', 'admin_jid_row_id', 'group_name', 'invite_code', { name: 'expiration', asText: true }, { name: 'invite_time', asText: true }, 'expired',
];

export interface WaGroupInvite {
  group: ResolvedJid | null;
  /** group_jid_row_id as stored, for when it names no jid row. */
  groupRow: number | null;
  groupName: string | null;
  admin: ResolvedJid | null;
  inviteCode: string | null;
  expiration: SqlValue;
  expirationText: SqlValue;
  inviteTime: SqlValue;
  inviteTimeText: SqlValue;
  expired: number | null;
}

/** The invitation a joined row holds, or null when the message has no message_group_invite row. */
export function groupInviteOf(row: Row, jids: JidBook): WaGroupInvite | null {
  const groupRow = integerValue(row['mgi_group_jid_row_id']);
  const groupName = nonEmptyText(row['mgi_group_name']);
  const inviteCode = nonEmptyText(row['mgi_invite_code']);
  if (groupRow === null && groupName === null && inviteCode === null) return null;
  return {
    group: jids.resolve(groupRow),
    groupRow,
    groupName,
    admin: jids.resolve(integerValue(row['mgi_admin_jid_row_id'])),
    inviteCode,
    expiration: row['mgi_expiration'] ?? null,
    expirationText: row['mgi_expiration__text'] ?? null,
    inviteTime: row['mgi_invite_time'] ?? null,
    inviteTimeText: row['mgi_invite_time__text'] ?? null,
    expired: integerValue(row['mgi_expired']),
  };
}

const UNIT_NAMES: Record<EpochUnit, string> = { s: 'seconds', ms: 'milliseconds', us: 'microseconds', ns: 'nanoseconds' };

/** Said beside the invite times: their unit is this reader's guess, which a court may ask about. */
const TIMES_READ_NOTE = 'no source gives the unit of expiration or invite_time: each was read as time since 1970 in the unit its number suggests by its magnitude (below 1e11 seconds, below 1e14 milliseconds, below 1e17 microseconds, else nanoseconds)';

/**
 * The invitation as kept in extra.groupInvite: people named as senders are; time notes go to
 * `timeNotes`; `timesRead` gives each stored time as stored and the unit it was read in.
 */
export function groupInviteFacts(invite: WaGroupInvite, contacts: ContactBook, timeNotes: string[]): Record<string, unknown> {
  const groupJid = invite.group?.jid ?? null;
  const adminJid = invite.admin?.jid ?? null;
  const expiration = waUnixTime('message_group_invite.expiration', 'not set', invite.expiration, invite.expirationText);
  const inviteTime = waUnixTime('message_group_invite.invite_time', 'not set', invite.inviteTime, invite.inviteTimeText);
  const timesRead = { ...timeRead('expiration', expiration), ...timeRead('inviteTime', inviteTime) };
  return {
    group: groupJid ?? (invite.groupRow === null ? null : `jid row ${invite.groupRow} (not in the jid table)`),
    groupName: invite.groupName,
    admin: adminJid === null ? null : { name: contacts.labelOf(adminJid), id: phoneFromJid(adminJid) ?? adminJid },
    inviteCode: invite.inviteCode,
    expiresAt: isoNoting(expiration, timeNotes),
    invitedAt: isoNoting(inviteTime, timeNotes),
    expired: invite.expired,
    ...(Object.keys(timesRead).length === 0 ? {} : { timesRead: { ...timesRead, note: TIMES_READ_NOTE } }),
  };
}

/**
 * `{[name]: {stored, unit}}`: a stored time as stored and the unit it was read in (null for a
 * placeholder, whose own note says it gave no date); empty when none is stored.
 */
function timeRead(name: string, time: WaTime): Record<string, { stored: string; unit: string | null }> {
  if (time.timestampText.trim() === '' || Number(time.timestampText) === 0) return {};
  return { [name]: { stored: time.timestampText, unit: time.unit === null || time.placeholderNote !== undefined ? null : UNIT_NAMES[time.unit] } };
}
