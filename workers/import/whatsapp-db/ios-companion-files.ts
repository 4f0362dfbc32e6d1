/**
 * The databases WhatsApp keeps beside ChatStorage.sqlite in its app group folder
 * (`…/Shared/AppGroup/<UUID>/`, where iLEAPP's WhatsApp artifacts look for ChatStorage.sqlite,
 * ContactsV2.sqlite and CallHistory.sqlite alike), found among the files near the source by their
 * tables, whatever they are called: an iTunes backup names every file by a hash. Each is read as
 * bytes (with its -wal) like the chat database, never written. They are optional: none found is
 * nothing; one that cannot be read is named in a warning and the import goes on without it.
 */

import { createHash } from 'node:crypto';
import type { NearbyFile, ParserInput } from '../../../shared/contracts/parsed-source.ts';
import { AppError, isCancellation } from '../../../shared/errors.ts';
import type { EvidenceDatabase } from '../sqlite/index.ts';
import { baseName, databaseIdentifyingBytes, isNearbyDatabaseOfKind, openEvidenceDatabase, tableNamesFromBytes } from '../sqlite/index.ts';
import { ADDRESS_BOOK_TABLE } from './ios-address-book.ts';
import { LID_ACCOUNT_TABLE } from './ios-lid-accounts.ts';
import { withNamesReached } from './reached-by-name.ts';

/** What a companion is, told by one table only it has. */
export interface IosCompanionRole {
  /** Its name on the phone: only ever used to warn when a file of that name is not one. */
  usualName: string;
  /** The table that says what it is (upper-case, as Core Data names it). */
  table: string;
  /** "WhatsApp address book", for messages. */
  what: string;
}

/** A companion chosen for a ChatStorage.sqlite, open for reading. */
export interface OpenIosCompanion {
  /** How it is named in details and places: its name beside the source, its path otherwise. */
  name: string;
  found: 'in the same folder' | 'in the same import';
  /** SHA-256 of its bytes (the main file): it is evidence that was read. */
  sha256: string;
  evidence: EvidenceDatabase;
}

/** ContactsV2.sqlite (ios-address-book.ts) and LID.sqlite (ios-lid-accounts.ts), by the table each is told by. */
export const IOS_ADDRESS_BOOK: IosCompanionRole = { usualName: 'ContactsV2.sqlite', table: ADDRESS_BOOK_TABLE, what: 'WhatsApp address book' };
export const IOS_LID_TABLE: IosCompanionRole = { usualName: 'LID.sqlite', table: LID_ACCOUNT_TABLE, what: 'WhatsApp lid table' };

/**
 * The companion roles a database's (lower-cased) table names say it has, for format detection: a
 * chat database (ZWAMESSAGE) is a source of its own, never a companion.
 */
export function iosCompanionRolesOf(tables: ReadonlySet<string>): IosCompanionRole[] {
  if (tables.has('zwamessage')) return [];
  return [IOS_ADDRESS_BOOK, IOS_LID_TABLE].filter((role) => tables.has(role.table.toLowerCase()));
}

const PLACES: Record<NearbyFile['relation'], string> = { 'same-folder': 'beside it', 'same-import': 'in the same import' };

/** The tables of each nearby file, read once for all the roles asked about. */
export class NearbyTables {
  private readonly tables = new Map<NearbyFile, Promise<Set<string>>>();
  private files: Promise<NearbyFile[]> | null = null;

  /** `throwIfCancelled` is asked before each file is looked at: an iTunes backup offers every file of the phone. */
  constructor(
    private readonly input: ParserInput,
    readonly throwIfCancelled: () => void,
  ) {}

  nearby(): Promise<NearbyFile[]> {
    this.files ??= this.input.nearby();
    return this.files;
  }

  /**
   * Adds the files beside the source reached by `names` that are not among those offered, before
   * them (reached-by-name.ts): for a folder that was not looked at whole.
   */
  async reachByNames(names: readonly string[], warn: (place: string, message: string) => void): Promise<void> {
    const reached = withNamesReached(this.input, await this.nearby(), names, warn);
    this.files = reached;
    await reached;
  }

  /** Lower-cased table names of `file`; empty when it is no readable SQLite database. */
  of(file: NearbyFile): Promise<Set<string>> {
    let known = this.tables.get(file);
    if (known === undefined) {
      known = databaseIdentifyingBytes(file).then((bytes) => (bytes === null ? new Set<string>() : tableNamesFromBytes(bytes)?.tables ?? new Set<string>()));
      this.tables.set(file, known);
    }
    return known;
  }
}

