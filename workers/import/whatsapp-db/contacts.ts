/**
 * Names for jids. msgstore.db holds no contact names; WhatsApp's contacts database (`wa.db` on the
 * phone: `wa_contacts` with the address-book name `display_name` and the name people gave
 * themselves, `wa_name`) does. It is found among the files near the msgstore.db by its tables,
 * whatever it is called, and read as bytes (with its -wal) like the main one, never written.
 */

import { createHash } from 'node:crypto';
import type { Database } from 'sql.js';
import type { NearbyFile, ParserInput } from '../../../shared/contracts/parsed-source.ts';
import { baseName, columnsOf, hasTable, isNearbyDatabaseOfKind, nonEmptyText, scanCompanionRows, selectExpressions } from '../sqlite/index.ts';
import { phoneFromJid } from './jids.ts';
import { withNamesReached } from './reached-by-name.ts';

/** The name WhatsApp gives its contacts database on the phone; only ever a hint (see findContactsDatabase). */
export const WA_CONTACTS_NAME = 'wa.db';

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

/** Reads `wa_contacts` from an open contacts database into `book` (a table without rowids too: no record names its rows). */
export function readWaContacts(db: Database, name: string, book: ContactBook, warn: (message: string) => void): void {
  if (!hasTable(db, 'wa_contacts')) {
    warn(`${name} has no wa_contacts table; contact names are not available`);
    return;
  }
  const select = selectExpressions(columnsOf(db, 'wa_contacts'), 't', ['jid', 'display_name', 'wa_name']);
  for (const row of scanCompanionRows(db, { table: 'wa_contacts', select }, (message) => warn(`${name}: wa_contacts: ${message}`))) {
    const jid = nonEmptyText(row['jid']);
    if (jid !== null) book.set(jid, { displayName: nonEmptyText(row['display_name']), waName: nonEmptyText(row['wa_name']) });
  }
  book.source = name;
}

/** The contacts database chosen for a msgstore.db, and how it was found. */
export interface FoundContacts {
  file: NearbyFile;
  /** SHA-256 of its bytes (the main file), for the record: it is evidence that was read. */
  sha256: string;
}

const PLACES: Record<NearbyFile['relation'], string> = { 'same-folder': 'beside it', 'same-import': 'in the same import' };

/**
 * The WhatsApp contacts database (a `wa_contacts` table) for the msgstore.db `input`, found by
 * content among its nearby files: beside it first, else elsewhere in the same import. Copies with
 * the same bytes count once. Names from another phone would be put on the wrong people, so none
 * is used when that could be: when different ones lie at the same distance, or when the one found
 * elsewhere in the import has another WhatsApp message database beside it in the import; the
 * warning says which files. A file called wa.db beside it that is not a contacts database is
 * named in a warning too, since an examiner would expect its names.
 *
 * When the folder beside it was not looked at whole (nearbyUnlisted: it could not be listed, or
 * was cut at the cap), the files of it that were offered, and wa.db reached by its name (a folder
 * that cannot be listed may still let its files be opened), are still looked at: the one found
 * is read, and a warning names the folder and says another may be among the files not looked at.
 * None is then taken from elsewhere in the import: an unseen one beside it would come first.
 */
export async function findContactsDatabase(input: ParserInput, warn: (place: string, message: string) => void): Promise<FoundContacts | null> {
  const offered = await input.nearby();
  const unlisted = (await input.nearbyUnlisted()).filter((gap) => gap.relation === 'same-folder');
  const gap = unlisted.length === 0 ? null : unlisted.map((item) => `${item.folder}: ${item.reason}`).join('; ');
  const nearby = gap === null ? offered : await withNamesReached(input, offered, [WA_CONTACTS_NAME], warn);
  for (const relation of ['same-folder', 'same-import'] as const) {
    const found = new Map<string, NearbyFile>();
    for (const file of nearby.filter((candidate) => candidate.relation === relation)) {
      if (!(await isNearbyDatabaseOfKind(file, 'whatsapp-contacts'))) continue;
      const sha256 = createHash('sha256').update(await file.input.readAll()).digest('hex');
      if (!found.has(sha256)) found.set(sha256, file);
    }
    const [only, ...others] = [...found].map(([sha256, file]) => ({ sha256, file }));
    if (only !== undefined && others.length === 0) {
      if (relation === 'same-folder') {
        if (gap !== null) warn(input.displayName, `the files beside it were not all looked at for its WhatsApp contacts database (${gap}): names were read from ${nameOf(only.file)}, the only one found beside it, but another one may be among the files not looked at`);
        return only;
      }
      // Elsewhere in the import it may be another phone's: not when another message database is there too.
      const rival = await firstOtherMessageDatabase(nearby);
      if (rival === null) return only;
      warn(input.displayName, `the WhatsApp contacts database ${nameOf(only.file)} in the same import was not used: the import also holds the WhatsApp message database ${nameOf(rival)}, whose phone it may come from; put each msgstore.db beside its own contacts database`);
      return null;
    }
    if (only !== undefined) {
      const names = [only, ...others].map((candidate) => nameOf(candidate.file)).join(', ');
      warn(input.displayName, `${found.size} different WhatsApp contacts databases ${PLACES[relation]} (${names}): they may come from different phones, so contact names were not read from any; import the msgstore.db with only its own one`);
      return null;
    }
    if (gap !== null) {
      // One beside it is read before any other: an unseen one may be it.
      warn(input.displayName, `the files beside it were not all looked at for its WhatsApp contacts database (${gap}), and none was found among those that were, nor as ${WA_CONTACTS_NAME}: one not looked at may be it, so none elsewhere in the import was used and contact names were not read`);
      break;
    }
  }
  const named = nearby.find((file) => file.relation === 'same-folder' && baseName(file.input.displayName) === WA_CONTACTS_NAME);
  if (named !== undefined) warn(nameOf(named), `${nameOf(named)} beside ${input.displayName} is not a WhatsApp contacts database (no wa_contacts table in a readable SQLite file); contact names are not available`);
  return null;
}

/** Another WhatsApp message database elsewhere in the import, or null. */
async function firstOtherMessageDatabase(nearby: readonly NearbyFile[]): Promise<NearbyFile | null> {
  for (const file of nearby) {
    if (file.relation === 'same-import' && (await isNearbyDatabaseOfKind(file, 'whatsapp-android'))) return file;
  }
  return null;
}

/** How a contacts database is named in details and warnings: its name beside the source, its path otherwise. */
export function nameOf(file: NearbyFile): string {
  return file.relation === 'same-folder' ? baseName(file.input.displayName) : file.input.path;
}
