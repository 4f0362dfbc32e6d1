/**
 * What ChatStorage.sqlite's companions add to it: address-book names from ContactsV2.sqlite
 * (ios-address-book.ts) and lid → phone pairs from it and from LID.sqlite (ios-lid-accounts.ts),
 * each found by its table near the source (ios-companion-files.ts). What was read, from which
 * file (its SHA-256, where it was found) goes into the source's details.
 */

import type { ParserInput } from '../../../shared/contracts/parsed-source.ts';
import { isCancellation } from '../../../shared/errors.ts';
import type { WarningCap } from '../sqlite/index.ts';
import { readAddressBook } from './ios-address-book.ts';
import type { CompanionNames } from './ios-address-book.ts';
import { IOS_ADDRESS_BOOK, IOS_LID_TABLE, NearbyTables, openIosCompanion } from './ios-companion-files.ts';
import type { OpenIosCompanion } from './ios-companion-files.ts';
import { readLidAccounts } from './ios-lid-accounts.ts';
import type { LidPair } from './ios-lid-accounts.ts';
import type { IosPeople } from './ios-people.ts';

export interface IosCompanionFacts {
  /** Address-book names by jid, or null without an address book. */
  names: CompanionNames | null;
  pairs: LidPair[];
  /** For the source's details: each companion read (or null), and what it gave. */
  details: Record<string, unknown>;
}

/** Finds, reads and closes the companions of the ChatStorage.sqlite `input`; warnings go under 'companions'. */
export async function readIosCompanions(input: ParserInput, warnings: WarningCap, throwIfCancelled: () => void): Promise<IosCompanionFacts> {
  const warn = (place: string, message: string): void => warnings.add('companions', place, message);
  const tables = new NearbyTables(input, throwIfCancelled);
  const facts: IosCompanionFacts = { names: null, pairs: [], details: { addressBook: null, lidTable: null } };
  try {
    await tables.nearby();
  } catch (error) {
    if (isCancellation(error)) throw error;
    // Companions are optional: files that cannot be listed leave the chat database read alone.
    warn(input.displayName, `the files near it could not be listed (${error instanceof Error ? error.message : String(error)}); no WhatsApp address book or lid table was looked for`);
    return facts;
  }
  // When the folder beside it was not looked at whole, the companions are still reached by their
  // usual names (a folder that cannot be listed still lets a file be opened), as wa.db is (contacts.ts).
  const unlisted = (await input.nearbyUnlisted()).filter((gap) => gap.relation === 'same-folder');
  const gap = unlisted.length === 0 ? null : unlisted.map((item) => `${item.folder}: ${item.reason}`).join('; ');
  if (gap !== null) await tables.reachByNames([IOS_ADDRESS_BOOK.usualName, IOS_LID_TABLE.usualName], warn);

  const book = await openIosCompanion(input, tables, IOS_ADDRESS_BOOK, gap, warn);
  if (book !== null) {
    withClosing(book, warn, () => {
      const read = readAddressBook(book.evidence.db, book.name, (message) => warn(book.name, message));
      if (read === null) return;
      facts.names = read.names;
      facts.pairs.push(...read.pairs);
      facts.details['addressBook'] = { ...fileFacts(book), rows: read.rows, names: read.names.size, lidPairs: read.pairs.length, nameConflicts: [...read.names.conflicting], idsNotRead: read.idsNotRead };
    });
  }

  const lids = await openIosCompanion(input, tables, IOS_LID_TABLE, gap, warn);
  if (lids !== null) {
    withClosing(lids, warn, () => {
      const read = readLidAccounts(lids.evidence.db, lids.name, (message) => warn(lids.name, message));
      if (read === null) return;
      facts.pairs.push(...read.pairs);
      facts.details['lidTable'] = { ...fileFacts(lids), rows: read.rows, lidPairs: read.pairs.length, rowsNotRead: read.rowsNotRead };
    });
  }
  return facts;
}

/** The companions read, and each name and phone shown because one of them gave it, with the rows that did. */
export function companionDetails(companions: IosCompanionFacts, people: IosPeople): Record<string, unknown> {
  return { companions: companions.details, namesFromCompanions: Object.fromEntries(people.namesUsed), phonesFromCompanions: Object.fromEntries(people.phonesUsed) };
}

function fileFacts(companion: OpenIosCompanion): Record<string, unknown> {
  return { file: companion.name, found: companion.found, sha256: companion.sha256, sqliteUserVersion: companion.evidence.facts.sqliteUserVersion, wal: companion.evidence.facts.wal !== null };
}

/** Runs `read` over an open companion and closes it; a companion that breaks the reader is named, never the import's end. */
function withClosing(companion: OpenIosCompanion, warn: (place: string, message: string) => void, read: () => void): void {
  try {
    read();
  } catch (error) {
    warn(companion.name, `${companion.name} could not be read to the end (${error instanceof Error ? error.message : String(error)}); what it gave before is used`);
  } finally {
    companion.evidence.close();
  }
}
