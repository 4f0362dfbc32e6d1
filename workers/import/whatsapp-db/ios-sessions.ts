/**
 * The people ChatStorage.sqlite itself names: its chat sessions (ZWACHATSESSION), each group's
 * members (ZWAGROUPMEMBER) and the push names people gave themselves (ZWAPROFILEPUSHNAME). Lid
 * sessions and members note the phone jid stored beside the lid (ios-people.ts).
 */

import type { Database } from 'sql.js';
import type { ParsedParticipant } from '../../../shared/contracts/parsed-source.ts';
import { columnsOf, hasTable, integerValue, nonEmptyText, rowidOf, scanRows, selectExpressions } from '../sqlite/index.ts';
import type { IosPeople, LidPhones } from './ios-people.ts';
import { pushNameText } from './ios-push-names.ts';

/**
 * A member's names: ZCONTACTNAME (the address book's full name), else ZFIRSTNAME (a member saved
 * with a first name only; a real store's member with only ZFIRSTNAME "Bernd" was shown by number).
 */
export const MEMBER_COLUMNS = ['ZMEMBERJID', 'ZCONTACTNAME', 'ZFIRSTNAME', 'ZCONTACTIDENTIFIER'];

export interface Session {
  jid: string | null;
  name: string | null;
  type: number | null;
  /** A group's members from ZWAGROUPMEMBER (by its ZCHATSESSION), writers or not. */
  members?: ParsedParticipant[];
}

/** The sessions by Z_PK; a lid session's phone jid (ZCONTACTIDENTIFIER) is noted in `lidPhones`. */
export function loadSessions(db: Database, lidPhones: LidPhones, onError: (message: string) => void): Map<number, Session> {
  const sessions = new Map<number, Session>();
  if (!hasTable(db, 'ZWACHATSESSION')) return sessions;
  const select = selectExpressions(columnsOf(db, 'ZWACHATSESSION'), 't', ['ZCONTACTJID', 'ZPARTNERNAME', 'ZSESSIONTYPE', 'ZCONTACTIDENTIFIER']);
  for (const row of scanRows(db, { table: 'ZWACHATSESSION', select }, (message) => onError(`ZWACHATSESSION: ${message}`))) {
    const jid = nonEmptyText(row['zcontactjid']);
    lidPhones.note(jid, nonEmptyText(row['zcontactidentifier']));
    sessions.set(rowidOf(row), { jid, name: nonEmptyText(row['zpartnername']), type: integerValue(row['zsessiontype']) });
  }
  return sessions;
}

/** Lists each group's members on its session, named by ZCONTACTNAME or ZFIRSTNAME, else their push name (or a companion's address-book name). */
export function loadGroupMembers(db: Database, sessions: Map<number, Session>, people: IosPeople, lidPhones: LidPhones, onError: (message: string) => void): void {
  if (!hasTable(db, 'ZWAGROUPMEMBER')) return;
  const columns = columnsOf(db, 'ZWAGROUPMEMBER');
  if (!columns.has('zchatsession') || !columns.has('zmemberjid')) return;
  const select = selectExpressions(columns, 't', ['ZCHATSESSION', ...MEMBER_COLUMNS]);
  // Every lid's phone is known (or found contradicted) before any member is named by it.
  const rows: { session: Session; jid: string; name: string | null }[] = [];
  for (const row of scanRows(db, { table: 'ZWAGROUPMEMBER', select }, (message) => onError(`ZWAGROUPMEMBER: ${message}`))) {
    const session = sessions.get(integerValue(row['zchatsession']) ?? -1);
    const jid = nonEmptyText(row['zmemberjid']);
    lidPhones.note(jid, nonEmptyText(row['zcontactidentifier']));
    if (session !== undefined && jid !== null) rows.push({ session, jid, name: nonEmptyText(row['zcontactname']) ?? nonEmptyText(row['zfirstname']) });
  }
  for (const { session, jid, name } of rows) {
    session.members ??= [];
    if (session.members.some((member) => member.id === people.idOf(jid))) continue;
    session.members.push({ name: name ?? people.knownName(jid), id: people.idOf(jid) });
  }
}

export function loadPushNames(db: Database, onError: (message: string) => void): Map<string, string> {
  const names = new Map<string, string>();
  if (!hasTable(db, 'ZWAPROFILEPUSHNAME')) return names;
  const select = selectExpressions(columnsOf(db, 'ZWAPROFILEPUSHNAME'), 't', ['ZJID', 'ZPUSHNAME']);
  for (const row of scanRows(db, { table: 'ZWAPROFILEPUSHNAME', select }, (message) => onError(`ZWAPROFILEPUSHNAME: ${message}`))) {
    const jid = nonEmptyText(row['zjid']);
    // A wrapped name is unwrapped; a value that holds no name names no one.
    const name = pushNameText(nonEmptyText(row['zpushname']));
    if (jid !== null && name !== null) names.set(jid, name);
  }
  return names;
}
