import type { NearbyFile, ParserInput, ParseOutcome, SourceParser } from '../../../shared/contracts/parsed-source.ts';
import { importedFiles } from '../file-input.ts';
import { databaseIdentifyingBytes, identifySqliteSource, MAX_EVIDENCE_DATABASE_BYTES, sniffSqlite } from '../sqlite/index.ts';
import { AppError } from '../../../shared/errors.ts';
import { digestStream, zipFiles } from '../source-files.ts';
import type { RecordWriter } from '../record-writer.ts';
import { describeUnreadableEntry } from '../unreadable-content.ts';
import { companionByHead, setAsideChatPagesWithJson } from './export-companions.ts';
import { entriesAttachedByManifest, isRsmfManifestEntry } from './manifest-attachments.ts';
import type { CompanionEntry } from './export-companions.ts';
import type { SplitDownloadParts } from './split-parts.ts';
import { ZipArchive } from './zip-archive.ts';
import type { ZipEntryInfo } from './zip-archive.ts';
import { sniffZip } from '../../../shared/formats/zip-magic.ts';

export const ZIP_FORMAT = 'zip';
const SNIFF_BYTES = 64 * 1024;
/**
 * Smaller entries are not looked at: no export or image fits in fewer bytes (the smallest, a GIF,
 * takes 26), and opening thousands of tiny entries one by one is what a flood attack wants.
 */
const MIN_EXPORT_BYTES = 16;
/** Entries looked at when deciding what a zip holds; media-heavy exports have thousands. */
const MAX_ENTRIES_SNIFFED = 20_000;

export { sniffZip } from '../../../shared/formats/zip-magic.ts';

export interface RecognisedEntry {
  entry: ZipEntryInfo;
  parser: SourceParser;
}

/** What looking inside a zip found: the exports, and why anything else could not be looked at. */
export interface ZipSurvey {
  recognised: RecognisedEntry[];
  /**
   * Entries whose bytes could not be read (a bomb, a size the headers lie about), or whose bytes
   * say why no importer can read them (UTF-16 text, ciphertext), with the reason.
   */
  unreadable: { name: string; reason: string }[];
  /** Entries that are zips themselves: nested archives are not opened (a recursion bomb costs nothing then). */
  nested: string[];
  /** Entries beyond MAX_ENTRIES_SNIFFED that were not looked at. */
  notLookedAt: number;
  /**
   * WhatsApp contacts databases (by their tables, whatever their names): names for a msgstore.db
   * in the zip, which finds them itself; never an export of their own.
   */
  contacts: string[];
  /**
   * Entries that belong to an export in the zip without being sources (export-companions.ts: a
   * Telegram export's overview and list pages, the HTML copy of chats it also wrote as JSON), with
   * the reason detect-format.ts gives for the same file on disk.
   */
  companions: CompanionEntry[];
}

/**
 * Names exports are usually written under: looked at first, so a flood of media or junk entries
 * cannot push the chat beyond MAX_ENTRIES_SNIFFED. The name only orders the look; content decides.
 */
const LIKELY_EXPORT_NAME = /\.(txt|json|html?|xml|csv|db|sqlite|sqlite3|ufd)$/iu;
/**
 * A Cellebrite report.xml, and an RSMF manifest, are looked at before all: a .ufdr holds up to
 * hundreds of thousands of extracted files (many named like exports) before its report, which
 * pushed it beyond MAX_ENTRIES_SNIFFED; the entries a manifest attaches are then not looked at.
 * (RSMF-Inspector writes manifests as `<name>_rsmf_manifest.json`.)
 */
const REPORT_NAME = /(?:^|\/)(?:report\.xml|[^/]*rsmf_manifest\.json)$/iu;

