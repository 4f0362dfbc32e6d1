/**
 * The chats of an Android msgstore.db, keyed by jid (the same key in both table layouts), with
 * their titles and group members (new group_participant_user, legacy group_participants).
 */

import type { Database } from 'sql.js';
import type { ChatRegistry } from '../sqlite/index.ts';
import { Lookup, columnsOf, hasTable, integerValue, nonEmptyText, storedOrder } from '../sqlite/index.ts';
import type { ContactBook } from './contacts.ts';
import { chatKindOfJid, isBroadcastJid, isGroupJid, phoneFromJid } from './jids.ts';
import type { JidBook } from './jids.ts';

const OWNER_MARKER = 'status_me';

/**
 * Members listed per group: a group holds up to 1024 (the lookup's default of 1000 cut the rest
 * off unseen); room is left for larger community announcement groups, while a hostile table still
 * cannot make one chat unbounded.
 */
const MAX_GROUP_MEMBERS = 5000;

/** Chats keyed by jid (the same key in both layouts), with titles and group members. */
export class AndroidChats {
  private readonly newMembers: Lookup | null;
  private readonly legacyMembers: Lookup | null;

  constructor(
    db: Database,
    private readonly registry: ChatRegistry,
    private readonly contacts: ContactBook,
    private readonly jids: JidBook,
  ) {
    const hasRaw = columnsOf(db, 'jid').has('raw_string');
    // Members by jid row, resolved as senders are (a lid to its phone jid through jid_map), so a
    // member and their messages carry the same id. In the table's own order: without ORDER BY the
    // order (and which members a capped list keeps) would follow whichever index SQLite walks. A
    // WITHOUT ROWID table has no rowid to order by: its primary key is its order (storedOrder).
    this.newMembers = hasTable(db, 'group_participant_user') && hasRaw
      ? new Lookup(db, `SELECT gp.user_jid_row_id AS member_row FROM group_participant_user AS gp JOIN jid AS g ON g._id = gp.group_jid_row_id WHERE g.raw_string = ? COLLATE BINARY ORDER BY ${storedOrder(db, 'group_participant_user', 'gp')}`, [
          { table: 'jid', columns: ['raw_string'] },
          { table: 'group_participant_user', columns: ['group_jid_row_id'] },
        ])
      : null;
    this.legacyMembers = hasTable(db, 'group_participants') && columnsOf(db, 'group_participants').has('gjid')
      ? new Lookup(db, `SELECT t.jid AS member FROM group_participants AS t WHERE t.gjid = ? COLLATE BINARY ORDER BY ${storedOrder(db, 'group_participants', 't')}`, [{ table: 'group_participants', columns: ['gjid'] }])
      : null;
  }

  keyFor(jid: string | null, subject: string | null, unreadableChatRow?: number): string {
    const chatRow = jid === null && unreadableChatRow !== undefined ? unreadableChatRow : null;
    const key = jid !== null ? `jid:${jid}` : chatRow !== null ? `chat-row:${chatRow}` : 'jid:unknown';
    this.registry.ensure(key, () => {
      // status@broadcast and a broadcast list's own jid are no one. A list's people are its recipients, where
      // the participant tables list them under its jid as a group's members [belief: no sample holds a list].
      const members = jid !== null && (isGroupJid(jid) || isBroadcastJid(jid)) ? this.members(jid) : jid === null ? [] : [jid];
      return {
        key,
        title: subject ?? this.contacts.labelOf(jid) ?? (chatRow === null ? 'Unknown chat' : `Unknown chat (chat row ${chatRow})`),
        kind: chatKindOfJid(jid),
        participants: members.map((member) => ({ name: this.contacts.nameOf(member), id: phoneFromJid(member) ?? member })),
      };
    });
    return key;
  }

  private members(groupJid: string): string[] {
    const newRows = (this.newMembers?.all(groupJid, MAX_GROUP_MEMBERS) ?? []).map((row) => this.jids.resolve(integerValue(row['member_row']))?.jid ?? null);
    const legacyRows = (this.legacyMembers?.all(groupJid, MAX_GROUP_MEMBERS) ?? []).map((row) => nonEmptyText(row['member']));
    // The phone's owner is listed with an empty jid (or "status_me" in old databases): not a person to name.
    const members = [...newRows, ...legacyRows].filter((member): member is string => member !== null && member !== OWNER_MARKER);
    return [...new Set(members)];
  }

  free(): void {
    this.newMembers?.free();
    this.legacyMembers?.free();
  }
}