/**
 * Finds and opens the companion of `role` for the ChatStorage.sqlite `input`: beside it first, else
 * elsewhere in the same import. Copies with the same bytes count once. Facts from another phone
 * would be put on the wrong people, so none is used when that could be: different ones at the same
 * distance, or one elsewhere in the import that also holds another WhatsApp chat database. A file
 * with the role's usual name beside it that is not one is named in a warning, since an examiner
 * would expect it to be read.
 *
 * `gap` names the folder beside it that was not looked at whole (nearbyUnlisted), or is null. Then
 * the files of it that were offered, and those reached by their usual names (NearbyTables
 * reachByNames), are looked at: the one found is read, and a warning names the folder and says
 * another may be among the files not looked at. None is then taken from elsewhere in the import:
 * an unseen one beside it would come first.
 */
export async function openIosCompanion(input: ParserInput, tables: NearbyTables, role: IosCompanionRole, gap: string | null, warn: (place: string, message: string) => void): Promise<OpenIosCompanion | null> {
  let chosen: { file: NearbyFile; sha256: string } | null;
  try {
    chosen = await chooseCompanion(input, tables, role, gap, warn);
  } catch (error) {
    if (isCancellation(error)) throw error;
    // A nearby file that cannot be read is no reason to fail the chat database: it is named, and skipped.
    warn(input.displayName, `the ${role.what} was not looked for to the end: a file near it could not be read (${error instanceof Error ? error.message : String(error)})`);
    return null;
  }
  if (chosen === null) return null;
  const name = companionName(chosen.file);
  try {
    const evidence = await openEvidenceDatabase(chosen.file.input, (warning) => warn(warning.place, warning.message));
    return { name, found: chosen.file.relation === 'same-folder' ? 'in the same folder' : 'in the same import', sha256: chosen.sha256, evidence };
  } catch (error) {
    warn(name, `${error instanceof AppError ? error.message : `${name} cannot be read: ${String(error)}`}; the ${role.what} was not read`);
    return null;
  }
}

async function chooseCompanion(input: ParserInput, tables: NearbyTables, role: IosCompanionRole, gap: string | null, warn: (place: string, message: string) => void): Promise<{ file: NearbyFile; sha256: string } | null> {
  const nearby = await tables.nearby();
  for (const relation of ['same-folder', 'same-import'] as const) {
    const found = new Map<string, NearbyFile>();
    for (const file of nearby.filter((candidate) => candidate.relation === relation)) {
      tables.throwIfCancelled();
      if (!iosCompanionRolesOf(await tables.of(file)).includes(role)) continue;
      const sha256 = createHash('sha256').update(await file.input.readAll()).digest('hex');
      if (!found.has(sha256)) found.set(sha256, file);
    }
    const [only, ...others] = [...found].map(([sha256, file]) => ({ sha256, file }));
    if (only === undefined) {
      if (gap === null) continue;
      // One beside it is read before any other: an unseen one may be it.
      warn(input.displayName, `the files beside it were not all looked at for its ${role.what} (${gap}), and no ${role.what} was found among those that were, nor as ${role.usualName}: one not looked at may be it, so none elsewhere in the import was used and it was not read`);
      break;
    }
    if (others.length > 0) {
      const names = [only, ...others].map((candidate) => companionName(candidate.file)).join(', ');
      warn(input.displayName, `${found.size} different ${role.what} databases ${PLACES[relation]} (${names}): they may come from different phones, so none was read; import the ChatStorage.sqlite with only its own one`);
      return null;
    }
    if (relation === 'same-folder') {
      if (gap !== null) warn(input.displayName, `the files beside it were not all looked at for its ${role.what} (${gap}): it was read from ${companionName(only.file)}, the only one found beside it, but another one may be among the files not looked at`);
      return only;
    }
    const rival = await otherChatDatabase(nearby, tables.throwIfCancelled);
    if (rival === null) return only;
    warn(input.displayName, `the ${role.what} ${companionName(only.file)} in the same import was not read: the import also holds the WhatsApp chat database ${companionName(rival)}, whose phone it may come from; keep each ChatStorage.sqlite in its own app group folder`);
    return null;
  }
  const named = nearby.find((file) => file.relation === 'same-folder' && baseName(file.input.displayName) === role.usualName);
  if (named !== undefined) warn(companionName(named), `${companionName(named)} beside ${input.displayName} is not a ${role.what} database (no ${role.table} table in a readable SQLite file); it was not read`);
  return null;
}

/** Another WhatsApp chat database (ChatStorage.sqlite) elsewhere in the import, or null. */
async function otherChatDatabase(nearby: readonly NearbyFile[], throwIfCancelled: () => void): Promise<NearbyFile | null> {
  for (const file of nearby) {
    throwIfCancelled();
    if (file.relation === 'same-import' && (await isNearbyDatabaseOfKind(file, 'whatsapp-ios'))) return file;
  }
  return null;
}

function companionName(file: NearbyFile): string {
  return file.relation === 'same-folder' ? baseName(file.input.displayName) : file.input.path;
}