/** Looks at the head of each entry (likely export names first) and lists what importers recognise by content. */
export async function surveyZip(archive: ZipArchive, parsers: readonly SourceParser[], maxLookedAt = MAX_ENTRIES_SNIFFED): Promise<ZipSurvey> {
  const survey: ZipSurvey = { recognised: [], unreadable: [], nested: [], notLookedAt: 0, contacts: [], companions: [] };
  // Both sizes must be tiny: a header that understates the size must not hide an entry from the look.
  const candidates = archive.entries.filter((entry) => Math.max(entry.size, entry.compressedSize) >= MIN_EXPORT_BYTES || hasWalEntry(archive, entry));
  const ordered = [
    ...candidates.filter((entry) => REPORT_NAME.test(entry.name)),
    ...candidates.filter((entry) => !REPORT_NAME.test(entry.name) && LIKELY_EXPORT_NAME.test(entry.name)),
    ...candidates.filter((entry) => !REPORT_NAME.test(entry.name) && !LIKELY_EXPORT_NAME.test(entry.name)),
  ];
  let lookedAt = 0;
  /** Folders of the report.xml entries recognised so far ('' for the zip's root). */
  const reportFolders: string[] = [];
  /** The entries whose folders those are: kept, while the rest of their folders are theirs. */
  const owners = new Set<ZipEntryInfo>();
  /** RSMF manifests recognised, and the entries they attach: read through them, not exports of their own. */
  const manifests = new Set<ZipEntryInfo>();
  const attached = new Set<string>();
  /** Chat pages of a Telegram export: companions of its result.json if the survey recognises one where the writer puts it. */
  const chatPages = new Set<ZipEntryInfo>();
  for (const entry of ordered) {
    // A UFDR's extracted files are its report's, a manifest's attachments its own (setAsideFilesOfSources): not looked at, not counted.
    if ((isBelowReport(reportFolders, entry.name) && !isBesideReport(reportFolders, entry.name)) || attached.has(entry.name)) continue;
    if (lookedAt >= maxLookedAt) {
      survey.notLookedAt += 1;
      continue;
    }
    lookedAt += 1;
    let head: Uint8Array;
    try {
      head = await archive.head(entry, SNIFF_BYTES);
    } catch (error) {
      survey.unreadable.push({ name: entry.name, reason: error instanceof Error ? error.message : String(error) });
      continue;
    }
    if (sniffZip(head)) {
      survey.nested.push(entry.name);
      continue;
    }
    // A database's head may not hold its whole schema, and the phone-database sniffers then say
    // yes to let parse() decide: the first of them (Android's mmssms.db) would take an iOS sms.db,
    // and a contacts database would be tried, and refused, as a message source. A database is
    // told by the bytes that show its whole schema (with its -wal replayed), as on disk.
    const database = sniffSqlite(head) || (head.byteLength === 0 && hasWalEntry(archive, entry));
    const identifying = database ? await databaseIdentifyingBytes(entryAsNearby(archive, entry), MAX_EVIDENCE_DATABASE_BYTES) : null;
    if (identifying !== null && identifySqliteSource(identifying) === 'whatsapp-contacts') {
      survey.contacts.push(entry.name);
      continue;
    }
    // Before the parsers sniff, as on disk (detect-format.ts).
    const companion = companionByHead(entry.name, head);
    if (companion === 'chat page') chatPages.add(entry);
    else if (companion !== null) {
      survey.companions.push(companion);
      continue;
    }
    const sniffs = (bytes: Uint8Array): SourceParser | undefined => parsers.find((candidate) => candidate.format !== ZIP_FORMAT && candidate.sniff(bytes, entry.name));
    // A database too big or too damaged to read whole is judged by its head, as before.
    const parser = sniffs(identifying ?? head);
    if (parser !== undefined) {
      survey.recognised.push({ entry, parser });
      if (ownsItsFolder(parser)) {
        reportFolders.push(entryFolder(entry.name));
        owners.add(entry);
      } else if (isRsmfManifestEntry(parser, head)) {
        manifests.add(entry);
        for (const name of await entriesAttachedByManifest(archive, entry)) attached.add(name);
      }
      continue;
    }
    // A chat re-saved as UTF-16 or an encrypted backup would otherwise be passed over without a
    // word whenever anything else in the zip is recognised (its photos, say).
    const unreadable = head.byteLength === 0 ? describeEmptyDatabaseEntry(archive, entry) : describeUnreadableEntry(head);
    if (unreadable !== null) survey.unreadable.push({ name: entry.name, reason: unreadable });
  }
  // As on disk, a manifest beside a report is one of its folder's owners; deeper down it is one of the UFDR's files.
  const besideReports = [...manifests].filter((entry) => reportFolders.includes(entryFolder(entry.name)));
  setAsideFilesOfSources(survey, (name) => isBelowReport(reportFolders, name), new Set([...owners, ...besideReports]));
  setAsideFilesOfSources(survey, (name) => attached.has(name), manifests);
  const { kept, companions } = setAsideChatPagesWithJson(survey.recognised, chatPages);
  survey.recognised = kept;
  survey.companions.push(...companions);
  // Back in archive order, so records keep the order the export was written in.
  const position = new Map(archive.entries.map((entry, index) => [entry, index]));
  survey.recognised.sort((a, b) => (position.get(a.entry) ?? 0) - (position.get(b.entry) ?? 0));
  const positionOf = new Map(archive.entries.map((entry, index) => [entry.name, index]));
  survey.companions.sort((a, b) => (positionOf.get(a.name) ?? 0) - (positionOf.get(b.name) ?? 0));
  // Images inside a chat export are that chat's attachments, not image items of their own.
  const exports = survey.recognised.filter((item) => item.parser.format !== 'image');
  if (exports.length > 0) survey.recognised = exports;
  return survey;
}

