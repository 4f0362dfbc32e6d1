import { posix } from 'node:path';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import type { Entry, ZipFile } from 'yauzl';
import { AppError } from '../../../shared/errors.ts';

const READ_OPTIONS = { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false, decodeStrings: false } as const;

/** Zip bombs: refuse entries that inflate beyond these limits, whatever their headers claim. */
export const ZIP_LIMITS = {
  /** Largest single entry Threadline will inflate. */
  maxEntryBytes: 8 * 1024 ** 3,
  /** An entry this big must not compress better than MAX_RATIO (real exports compress ~2-10x). */
  ratioCheckFromBytes: 16 * 1024 ** 2,
  maxRatio: 200,
  maxEntries: 1_000_000,
} as const;

export interface ZipEntryInfo {
  /** Normalised, forward-slash path inside the zip; never absolute, never with '..'. */
  name: string;
  /** The name exactly as stored, for the record (may hold '..' or a drive letter in hostile zips). */
  rawName: string;
  size: number;
  compressedSize: number;
  entry: Entry;
}

/**
 * A seized zip, read in place: entries are listed from the central directory and inflated on
 * demand into memory or a stream, never extracted to disk, so zip-slip cannot happen; unsafe
 * names are still reported. yauzl validates sizes while inflating (a lying header fails).
 */
export class ZipArchive {
  /** Entries by their NFC name, built the first time a name is not found exactly. */
  private byComposedName: Map<string, ZipEntryInfo[]> | undefined;
  /**
   * Entries by name (the first of a repeated name, as a scan would find it) and by file name,
   * built on first use: a UFDR holds hundreds of thousands of entries and its report looks up as
   * many, so a scan per look-up made reading one quadratic in its size.
   */
  private byName: Map<string, ZipEntryInfo> | undefined;
  private byBaseName: Map<string, ZipEntryInfo[]> | undefined;

  private constructor(
    private readonly zip: ZipFile,
    readonly entries: ZipEntryInfo[],
    readonly unsafeNames: string[],
    /** Entries that are symbolic links: never followed and never read (their "content" is a path). */
    readonly linkNames: string[],
  ) {}

  static async open(path: string): Promise<ZipArchive> {
    let zip: ZipFile;
    try {
      zip = await yauzl.openPromise(path, READ_OPTIONS);
    } catch (error) {
      throw new AppError('E_IMPORT_FORMAT', `${path}: not a readable zip archive (${String(error)})`, { cause: error });
    }
    return ZipArchive.list(zip, path);
  }

  /**
   * A zip held in memory (an RSMF's rsmf.zip, decoded from its MIME part), read with the same
   * limits and name checks as one on disk; `label` names it in errors.
   */
  static async fromBytes(bytes: Uint8Array, label: string): Promise<ZipArchive> {
    let zip: ZipFile;
    try {
      zip = await yauzl.fromBufferPromise(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), READ_OPTIONS);
    } catch (error) {
      throw new AppError('E_IMPORT_FORMAT', `${label}: not a readable zip archive (${String(error)})`, { cause: error });
    }
    return ZipArchive.list(zip, label);
  }

  private static async list(zip: ZipFile, path: string): Promise<ZipArchive> {
    const entries: ZipEntryInfo[] = [];
    const unsafeNames: string[] = [];
    const linkNames: string[] = [];
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (entry: Entry) => {
        if (entries.length >= ZIP_LIMITS.maxEntries) {
          reject(new AppError('E_IMPORT_FORMAT', `${path}: more than ${ZIP_LIMITS.maxEntries} entries`));
          return;
        }
        // Names are decoded here rather than by yauzl, which refuses a whole archive over one
        // hostile name; we want to read the rest and report that name.
        const rawName = decodeEntryName(entry);
        const name = safeEntryName(rawName);
        if (name === null) unsafeNames.push(rawName);
        else if (isSymbolicLink(entry)) linkNames.push(rawName);
        else if (!rawName.endsWith('/')) {
          entries.push({ name, rawName, size: entry.uncompressedSize, compressedSize: entry.compressedSize, entry });
        }
        zip.readEntry();
      });
      zip.once('end', () => resolve());
      zip.once('error', (error: Error) => reject(new AppError('E_IMPORT_FORMAT', `${path}: corrupt zip central directory (${error.message})`, { cause: error })));
      zip.readEntry();
    });
    return new ZipArchive(zip, entries, unsafeNames, linkNames);
  }

  find(name: string): ZipEntryInfo | undefined {
    if (this.byName === undefined) {
      this.byName = new Map();
      for (const entry of this.entries) if (!this.byName.has(entry.name)) this.byName.set(entry.name, entry);
    }
    return this.byName.get(name);
  }

  /** Entries whose name, past its last '/', is `baseName`, in archive order. */
  findByBaseName(baseName: string): ZipEntryInfo[] {
    if (this.byBaseName === undefined) {
      this.byBaseName = new Map();
      for (const entry of this.entries) {
        const base = entry.name.slice(entry.name.lastIndexOf('/') + 1);
        const group = this.byBaseName.get(base);
        if (group === undefined) this.byBaseName.set(base, [entry]);
        else group.push(entry);
      }
    }
    return this.byBaseName.get(baseName) ?? [];
  }

  /**
   * Entries whose name is `name` in another Unicode normalisation form (or the same): a zip made
   * on macOS stores names decomposed (NFD) while the chat text names them composed (NFC), or the
   * reverse. Names are never rewritten: each entry keeps the name it is stored under.
   */
  findAcrossNormalisation(name: string): ZipEntryInfo[] {
    this.byComposedName ??= groupByComposedName(this.entries);
    return this.byComposedName.get(name.normalize('NFC')) ?? [];
  }

  /** Groups of two or more entries whose names differ only by Unicode normalisation. */
  normalisationTwins(): ZipEntryInfo[][] {
    this.byComposedName ??= groupByComposedName(this.entries);
    return [...this.byComposedName.values()].filter((group) => group.length > 1);
  }

  /**
   * Names of the entries whose bytes were read (by stream or read; a head taken to sniff is not
   * counted): what an import took from the zip, so that the rest can be named.
   */
  readonly entriesRead = new Set<string>();

  async stream(entry: ZipEntryInfo): Promise<Readable> {
    this.entriesRead.add(entry.name);
    return this.open(entry);
  }

  private async open(entry: ZipEntryInfo): Promise<Readable> {
    checkBomb(entry);
    return this.zip.openReadStreamPromise(entry.entry);
  }

  /** Inflates an entry into memory, at most `limit` bytes (a size check happens before and during). */
  async read(entry: ZipEntryInfo, limit: number = ZIP_LIMITS.maxEntryBytes): Promise<Uint8Array> {
    if (entry.size > limit) throw new AppError('E_IMPORT_FORMAT', `${entry.name}: ${entry.size} bytes is too large to read at once`);
    const chunks: Buffer[] = [];
    let total = 0;
    for await (const chunk of (await this.stream(entry)) as AsyncIterable<Buffer>) {
      total += chunk.byteLength;
      if (total > limit) throw new AppError('E_IMPORT_FORMAT', `${entry.name}: inflates beyond ${limit} bytes`);
      chunks.push(chunk);
    }
    return new Uint8Array(Buffer.concat(chunks));
  }

  /** The first bytes of an entry, for content sniffing. */
  async head(entry: ZipEntryInfo, bytes: number): Promise<Uint8Array> {
    const stream = await this.open(entry);
    const chunks: Buffer[] = [];
    let total = 0;
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      chunks.push(chunk);
      total += chunk.byteLength;
      if (total >= bytes) break;
    }
    stream.destroy();
    return new Uint8Array(Buffer.concat(chunks).subarray(0, bytes));
  }

  close(): void {
    this.zip.close();
  }
}

