import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { DetectedFormat } from '../../shared/contracts/import-worker.ts';
import type { NearbyFile, NearbyGap } from '../../shared/contracts/parsed-source.ts';
import { CSV_DECLARED_ENCODINGS, csvTableColumns, holdsMappedColumns, MAPPED_ROLES, sniffCsvColumns, validateCsvMapping } from './csv/index.ts';
import type { CsvMapping } from './csv/index.ts';
import { PARSERS, SQLITE_PARSERS } from './parsers.ts';
import { signalExportCompanion } from './signal/companions.ts';
import { telegramExportCompanion } from './telegram/index.ts';
import { iosCompanionRolesOf } from './whatsapp-db/index.ts';
import { databaseIdentifyingBytes, describeHeaderDamage, identifySqliteSource, isNearbyDatabaseOfKind, MAX_EVIDENCE_DATABASE_BYTES, replayWal, sniffSqlite, tableNamesFromBytes } from './sqlite/index.ts';
import type { SqliteSourceKind } from './sqlite/index.ts';
import { fileInput, importedFiles, nearbyFiles, nearbyListing, readHead } from './file-input.ts';
import { describeUnreadableText } from './unreadable-content.ts';
import { describeZip, sniffZip, ZIP_FORMAT } from './zip/zip-source.ts';

const SNIFF_BYTES = 64 * 1024;

export interface Detection {
  format: DetectedFormat | null;
  reason: string;
  /** Set when the file only serves another source (a -wal or -journal file, a contacts database). */
  companionOf?: string;
}

const COMPANION_SUFFIXES = ['-wal', '-shm', '-journal'];

/** Reads the head of a file (read-only) and asks each importer whether it recognises the content. */
export async function detectFormat(path: string, csvMapping?: Record<string, unknown>, importedWith: readonly string[] = []): Promise<Detection> {
  const name = basename(path);
  const suffix = COMPANION_SUFFIXES.find((candidate) => name.endsWith(candidate));
  if (suffix !== undefined && existsSync(path.slice(0, -suffix.length))) {
    return { format: null, companionOf: name.slice(0, -suffix.length), reason: `SQLite ${suffix.slice(1)} file of ${name.slice(0, -suffix.length)}: read together with it` };
  }
  const head = readHead(path, SNIFF_BYTES);
  // An empty main file with a log beside it is a database whose pages are all still in the log.
  const walOnly = head.byteLength === 0 && existsSync(`${path}-wal`);
  if (head.byteLength === 0 && !walOnly) return { format: null, reason: 'the file is empty' };
  if (sniffSqlite(head) || walOnly) return tooBigToRead(path, head) ?? detectSqlite(path, importedWith);
  if (sniffZip(head)) {
    const zip = await describeZip(path, PARSERS).catch((error: unknown) => ({ error: error instanceof Error ? error.message : String(error) }));
    if ('error' in zip) return { format: null, reason: zip.error };
    if (zip.formats.length === 0) return { format: null, reason: zip.explanation };
    return { format: ZIP_FORMAT, reason: `a zip holding ${zip.formats.join(', ')}` };
  }
  // Before the parsers sniff: signal-export's HTML and JSON copies of a chat are not sources.
  const signalCompanion = await signalExportCompanion(fileInput(path, statSync(path).size, importedWith), head);
  if (signalCompanion !== null) return { format: null, ...signalCompanion };
  // Telegram's overview and list pages, and the HTML copy of chats an "HTML and JSON" export also wrote as JSON.
  const telegramCompanion = telegramExportCompanion(path, head, importedWith);
  if (telegramCompanion !== null) return { format: null, ...telegramCompanion };
  const parser = PARSERS.find((candidate) => candidate.sniff(head, basename(path)));
  if (parser !== undefined) return { format: parser.format, reason: `content recognised as ${parser.format}` };
  // The text check refuses UTF-16 for every other format; the CSV reader reads it when it carries its
  // byte order mark (Excel's "Unicode text"), so with a mapping such a file is asked about as CSV first.
  // Anything else unreadable (encrypted, binary) is refused before a mapping by column numbers could fit it.
  const csv = csvMapping === undefined ? null : detectCsv(head, csvMapping);
  if (csv?.format === 'csv' && hasUtf16Mark(head)) return csv;
  const unreadable = describeUnreadableText(head);
  if (unreadable !== null) return { format: null, reason: unreadable };
  if (csv?.format === 'csv') return csv;
  const noFormat = `the content matches no supported export format (supported: ${PARSERS.map((candidate) => candidate.format).join(', ')})`;
  if (csv !== null) return { format: null, reason: `${noFormat}, and it is ${csv.reason}` };
  const table = csvTableColumns(head);
  if (table === null) return { format: null, reason: noFormat };
  return { format: null, reason: `${noFormat}; it looks like a CSV table with the columns ${table.join(', ')}: CSV is imported with a mapping of its columns (--csv-map in the command line, "CSV column mapping" in the import panel)` };
}