/** The format of a Cellebrite report.xml (the UFDR importer's), whose folder is a UFDR's. */
const CELLEBRITE_REPORT_FORMAT = 'cellebrite-ufdr';

/**
 * Whether a recognised entry is a container whose folder's files are its own: a UFDR's
 * report.xml. An RSMF manifest owns only the entries its events attach (manifest-attachments.ts):
 * analysts zip a production with the phone's other exports. An `.rsmf` message (an e-mail) owns
 * nothing of the zip: several sit side by side in one zip, each a production.
 */
function ownsItsFolder(parser: SourceParser): boolean {
  return parser.format === CELLEBRITE_REPORT_FORMAT;
}

/**
 * Sets aside the entries that are the files of a source in the zip, read through it as
 * attachments: neither exports of their own nor entries to warn about. A .ufdr (or a zipped UFDR
 * folder) holds report.xml and the files the extraction held: the phone's databases, text files
 * and archives, which the report has decoded already. As for an unzipped UFDR folder (engine
 * collect-files.ts), the entries below a report's folder are its files (a msgstore.db there was
 * imported beside the report, every chat twice), nor zips to extract; the report lists those it
 * names nowhere. An RSMF manifest's are the entries its events attach (manifest-attachments.ts).
 * The `sources` themselves are kept.
 */
function setAsideFilesOfSources(survey: ZipSurvey, isTheirs: (name: string) => boolean, sources: ReadonlySet<ZipEntryInfo>): void {
  survey.recognised = survey.recognised.filter((item) => sources.has(item.entry) || !isTheirs(item.entry.name));
  survey.unreadable = survey.unreadable.filter((item) => !isTheirs(item.name));
  survey.nested = survey.nested.filter((name) => !isTheirs(name));
  survey.contacts = survey.contacts.filter((name) => !isTheirs(name));
  survey.companions = survey.companions.filter((item) => !isTheirs(item.name));
}

/**
 * Is the entry one that may be a source beside a report.xml recognised so far, in its folder: a
 * report or a manifest, looked at after the report? A manifest is told by its content, whatever
 * its name, as on disk (owned-folders.ts folderOwners looks at every `.json` beside a report):
 * one not named like rsmf_manifest.json was taken for one of the UFDR's files, its production not
 * imported. One that proves no manifest is set aside with the report's files all the same.
 */
function isBesideReport(reportFolders: readonly string[], name: string): boolean {
  return (REPORT_NAME.test(name) || JSON_NAME.test(name)) && reportFolders.includes(entryFolder(name));
}

/** A `.json` entry: beside a report, looked at in case it is an RSMF manifest. */
const JSON_NAME = /\.json$/iu;

/** Is the entry below the folder of a report.xml recognised so far? (The reports themselves are looked at first.) */
function isBelowReport(reportFolders: readonly string[], name: string): boolean {
  return reportFolders.some((folder) => name.startsWith(folder));
}

