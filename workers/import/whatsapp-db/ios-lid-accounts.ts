/**
 * WhatsApp's lid → phone table on iOS, `LID.sqlite` beside ChatStorage.sqlite: `ZWAZACCOUNT` with
 * `ZIDENTIFIER` the "<n>@lid" jid and `ZPHONENUMBER` its phone number [source: a
 * Whatsapp-Chat-Exporter fork's design notes, measured on a real iPhone backup: this table mapped
 * all 45 lid senders of its group messages to phone ids; other readers of real stores read the
 * same two columns, one checking for Z_PK, ZIDENTIFIER, ZPHONENUMBER, ZCREATEDAT first]. Readers
 * keep only the digits of ZPHONENUMBER; a value that is a phone jid is read as one too. Anything
 * else (no digits, letters) is not taken for a number, only counted.
 */

import type { Database } from 'sql.js';
import { columnsOf, companionRowPlace, hasTable, nonEmptyText, scanCompanionRows, selectExpressions } from '../sqlite/index.ts';

export const LID_ACCOUNT_TABLE = 'ZWAZACCOUNT';

/** A lid and the phone jid a companion gives it, with the row that says so. */
export interface LidPair {
  lid: string;
  phoneJid: string;
  place: string;
}

export interface LidAccounts {
  pairs: LidPair[];
  rows: number;
  /** Rows with both values whose identifier is no lid, or whose number is no phone number. */
  rowsNotRead: number;
}

/** A number as phones write it ("+49 151 2345-678"): digits, spaces, dashes, brackets, one leading "+". */
const WRITTEN_NUMBER = /^\+?[\d\s\-()]+$/u;
/** The digits phoneFromJid (jids.ts) takes for a number. */
const NUMBER_DIGITS = /^\d{5,20}$/u;

/** "<digits>@s.whatsapp.net" for a phone jid, bare digits or a written number; else null. */
export function phoneJidOfNumber(value: string): string | null {
  const trimmed = value.trim();
  const jid = /^(\d+)@s\.whatsapp\.net$/u.exec(trimmed);
  const digits = jid !== null ? jid[1] ?? '' : WRITTEN_NUMBER.test(trimmed) ? trimmed.replace(/\D/gu, '') : '';
  return NUMBER_DIGITS.test(digits) ? `${digits}@s.whatsapp.net` : null;
}

/** Reads `ZWAZACCOUNT` of the open `LID.sqlite` called `file`; null (with a warning) when it lacks the two columns. */
export function readLidAccounts(db: Database, file: string, warn: (message: string) => void): LidAccounts | null {
  if (!hasTable(db, LID_ACCOUNT_TABLE)) return null;
  const columns = columnsOf(db, LID_ACCOUNT_TABLE);
  if (!columns.has('zidentifier') || !columns.has('zphonenumber')) {
    warn(`${file}: ${LID_ACCOUNT_TABLE} has no ZIDENTIFIER and ZPHONENUMBER (columns: ${[...columns].join(', ')}); no lid was mapped from it`);
    return null;
  }
  const accounts: LidAccounts = { pairs: [], rows: 0, rowsNotRead: 0 };
  const select = selectExpressions(columns, 't', ['ZIDENTIFIER', 'ZPHONENUMBER']);
  for (const row of scanCompanionRows(db, { table: LID_ACCOUNT_TABLE, select }, (message) => warn(`${file}: ${LID_ACCOUNT_TABLE}: ${message}`))) {
    accounts.rows += 1;
    const lid = nonEmptyText(row['zidentifier']);
    const number = nonEmptyText(row['zphonenumber']);
    // A row without both values maps nothing; one whose values are not a lid and a number is counted.
    if (lid === null || number === null) continue;
    const phoneJid = phoneJidOfNumber(number);
    if (!lid.endsWith('@lid') || phoneJid === null) {
      accounts.rowsNotRead += 1;
      continue;
    }
    accounts.pairs.push({ lid, phoneJid, place: `${file}:${LID_ACCOUNT_TABLE}${companionRowPlace(row)}` });
  }
  return accounts;
}