/** CSV is never guessed: with a mapping, a file whose header holds the mapped columns is read as CSV. */
function hasUtf16Mark(head: Uint8Array): boolean {
  return (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
}

function detectCsv(head: Uint8Array, mapping: Record<string, unknown>): Detection {
  const delimiter = typeof mapping['delimiter'] === 'string' ? mapping['delimiter'] : undefined;
  const encoding = CSV_DECLARED_ENCODINGS.find((known) => known === mapping['encoding']);
  // The header row as the import finds it (below a report's title lines), by the mapping's columns.
  const valid = validMappingOrUndefined(mapping);
  const columns = sniffCsvColumns(head, delimiter, encoding, valid);
  const wanted = MAPPED_ROLES.map((key) => mapping[key]).filter((value): value is string => typeof value === 'string');
  const missing = wanted.filter((name) => !columns.includes(name));
  const holds = valid === undefined ? missing.length === 0 : holdsMappedColumns(columns, valid);
  if (columns.length === 0 || !holds) return { format: null, reason: `not a CSV with the mapped columns (missing: ${missing.join(', ') || 'a header row'})` };
  return { format: 'csv', reason: `CSV with the columns ${wanted.join(', ')}` };
}

/** The mapping when it is valid (import.detect checks it with the schema); undefined for one given unchecked. */
function validMappingOrUndefined(mapping: Record<string, unknown>): CsvMapping | undefined {
  try {
    return validateCsvMapping(mapping);
  } catch {
    return undefined;
  }
}

/**
 * A database larger than the importers can hold in memory is refused here, by its size, rather
 * than read whole to find its tables: past 2 GiB that read throws (a heavy user's msgstore.db or
 * ChatStorage.sqlite), and below it would cost gigabytes for a file the import then refuses.
 */
function tooBigToRead(path: string, head: Uint8Array): Detection | null {
  const size = statSync(path).size;
  if (size <= MAX_EVIDENCE_DATABASE_BYTES) return null;
  const kind = identifySqliteSource(head);
  return { format: null, reason: `a SQLite database${kind === null ? '' : ` (${kind}, from its first pages)`} of ${size} bytes, more than the ${MAX_EVIDENCE_DATABASE_BYTES} bytes a database can be read in memory` };
}

/**
 * SQLite schemas can lie beyond the head, so phone databases are identified from the whole file,
 * read as the importer will read it: with the -wal beside it replayed in memory.
 */
async function detectSqlite(path: string, importedWith: readonly string[]): Promise<Detection> {
  const main = new Uint8Array(readFileSync(path, { flag: 'r' }));
  const { bytes, walNote } = withWalReplayed(path, main);
  const detection = await detectSqliteBytes(path, bytes, importedWith);
  if (walNote !== '') return { ...detection, reason: `${detection.reason}; ${walNote}` };
  const walName = `${basename(path)}-wal`;
  // Said when only the log shows what the database is: the main file alone would be refused.
  if (detection.format !== null && bytes !== main && identifySqliteSource(main) === null) {
    return { ...detection, reason: `${detection.reason} (its tables are in its write-ahead log ${walName}, replayed in memory)` };
  }
  return detection;
}

async function detectSqliteBytes(path: string, bytes: Uint8Array, importedWith: readonly string[]): Promise<Detection> {
  if (bytes.byteLength === 0) return { format: null, reason: 'the file is empty' };
  const kind = identifySqliteSource(bytes);
  if (kind === null) {
    const damage = describeHeaderDamage(bytes);
    if (damage !== null) return { format: null, reason: `a damaged SQLite database: ${damage}` };
    const schema = tableNamesFromBytes(bytes);
    if (schema === null) return { format: null, reason: 'a damaged SQLite database: its header is intact but its schema (page 1) cannot be read, so the pages after the header are corrupt' };
    // ContactsV2.sqlite, LID.sqlite: read by the ChatStorage.sqlite beside them (whatsapp-db/ios-companions.ts).
    const roles = iosCompanionRolesOf(schema.tables);
    if (roles.length > 0) {
      const what = `${roles.map((role) => `a ${role.what} (a ${role.table} table, as in ${role.usualName})`).join(' and ')}: it holds names and numbers, not messages`;
      return detectCompanionDatabase(path, importedWith, what, IOS_CHAT_DATABASE, roles.map((role) => role.what), iosCompanionRoleNames);
    }
  }
  if (kind === 'whatsapp-contacts') return detectCompanionDatabase(path, importedWith, 'a WhatsApp contacts database (a wa_contacts table, as in wa.db): it holds contact names, not messages', ANDROID_MESSAGE_DATABASE, [ANDROID_CONTACTS_ROLE], androidContactsRoleNames);
  const parser = kind === null ? undefined : SQLITE_PARSERS[kind];
  if (parser === undefined) return { format: null, reason: 'a SQLite database, but not one of the phone databases Threadline reads (Android mmssms.db, iOS sms.db, WhatsApp msgstore.db or ChatStorage.sqlite, a decrypted Signal Desktop db.sqlite, Google Messages bugle_db, a Signal Android database decrypted by signalbackup-tools)' };
  return { format: parser.format, reason: `a ${kind} database` };
}

/**
 * The main bytes with the committed frames of `<path>-wal` applied to a copy (wal-replay.ts, as
 * openEvidenceDatabase does; nothing is written). A log that cannot be used leaves the main bytes,
 * and `walNote` says why; an empty log (fully checkpointed) is normal and says nothing.
 */
function withWalReplayed(path: string, main: Uint8Array): { bytes: Uint8Array; walNote: string } {
  const walPath = `${path}-wal`;
  if (!existsSync(walPath)) return { bytes: main, walNote: '' };
  const notApplied = (why: string): { bytes: Uint8Array; walNote: string } => ({ bytes: main, walNote: `its write-ahead log ${basename(walPath)} was not applied: ${why}` });
  // Refused by its size before any read, as the main file is (tooBigToRead).
  const size = statSync(walPath).size;
  if (size > MAX_EVIDENCE_DATABASE_BYTES) return notApplied(`${size} bytes, more than the ${MAX_EVIDENCE_DATABASE_BYTES} bytes a database can be read in memory`);
  try {
    const replay = replayWal(main, new Uint8Array(readFileSync(walPath, { flag: 'r' })));
    const why = replay.facts.walBytes > 0 ? replay.facts.rejectedBecause : undefined;
    return why === undefined ? { bytes: replay.bytes, walNote: '' } : notApplied(why);
  } catch (error) {
    // A hostile log can claim a database too big to hold; detection must still answer.
    return notApplied(error instanceof Error ? error.message : String(error));
  }
}

/** The WhatsApp database that reads a companion: its kind, what it is called in reasons, its usual file name. */
interface CompanionOwner {
  kind: SqliteSourceKind;
  label: string;
  plural: string;
  usualName: string;
  /** What it reads of the companion. */
  reads: string;
  /**
   * The names by which its parser still reaches a companion beside it when their folder was not
   * looked at whole (whatsapp-db/reached-by-name.ts: contacts.ts reads wa.db, ios-companions.ts
   * ContactsV2.sqlite and LID.sqlite, or one of the import, beside it then).
   */
  reachesBesideUnlisted: readonly string[];
}
const ANDROID_MESSAGE_DATABASE: CompanionOwner = { kind: 'whatsapp-android', label: 'WhatsApp message database', plural: 'WhatsApp message databases', usualName: 'msgstore.db', reads: 'its names', reachesBesideUnlisted: ['wa.db'] };
const IOS_CHAT_DATABASE: CompanionOwner = { kind: 'whatsapp-ios', label: 'WhatsApp chat database', plural: 'WhatsApp chat databases', usualName: 'ChatStorage.sqlite', reads: 'its names and numbers', reachesBesideUnlisted: ['ContactsV2.sqlite', 'LID.sqlite'] };

/**
 * A WhatsApp contacts database (wa.db on the phone, whatever its name here; on iOS ContactsV2.sqlite
 * and LID.sqlite) holds names, not messages. It is a companion when the WhatsApp database that will
 * read it is beside it, or is the only one elsewhere in the import (found by content, as that
 * parser finds it: whatsapp-db/contacts.ts, whatsapp-db/ios-companion-files.ts); it is refused,
 * with the reason, otherwise.
 */
async function detectCompanionDatabase(path: string, importedWith: readonly string[], what: string, reader: CompanionOwner, roles: readonly string[], rolesOf: CompanionRolesOf): Promise<Detection> {
  const owners: NearbyFile[] = [];
  const listing = nearbyListing(path, importedWith);
  // Files beside it come first: the first one found there settles it.
  for (const file of listing.files) {
    if (!(await isNearbyDatabaseOfKind(file, reader.kind))) continue;
    owners.push(file);
    if (file.relation === 'same-folder' || owners.length > 1) break;
  }
  const [owner, rival] = owners;
  const unlistedHere = describeUnlisted(listing.unlisted);
  if (owner === undefined) {
    if (unlistedHere !== null) return { format: null, reason: `${what}, and no ${reader.label} (${reader.usualName}) was found to read it with: none is in this import, and the files beside it were not all looked at (${unlistedHere}); import it together with its ${reader.usualName}` };
    return { format: null, reason: `${what}, and no ${reader.label} (${reader.usualName}) is beside it or in this import to read it with: import it together with its ${reader.usualName}` };
  }
  // When the files beside it were not all looked at, its parser reads no companion from elsewhere
  // (whatsapp-db/contacts.ts, ios-companions.ts), but still reads one beside it that it reaches.
  const unlistedThere = describeUnlisted(nearbyListing(owner.input.path, []).unlisted);
  const ownerName = owner.relation === 'same-folder' ? owner.input.displayName : owner.input.path;
  const reachedBeside = owner.relation === 'same-folder' && (reader.reachesBesideUnlisted.includes(basename(path)) || importedWith.some((other) => resolve(other) === resolve(path)));
  if (unlistedThere !== null && !reachedBeside) {
    return { format: null, reason: `${what}, but the ${reader.label} ${ownerName} reads none: the files beside it were not all looked at (${unlistedThere}), and one not looked at may be the one it would read` };
  }
  if (rival !== undefined) {
    return { format: null, reason: `${what}, and this import holds several ${reader.plural} (${owner.input.path}, ${rival.input.path}) but none beside it, so it is not known whose names these are: put it beside its own ${reader.usualName}` };
  }
  const instead = await readInstead(path, owner, roles, rolesOf, importedWith, reader.reachesBesideUnlisted);
  if (owner.relation === 'same-folder') {
    if (instead !== null) return { format: null, reason: `${what}, but another ${instead.role} with other bytes is beside it too (${instead.file.input.displayName}): the ${reader.label} ${owner.input.displayName} beside them reads neither, since they may come from different phones` };
    return { format: null, companionOf: owner.input.displayName, reason: `${what}; ${reader.reads} are read with the ${reader.label} ${owner.input.displayName} beside it` };
  }
  if (instead !== null) return { format: null, reason: `${what}, but the ${reader.label} ${owner.input.path} in this import reads the ${instead.role} beside it (${instead.file.input.path}), not this one: import it with its own ${reader.usualName}` };
  return { format: null, companionOf: owner.input.path, reason: `${what}; ${reader.reads} are read with the ${reader.label} ${owner.input.path} in this import` };
}

/** The folders of a listing whose files were not all offered, and why; null when none. */
function describeUnlisted(unlisted: readonly NearbyGap[]): string | null {
  const beside = unlisted.filter((gap) => gap.relation === 'same-folder');
  return beside.length === 0 ? null : beside.map((gap) => `${gap.folder}: ${gap.reason}`).join('; ');
}

/** The companion roles (by name, as reasons give them) a nearby database has. */
type CompanionRolesOf = (file: NearbyFile) => Promise<string[]>;

const ANDROID_CONTACTS_ROLE = 'WhatsApp contacts database';

async function androidContactsRoleNames(file: NearbyFile): Promise<string[]> {
  return (await isNearbyDatabaseOfKind(file, 'whatsapp-contacts')) ? [ANDROID_CONTACTS_ROLE] : [];
}

async function iosCompanionRoleNames(file: NearbyFile): Promise<string[]> {
  const bytes = await databaseIdentifyingBytes(file);
  const tables = bytes === null ? null : tableNamesFromBytes(bytes)?.tables;
  return tables === undefined || tables === null ? [] : iosCompanionRolesOf(tables).map((role) => role.what);
}

/**
 * A file beside `owner` that its parser reads, for every role of the companion at `path`, instead
 * of it: the parsers take a companion beside them first, and of two with different bytes at the
 * same distance neither (whatsapp-db/contacts.ts, whatsapp-db/ios-companion-files.ts). Such a
 * companion is not read, so it must not be said to be. A copy with the same bytes is read as it.
 */
async function readInstead(path: string, owner: NearbyFile, roles: readonly string[], rolesOf: CompanionRolesOf, importedWith: readonly string[], reachedNames: readonly string[]): Promise<{ role: string; file: NearbyFile } | null> {
  const own = resolve(path);
  // The files of the import beside it are offered to its parser even when the folder cannot be
  // listed, and those of its usual names are reached by name then; when it can, they are listed.
  const listed = nearbyFiles(owner.input.path, importedWith).filter((file) => file.relation === 'same-folder');
  const reachable = reachedNames.map((name) => join(dirname(owner.input.path), name)).filter((other) => !listed.some((file) => resolve(file.input.path) === resolve(other)));
  const beside = [...listed, ...importedFiles(reachable)].filter((file) => resolve(file.input.path) !== own);
  let ownSha256: string | null = null;
  let first: { role: string; file: NearbyFile } | null = null;
  for (const role of roles) {
    let found: NearbyFile | null = null;
    for (const file of beside) {
      if (!(await rolesOf(file)).includes(role)) continue;
      ownSha256 ??= sha256Of(readFileSync(path, { flag: 'r' }));
      if (sha256Of(await file.input.readAll()) === ownSha256) continue;
      found = file;
      break;
    }
    // A role no other file beside the owner has is read from this one.
    if (found === null) return null;
    first ??= { role, file: found };
  }
  return first;
}

function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