/** A `-wal` entry with something in it lies beside the entry: the entry may be a database however small. */
function hasWalEntry(archive: ZipArchive, entry: ZipEntryInfo): boolean {
  const wal = archive.find(`${entry.name}-wal`);
  return wal !== undefined && Math.max(wal.size, wal.compressedSize) > 0;
}

/**
 * Why an empty entry with a -wal beside it was not recognised: said, so that a phone database
 * copied while its app ran is never passed over without a word.
 */
function describeEmptyDatabaseEntry(archive: ZipArchive, entry: ZipEntryInfo): string | null {
  if (!hasWalEntry(archive, entry)) return null;
  return `${entry.name} is 0 bytes and its write-ahead log ${entry.name}-wal, replayed in memory, does not make it a database Threadline reads (the log is not a valid SQLite WAL, or the database is not a supported phone database)`;
}

/** Why a zip holds nothing to import, in full: what could not be read, nested zips, entries not looked at. */
export function explainNothingRecognised(survey: ZipSurvey, entryCount: number): string {
  const reasons = [`a zip with ${entryCount} entries, none of them an export Threadline recognises`];
  for (const { name, reason } of survey.unreadable.slice(0, 5)) reasons.push(`${name} cannot be read: ${reason.startsWith(`${name}: `) ? reason.slice(name.length + 2) : reason}`);
  if (survey.unreadable.length > 5) reasons.push(`${survey.unreadable.length - 5} more entries cannot be read`);
  if (survey.nested.length > 0) {
    reasons.push(`it holds ${survey.nested.length === 1 ? 'a zip' : `${survey.nested.length} zips`} inside (${survey.nested.slice(0, 3).join(', ')}): nested zips are not opened; extract the inner zip and import it`);
  }
  if (survey.notLookedAt > 0) reasons.push(`${survey.notLookedAt} entries beyond the first ${MAX_ENTRIES_SNIFFED} were not looked at`);
  for (const { name, reason } of survey.companions.slice(0, 5)) reasons.push(`${name} is ${reason}`);
  if (survey.companions.length > 5) reasons.push(`${survey.companions.length - 5} more entries are pages of such an export`);
  if (survey.contacts.length > 0) {
    reasons.push(`${survey.contacts.join(', ')} ${survey.contacts.length === 1 ? 'is a WhatsApp contacts database' : 'are WhatsApp contacts databases'} (names, not messages), with no WhatsApp message database in the zip to read ${survey.contacts.length === 1 ? 'it' : 'them'} with`);
  }
  return reasons.join('; ');
}

export async function describeZip(path: string, parsers: readonly SourceParser[]): Promise<{ formats: string[]; entries: number; explanation: string }> {
  const archive = await ZipArchive.open(path);
  try {
    const survey = await surveyZip(archive, parsers);
    return { formats: [...new Set(survey.recognised.map((item) => item.parser.format))], entries: archive.entries.length, explanation: explainNothingRecognised(survey, archive.entries.length) };
  } finally {
    archive.close();
  }
}

/**
 * Imports every recognised export inside a seized zip as parts of one source (the zip is the
 * exhibit and is hashed as a whole); each entry read is hashed too and listed in the details.
 * Entries are inflated in memory or streamed, never extracted to disk.
 */
