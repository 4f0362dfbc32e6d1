/**
 * Limits and small helpers every streaming importer in workers/import shares: how much raw text an
 * 'unparsed' record keeps, how many warnings of one kind reach the examiner, how often the sink
 * is asked about cancellation, and which attachment paths may be trusted.
 */

import type { ParseSink, ParseWarning } from '../../shared/contracts/parsed-source.ts';

/** Raw text kept in an 'unparsed' record; more would bloat the case for no reader's benefit. */
export const RAW_TEXT_LIMIT = 64 * 1024;
/**
 * Characters of one message body kept in the case. WhatsApp caps a message at 65,536 characters
 * and an SMS is far shorter, so a longer body is damage or an attack (a 50 MB line); indexing,
 * language detection and tagging megabytes of it would stall the import and hold gigabytes.
 * The whole body stays in the evidence file, at the record's locator.
 */
export const MAX_MESSAGE_TEXT_CHARS = 1024 * 1024;
/** Records between two cancellation checks and progress reports. */
export const PROGRESS_EVERY_RECORDS = 2000;
/** Warnings listed per kind; the rest are counted in one closing summary. */
export const MAX_WARNINGS_PER_KIND = 50;

/**
 * Cuts raw text to RAW_TEXT_LIMIT characters; `note` says so, for the record's `reason`.
 * `totalChars` is the length of the whole text when `raw` is already only its start.
 */
export function truncateRaw(raw: string, totalChars = raw.length): { text: string; note: string } {
  const total = Math.max(totalChars, raw.length);
  const text = raw.length <= RAW_TEXT_LIMIT ? raw : raw.slice(0, RAW_TEXT_LIMIT);
  if (total === text.length) return { text, note: '' };
  return { text, note: ` (raw text truncated to the first ${text.length} of ${total} characters)` };
}

/**
 * Cuts raw text that was decoded from only the first `decodedBytes` of a `totalBytes` source (a
 * reader that must not decode a damaged, gigabyte-long "record" whole); `note` names both sizes,
 * because the number of characters of the whole is not known. `totalIsLowerBound`: reading
 * stopped before the record ended, so it is at least `totalBytes` long.
 */
export function truncateRawBytes(raw: string, decodedBytes: number, totalBytes: number, totalIsLowerBound = false): { text: string; note: string } {
  if (decodedBytes >= totalBytes && !totalIsLowerBound) return truncateRaw(raw);
  const text = raw.length <= RAW_TEXT_LIMIT ? raw : raw.slice(0, RAW_TEXT_LIMIT);
  const total = `${totalIsLowerBound ? 'at least ' : ''}${totalBytes}`;
  return { text, note: ` (raw text truncated to the first ${text.length} characters, decoded from the first ${decodedBytes} of ${total} bytes)` };
}

/** Cuts a message body to MAX_MESSAGE_TEXT_CHARS; `note` tells the examiner what was cut (null when nothing was). */
export function capMessageText(text: string): { text: string; totalChars: number; note: string | null } {
  if (text.length <= MAX_MESSAGE_TEXT_CHARS) return { text, totalChars: text.length, note: null };
  // Never end on the first half of a surrogate pair.
  const end = isHighSurrogate(text.charCodeAt(MAX_MESSAGE_TEXT_CHARS - 1)) ? MAX_MESSAGE_TEXT_CHARS - 1 : MAX_MESSAGE_TEXT_CHARS;
  return {
    text: text.slice(0, end),
    totalChars: text.length,
    note: `the message text is ${text.length} characters long; its first ${end} are kept in the case (searched and tagged), the whole text stays in the source at this place`,
  };
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** Passes warnings to the sink, at most MAX_WARNINGS_PER_KIND per kind, then a count of the rest. */
export class WarningLimiter {
  private readonly counts = new Map<string, number>();

  constructor(private readonly sink: ParseSink, private readonly file: string) {}

  add(kind: string, place: string, message: string): void {
    const count = (this.counts.get(kind) ?? 0) + 1;
    this.counts.set(kind, count);
    if (count <= MAX_WARNINGS_PER_KIND) this.sink.warning({ place, message });
  }

  /** Reports how many warnings of each kind were left out. Call once, at the end. */
  finish(): void {
    for (const [kind, count] of this.counts) {
      if (count > MAX_WARNINGS_PER_KIND) {
        const warning: ParseWarning = { place: this.file, message: `${count - MAX_WARNINGS_PER_KIND} more warnings of kind "${kind}" were not listed` };
        this.sink.warning(warning);
      }
    }
  }

  count(kind: string): number {
    return this.counts.get(kind) ?? 0;
  }
}

/**
 * A path written inside an export, made safe to resolve against the export folder: separators
 * become '/', '.' segments go, and anything absolute or climbing out with '..' is refused (null),
 * because a hostile export must not make the importer read files elsewhere on the examiner's disk.
 */
export function safeRelativePath(written: string): string | null {
  const slashed = written.replace(/\\/gu, '/');
  if (slashed.startsWith('/') || /^[A-Za-z]:/u.test(slashed) || /^[a-z][a-z0-9+.-]*:\/\//iu.test(slashed)) return null;
  const parts: string[] = [];
  for (const part of slashed.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') return null;
    parts.push(part);
  }
  return parts.length === 0 ? null : parts.join('/');
}

/** The last segment of a '/'- or '\'-separated path. */
export function baseName(path: string): string {
  const slashed = path.replace(/\\/gu, '/');
  return slashed.slice(slashed.lastIndexOf('/') + 1);
}

/** The folder part of a '/'-separated display name ('' for a bare file name). */
export function folderOf(displayName: string): string {
  const slashed = displayName.replace(/\\/gu, '/');
  const cut = slashed.lastIndexOf('/');
  return cut === -1 ? '' : slashed.slice(0, cut);
}

/**
 * Sets a field whose name comes from the evidence. Plain assignment of a key named "__proto__"
 * would replace the object's prototype instead of storing the value; defineProperty stores it.
 * Every other name is assigned plainly: defineProperty is several times slower, and this runs
 * for every attribute of every record of a million-message backup.
 */
export function defineField(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

/**
 * sql.js copies the bytes into WebAssembly memory (limited to a few GiB), so a database this big
 * cannot be opened in one piece; refuse it clearly instead of failing deep inside wasm. Also the
 * most a database replayed from its -wal may come to, and a companion file may hold.
 */
export const MAX_EVIDENCE_DATABASE_BYTES = 1536 * 1024 * 1024;
