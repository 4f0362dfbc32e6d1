/**
 * Names for jids. msgstore.db holds no contact names; `wa.db` beside it (`wa_contacts`: the
 * address-book name `display_name` and the name people gave themselves, `wa_name`) does. It is a
 * separate evidence file, read as bytes like the main one and never written.
 */

import type { Database } from 'sql.js';
import { AppError } from '../../../shared/errors.ts';
import { columnsOf, hasTable, nonEmptyText, openBytes, scanRows, selectExpressions } from '../sqlite/index.ts';
import { phoneFromJid } from './jids.ts';

export interface ContactName {
  /** Name in the phone's address book. */
  displayName: string | null;
  /** Name the person set in WhatsApp ("push name"). */
  waName: string | null;
}

export class ContactBook {
  private readonly names = new Map<string, ContactName>();
  source: string | null = null;

  get size(): number {
    return this.names.size;
  }

  set(jid: string, name: ContactName): void {
    if (name.displayName !== null || name.waName !== null) this.names.set(jid, name);
  }

  /** The best name for a jid: address book, then WhatsApp push name. */
  nameOf(jid: string | null): string | null {
    if (jid === null) return null;
    const name = this.names.get(jid);
    return name?.displayName ?? name?.waName ?? null;
  }

  /** A label for a person: their name, else their phone number, else the jid itself. */
  labelOf(jid: string | null): string | null {
    return this.nameOf(jid) ?? phoneFromJid(jid) ?? jid;
  }
}

/** Reads `wa_contacts` from the bytes of a wa.db; warns and returns nothing when they cannot be read. */
export async function readWaContacts(bytes: Uint8Array, name: string, book: ContactBook, warn: (message: string) => void): Promise<void> {
  let db: Database;
  try {
    db = await openBytes(bytes, name);
  } catch (error) {
    warn(error instanceof AppError ? error.message : `${name} cannot be read: ${String(error)}`);
    return;
  }
  try {
    if (!hasTable(db, 'wa_contacts')) {
      warn(`${name} has no wa_contacts table; contact names are not available`);
      return;
    }
    const select = selectExpressions(columnsOf(db, 'wa_contacts'), 't', ['jid', 'display_name', 'wa_name']);
    for (const row of scanRows(db, { table: 'wa_contacts', select }, (message) => warn(`${name}: wa_contacts: ${message}`))) {
      const jid = nonEmptyText(row['jid']);
      if (jid !== null) book.set(jid, { displayName: nonEmptyText(row['display_name']), waName: nonEmptyText(row['wa_name']) });
    }
    book.source = name;
  } finally {
    db.close();
  }
}