export async function importZip(
  path: string,
  writer: RecordWriter,
  parsers: readonly SourceParser[],
  options: { dateOrder?: 'dmy' | 'mdy' | 'ymd' },
  importedWith: readonly string[] = [],
  otherParts: SplitDownloadParts | null = null,
): Promise<ParseOutcome> {
  const archive = await ZipArchive.open(path);
  try {
    for (const name of archive.unsafeNames) writer.warning({ place: `${path}!${name}`, message: 'entry name points outside the archive (absolute path or ..); not read' });
    for (const name of archive.linkNames) writer.warning({ place: `${path}!${name}`, message: 'entry is a symbolic link; not followed, not read' });
    for (const twins of archive.normalisationTwins()) {
      const names = twins.map((twin) => twin.name);
      writer.warning({ place: `${path}!${names[0] ?? ''}`, message: `entries ${names.join(', ')} differ only by Unicode normalisation (NFC/NFD): an attachment is matched to the one its chat names exactly, never to the other` });
    }
    const survey = await surveyZip(archive, parsers);
    // Only what the import reads counts as taken (the survey read databases whole to tell them).
    archive.entriesRead.clear();
    const { recognised } = survey;
    if (recognised.length === 0) throw new AppError('E_IMPORT_FORMAT', `${path}: ${explainNothingRecognised(survey, archive.entries.length)}`);
    for (const { name, reason } of survey.unreadable) writer.warning({ place: `${path}!${name}`, message: `cannot be read: ${reason}` });
    for (const name of survey.nested) writer.warning({ place: `${path}!${name}`, message: 'a zip inside the zip: nested archives are not opened; extract it and import it on its own' });
    if (survey.notLookedAt > 0) writer.warning({ place: path, message: `${survey.notLookedAt} entries beyond the first ${MAX_ENTRIES_SNIFFED} were not looked at` });
    // As a companion file on disk is listed as skipped with its reason (engine import-files.ts).
    for (const { name, reason } of survey.companions) writer.warning({ place: `${path}!${name}`, message: `not imported, a companion: ${reason}` });
    const failures: unknown[] = [];
    const entries: Record<string, unknown>[] = [];
    for (const { entry, parser } of recognised) {
      writer.throwIfCancelled();
      const files = zipFiles(archive, entry.name);
      writer.files = otherParts === null ? files : { ...files, inOtherParts: otherParts.lookupFor(archive) };
      const digests = await digestStream((await archive.stream(entry)) as AsyncIterable<Buffer>);
      try {
        const outcome = await parser.parse(entryInput(archive, entry, path, importedWith), writer, options);
        entries.push({ name: entry.name, format: parser.format, parser: `threadline-${parser.format}`, parserVersion: parser.parserVersion, formatVersion: outcome.formatVersion, sha256: digests.sha256, size: digests.size, details: outcome.details });
      } catch (error) {
        if (error instanceof AppError && error.code === 'E_CANCELLED') throw error;
        failures.push(error);
        // One broken entry does not cost the others: record it and carry on.
        writer.warning({ place: `${path}!${entry.name}`, message: `could not be imported: ${error instanceof Error ? error.message : String(error)}` });
        entries.push({ name: entry.name, format: parser.format, sha256: digests.sha256, size: digests.size, error: error instanceof Error ? error.message : String(error) });
      }
    }
    // Every export in the zip was refused: the zip is refused for the same reason, with its code
    // (a fault that is not an AppError stays a fault, as it would for a file outside a zip).
    const [first] = failures;
    if (failures.length > 0 && failures.length === recognised.length) {
      if (!(first instanceof AppError)) throw first;
      throw new AppError(first.code, `${path}!${recognised[0]?.entry.name ?? ''}: ${first.message}${failures.length > 1 ? ` (and ${failures.length - 1} more entries refused)` : ''}`, { cause: first });
    }
    const notImported = entriesNotImported(archive, survey);
    if (notImported.length > 0) writer.warning({ place: path, message: describeNotImported(notImported) });
    const fromOtherParts = otherParts?.attachmentsTaken() ?? [];
    return {
      formatVersion: null,
      details: {
        container: 'zip',
        entryCount: archive.entries.length,
        entries,
        ...(survey.contacts.length === 0 ? {} : { contactsDatabases: survey.contacts }),
        // Attachments whose files lay in another zip of a split download (split-parts.ts); each names its zip and entry.
        ...(fromOtherParts.length === 0 ? {} : { attachmentsFromOtherParts: fromOtherParts }),
        // The shape the UFDR importer gives the entries its report names nowhere.
        ...(notImported.length === 0 ? {} : { unreferencedEntries: notImported.length, unreferencedEntryNames: notImported.slice(0, MAX_LISTED_NOT_IMPORTED) }),
      },
    };
  } finally {
    archive.close();
  }
}

