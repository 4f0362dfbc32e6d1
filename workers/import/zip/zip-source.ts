import type { ParserInput, ParseOutcome, SourceParser } from '../../../shared/contracts/parsed-source.ts';
import { AppError } from '../../../shared/errors.ts';
import { digestStream, zipFiles } from '../source-files.ts';
import type { RecordWriter } from '../record-writer.ts';
import { ZipArchive } from './zip-archive.ts';
import type { ZipEntryInfo } from './zip-archive.ts';

export const ZIP_FORMAT = 'zip';
const SNIFF_BYTES = 64 * 1024;
/** Entries looked at when deciding what a zip holds; media-heavy exports have thousands. */
const MAX_ENTRIES_SNIFFED = 20_000;

export function sniffZip(head: Uint8Array): boolean {
  // Local file header, or the end-of-central-directory record of an empty archive.
  return head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && ((head[2] === 0x03 && head[3] === 0x04) || (head[2] === 0x05 && head[3] === 0x06));
}

export interface RecognisedEntry {
  entry: ZipEntryInfo;
  parser: SourceParser;
}

/** Lists the entries of a zip that an importer recognises by content. */
export async function recogniseEntries(archive: ZipArchive, parsers: readonly SourceParser[]): Promise<RecognisedEntry[]> {
  const recognised: RecognisedEntry[] = [];
  for (const entry of archive.entries.slice(0, MAX_ENTRIES_SNIFFED)) {
    if (entry.size === 0) continue;
    let head: Uint8Array;
    try {
      head = await archive.head(entry, SNIFF_BYTES);
    } catch {
      continue; // unreadable entries are reported when the zip is imported
    }
    const parser = parsers.find((candidate) => candidate.format !== ZIP_FORMAT && candidate.sniff(head, entry.name));
    if (parser !== undefined) recognised.push({ entry, parser });
  }
  // Images inside a chat export are that chat's attachments, not image items of their own.
  const exports = recognised.filter((item) => item.parser.format !== 'image');
  return exports.length > 0 ? exports : recognised;
}

export async function describeZip(path: string, parsers: readonly SourceParser[]): Promise<{ formats: string[]; entries: number }> {
  const archive = await ZipArchive.open(path);
  try {
    const recognised = await recogniseEntries(archive, parsers);
    return { formats: [...new Set(recognised.map((item) => item.parser.format))], entries: archive.entries.length };
  } finally {
    archive.close();
  }
}

/**
 * Imports every recognised export inside a seized zip as parts of one source (the zip is the
 * exhibit and is hashed as a whole); each entry read is hashed too and listed in the details.
 * Entries are inflated in memory or streamed, never extracted to disk.
 */
export async function importZip(path: string, writer: RecordWriter, parsers: readonly SourceParser[], options: { dateOrder?: 'dmy' | 'mdy' | 'ymd' }): Promise<ParseOutcome> {
  const archive = await ZipArchive.open(path);
  try {
    for (const name of archive.unsafeNames) writer.warning({ place: `${path}!${name}`, message: 'entry name points outside the archive (absolute path or ..); not read' });
    const recognised = await recogniseEntries(archive, parsers);
    if (recognised.length === 0) throw new AppError('E_IMPORT_FORMAT', `${path}: the zip holds no export Threadline recognises (${archive.entries.length} entries)`);
    const entries: Record<string, unknown>[] = [];
    for (const { entry, parser } of recognised) {
      writer.throwIfCancelled();
      writer.files = zipFiles(archive, entry.name);
      const digests = await digestStream((await archive.stream(entry)) as AsyncIterable<Buffer>);
      try {
        const outcome = await parser.parse(entryInput(archive, entry, path), writer, options);
        entries.push({ name: entry.name, format: parser.format, parser: `threadline-${parser.format}`, parserVersion: parser.parserVersion, formatVersion: outcome.formatVersion, sha256: digests.sha256, size: digests.size, details: outcome.details });
      } catch (error) {
        if (error instanceof AppError && error.code === 'E_CANCELLED') throw error;
        // One broken entry does not cost the others: record it and carry on.
        writer.warning({ place: `${path}!${entry.name}`, message: `could not be imported: ${error instanceof Error ? error.message : String(error)}` });
        entries.push({ name: entry.name, format: parser.format, sha256: digests.sha256, size: digests.size, error: error instanceof Error ? error.message : String(error) });
      }
    }
    return { formatVersion: null, details: { container: 'zip', entryCount: archive.entries.length, entries } };
  } finally {
    archive.close();
  }
}

function entryInput(archive: ZipArchive, entry: ZipEntryInfo, zipPath: string): ParserInput {
  return {
    // "<zip>!/<entry>": a parser can tell the entry's container (e.g. to name an iOS _chat.txt).
    path: `${zipPath}!/${entry.name}`,
    displayName: entry.name,
    size: entry.size,
    readAll: () => archive.read(entry),
    stream: () => streamOf(archive, entry),
    async companion(name) {
      if (name.includes('/') || name.includes('\\')) return null;
      const folder = entry.name.includes('/') ? entry.name.slice(0, entry.name.lastIndexOf('/') + 1) : '';
      const sibling = archive.find(`${folder}${name}`);
      return sibling === undefined ? null : archive.read(sibling);
    },
  };
}

async function* streamOf(archive: ZipArchive, entry: ZipEntryInfo): AsyncIterable<Uint8Array> {
  for await (const chunk of (await archive.stream(entry)) as AsyncIterable<Buffer>) yield chunk;
}
