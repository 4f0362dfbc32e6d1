/**
 * WhatsApp's address book on iOS, `ContactsV2.sqlite` beside ChatStorage.sqlite: one
 * `ZWAADDRESSBOOKCONTACT` row per address-book entry. Read here: `ZWHATSAPPID` (the person's phone
 * jid; [source] iLEAPP's WhatsApp call history joins it to CallHistory's `ZJIDSTRING`, a whole jid,
 * a join its notes count as filled on 12 of 20 call rows over its test images,
 * and Whatsapp-Chat-Exporter appends "@s.whatsapp.net" when a value lacks it, so bare digits are
 * read as the same number), `ZFULLNAME` (the name in the phone's address book; [source] iLEAPP's
 * WhatsApp contacts artifact shows it as the full name), else `ZGIVENNAME`, and `ZLID` (the
 * person's "<n>@lid" [source: readers of real stores, one checking the columns Z_PK, ZFULLNAME,
 * ZGIVENNAME, ZBUSINESSNAME, ZLID, ZPHONENUMBER, ZWHATSAPPID before reading, index rows by it as a
 * whole lid jid]). A row without a WhatsApp id is an address-book entry not on WhatsApp.
 * `ZBUSINESSNAME` (a business's own name, not the owner's) and the rest are not read as names.
 */

import type { Database } from 'sql.js';
import { columnsOf, companionRowPlace, hasTable, nonEmptyText, scanCompanionRows, selectExpressions } from '../sqlite/index.ts';
import { phoneJidOfNumber } from './ios-lid-accounts.ts';
import type { LidPair } from './ios-lid-accounts.ts';

export const ADDRESS_BOOK_TABLE = 'ZWAADDRESSBOOKCONTACT';

/** The name given for a jid and the rows that give it. */
export interface CompanionName {
  name: string;
  places: string[];
}

/**
 * Names from a companion by jid. One jid given two different names (the person saved twice under
 * different names) gets neither: which one the owner used cannot be told.
 */
export class CompanionNames {
  private readonly names = new Map<string, CompanionName>();
  readonly conflicting = new Set<string>();

  get size(): number {
    return this.names.size;
  }

  get(jid: string): CompanionName | undefined {
    return this.names.get(jid);
  }

  set(jid: string, name: string, place: string): void {
    if (this.conflicting.has(jid)) return;
    const known = this.names.get(jid);
    if (known === undefined) this.names.set(jid, { name, places: [place] });
    else if (known.name === name) known.places.push(place);
    else {
      this.names.delete(jid);
      this.conflicting.add(jid);
    }
  }
}

export interface AddressBook {
  names: CompanionNames;
  /** lid → phone pairs (ZLID beside ZWHATSAPPID). */
  pairs: LidPair[];
  rows: number;
  /** Rows with a WhatsApp id or lid that is neither a phone jid, a number nor a lid: kept out. */
  idsNotRead: number;
}

/** Reads the address book of the open `ContactsV2.sqlite` called `file` (a row is named by its rowid, or by its primary key in a table without rowids); null (with a warning) when its table cannot be. */
export function readAddressBook(db: Database, file: string, warn: (message: string) => void): AddressBook | null {
  if (!hasTable(db, ADDRESS_BOOK_TABLE)) return null;
  const columns = columnsOf(db, ADDRESS_BOOK_TABLE);
  const names = (columns.has('zwhatsappid') || columns.has('zlid')) && (columns.has('zfullname') || columns.has('zgivenname'));
  const pairs = columns.has('zwhatsappid') && columns.has('zlid');
  if (!names && !pairs) {
    warn(`${file}: ${ADDRESS_BOOK_TABLE} has neither a WhatsApp id with a name nor a lid with a phone (columns: ${[...columns].join(', ')}); names and numbers were not read from it`);
    return null;
  }
  const book: AddressBook = { names: new CompanionNames(), pairs: [], rows: 0, idsNotRead: 0 };
  const select = selectExpressions(columns, 't', ['ZWHATSAPPID', 'ZLID', 'ZFULLNAME', 'ZGIVENNAME']);
  for (const row of scanCompanionRows(db, { table: ADDRESS_BOOK_TABLE, select }, (message) => warn(`${file}: ${ADDRESS_BOOK_TABLE}: ${message}`))) {
    book.rows += 1;
    const place = `${file}:${ADDRESS_BOOK_TABLE}${companionRowPlace(row)}`;
    const storedId = nonEmptyText(row['zwhatsappid']);
    const storedLid = nonEmptyText(row['zlid']);
    const phoneJid = storedId === null ? null : phoneJidOfNumber(storedId);
    const lid = storedLid !== null && storedLid.endsWith('@lid') ? storedLid : null;
    if ((storedId !== null && phoneJid === null) || (storedLid !== null && lid === null)) book.idsNotRead += 1;
    const name = nonEmptyText(row['zfullname'])?.trim() || nonEmptyText(row['zgivenname'])?.trim() || null;
    if (name !== null) {
      if (phoneJid !== null) book.names.set(phoneJid, name, place);
      if (lid !== null) book.names.set(lid, name, place);
    }
    if (lid !== null && phoneJid !== null) book.pairs.push({ lid, phoneJid, place });
  }
  return book;
}