function groupByComposedName(entries: readonly ZipEntryInfo[]): Map<string, ZipEntryInfo[]> {
  const groups = new Map<string, ZipEntryInfo[]>();
  for (const entry of entries) {
    const key = entry.name.normalize('NFC');
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [entry]);
    else group.push(entry);
  }
  return groups;
}

function checkBomb(entry: ZipEntryInfo): void {
  // yauzl refuses an encrypted entry with a plain Error: an AppError names it, and a caller that
  // records unreadable entries (an attachment, the survey) can then carry on.
  if (entry.entry.isEncrypted()) throw new AppError('E_IMPORT_READ', `${entry.name}: encrypted (a password-protected zip entry); not read`);
  if (entry.size > ZIP_LIMITS.maxEntryBytes) throw new AppError('E_IMPORT_FORMAT', `${entry.name}: declares ${entry.size} bytes, over the ${ZIP_LIMITS.maxEntryBytes}-byte limit (zip bomb?)`);
  if (entry.size >= ZIP_LIMITS.ratioCheckFromBytes && entry.size > entry.compressedSize * ZIP_LIMITS.maxRatio) {
    throw new AppError('E_IMPORT_FORMAT', `${entry.name}: compresses ${Math.round(entry.size / Math.max(1, entry.compressedSize))}:1, beyond the ${ZIP_LIMITS.maxRatio}:1 limit (zip bomb?)`);
  }
}

const MADE_BY_UNIX = 3;
const FILE_TYPE_MASK = 0o170000;
const SYMBOLIC_LINK_TYPE = 0o120000;

/** A Unix-made entry whose mode (the high half of the external attributes) says symbolic link. */
function isSymbolicLink(entry: Entry): boolean {
  return entry.versionMadeBy >> 8 === MADE_BY_UNIX && ((entry.externalFileAttributes >>> 16) & FILE_TYPE_MASK) === SYMBOLIC_LINK_TYPE;
}

const UTF8_NAME_FLAG = 0x800;
/** Code page 437, the zip default for names without the UTF-8 flag: bytes 0x80-0xFF. */
const CP437_HIGH =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0';

function decodeEntryName(entry: Entry): string {
  const raw = entry.fileName as unknown as Buffer;
  if (typeof raw === 'string') return raw;
  if ((entry.generalPurposeBitFlag & UTF8_NAME_FLAG) !== 0) return raw.toString('utf8');
  let name = '';
  for (const byte of raw) name += byte < 0x80 ? String.fromCharCode(byte) : (CP437_HIGH[byte - 0x80] ?? '?');
  return name;
}

/** A relative, forward-slash name inside the archive, or null for names that try to leave it. */
export function safeEntryName(raw: string): string | null {
  const slashed = raw.replaceAll('\\', '/');
  if (slashed.startsWith('/') || /^[a-zA-Z]:/u.test(slashed) || slashed.includes('\0')) return null;
  const normal = posix.normalize(slashed);
  if (normal === '..' || normal.startsWith('../') || normal === '.') return null;
  return normal;
}