/** Names of entries not imported kept in the details; the count says how many there are. */
const MAX_LISTED_NOT_IMPORTED = 1000;
/** Names given in the warning itself. */
const NAMED_IN_WARNING = 10;

/**
 * The entries of the zip that no export read, as a chat or as an attachment or companion of one
 * (a photo no message names, a document): an analyst must learn what of the exhibit was not
 * imported. Those already named by a warning of their own (unreadable, nested zips, companions,
 * unsafe names, links), folders, and the files of a UFDR report (its importer names its own) are left out.
 */
function entriesNotImported(archive: ZipArchive, survey: ZipSurvey): string[] {
  const warned = new Set([...survey.unreadable.map((item) => item.name), ...survey.nested, ...survey.companions.map((item) => item.name)]);
  const reportFolders = survey.recognised.filter((item) => item.parser.format === CELLEBRITE_REPORT_FORMAT).map((item) => entryFolder(item.entry.name));
  return archive.entries
    .map((entry) => entry.name)
    .filter((name) => !name.endsWith('/') && !archive.entriesRead.has(name) && !warned.has(name) && !isBelowReport(reportFolders, name));
}

function describeNotImported(names: readonly string[]): string {
  const shown = names.slice(0, NAMED_IN_WARNING).join(', ');
  const more = names.length > NAMED_IN_WARNING ? ` and ${names.length - NAMED_IN_WARNING} more (all are listed in the source's details)` : '';
  return `${names.length} ${names.length === 1 ? 'entry' : 'entries'} of the zip ${names.length === 1 ? 'is' : 'are'} neither an export Threadline recognises nor a file one of its exports names, so nothing was imported from ${names.length === 1 ? 'it' : 'them'}: ${shown}${more}`;
}

function entryInput(archive: ZipArchive, entry: ZipEntryInfo, zipPath: string, importedWith: readonly string[] | null): ParserInput {
  const folder = entryFolder(entry.name);
  return {
    // "<zip>!/<entry>": a parser can tell the entry's container (e.g. to name an iOS _chat.txt).
    path: `${zipPath}!/${entry.name}`,
    displayName: entry.name,
    size: entry.size,
    readAll: () => archive.read(entry),
    stream: () => streamOf(archive, entry),
    async companion(name) {
      if (name.includes('/') || name.includes('\\')) return null;
      const sibling = archive.find(`${folder}${name}`);
      return sibling === undefined ? null : archive.read(sibling);
    },
    // The other entries of the zip (beside this one first), then the other files of the import
    // (not the files beside the zip on disk: the zip is the exhibit); a nearby file's own input
    // (importedWith null) offers none.
    nearby() {
      if (importedWith === null) return Promise.resolve([]);
      const others = archive.entries.filter((other) => other !== entry);
      const inZip = [...others.filter((other) => entryFolder(other.name) === folder), ...others.filter((other) => entryFolder(other.name) !== folder)].map(
        (other): NearbyFile => ({
          relation: entryFolder(other.name) === folder ? 'same-folder' : 'same-import',
          input: entryInput(archive, other, zipPath, null),
          head: (length) => archive.head(other, length),
          fingerprint: `${other.size}:crc32:${other.entry.crc32}`,
        }),
      );
      return Promise.resolve([...inZip, ...importedFiles(importedWith.filter((other) => other !== zipPath))]);
    },
    // Every entry of the zip is offered: its central directory lists them all.
    nearbyUnlisted: () => Promise.resolve([]),
  };
}

/** An entry looked at as a nearby file (for its tables), before any source is read. */
function entryAsNearby(archive: ZipArchive, entry: ZipEntryInfo): NearbyFile {
  return { relation: 'same-folder', input: entryInput(archive, entry, '', null), head: (length) => archive.head(entry, length) };
}

/** "dir/sub/" for "dir/sub/name", "" at the root of the zip. */
function entryFolder(name: string): string {
  return name.includes('/') ? name.slice(0, name.lastIndexOf('/') + 1) : '';
}

async function* streamOf(archive: ZipArchive, entry: ZipEntryInfo): AsyncIterable<Uint8Array> {
  for await (const chunk of (await archive.stream(entry)) as AsyncIterable<Buffer>) yield chunk;
}
