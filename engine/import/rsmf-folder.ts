import { createReadStream } from 'node:fs';
import { RSMF_MANIFEST_SNIFF_BYTES, sniffRsmfManifest } from '../../shared/formats/rsmf-manifest.ts';
import { readFileHead } from './file-head.ts';

/**
 * An extracted RSMF production: rsmf_manifest.json (any name its content allows) with the files
 * its events attach beside it. The schemas (relativitydev/rsmf-validator-samples,
 * RSMFManifestSchema/rsmf_schema_1_0_0.json and 2_0_0.json) name an event's attachment by its
 * `id`, which "should correspond to the name of a file within the rsmf.zip", and the RSMF
 * importer looks it up beside the manifest (workers/import/rsmf/attachments.ts, besideManifest).
 */

/** Is this file an RSMF manifest? The same test the RSMF importer's sniff makes. */
export function isRsmfManifest(path: string, name: string): boolean {
  // Not readable now: the folder is then collected file by file, and reading the manifest says why.
  const head = readFileHead(path, RSMF_MANIFEST_SNIFF_BYTES);
  return head !== null && sniffRsmfManifest(head, name);
}

/**
 * Which of `wanted` (paths below the manifest's folder, '/'-separated) an event attaches: the
 * `id` of an object in an `attachments` array, read as the importer reads it (backslashes made
 * slashes, `.` parts dropped; one climbing out with `..` or written absolute names nothing).
 * Streamed, so a manifest of gigabytes is read once and never held; a damaged manifest gives the
 * names read up to the damage.
 */
export async function namesInManifest(manifestPath: string, wanted: ReadonlySet<string>): Promise<Set<string>> {
  const found = new Set<string>();
  if (wanted.size === 0) return found;
  const scanner = new AttachmentIdScanner((id) => {
    const name = attachmentPath(id);
    if (name !== null && wanted.has(name)) found.add(name);
  });
  for await (const chunk of createReadStream(manifestPath, { encoding: 'utf8' }) as AsyncIterable<string>) scanner.feed(chunk);
  scanner.end();
  return found;
}

/** An attachment id as the path the importer looks up (import-limits.ts safeRelativePath), or null. */
function attachmentPath(id: string): string | null {
  const slashed = id.replaceAll('\\', '/');
  if (slashed.startsWith('/') || /^[A-Za-z]:/u.test(slashed)) return null;
  const parts = slashed.split('/').filter((part) => part !== '' && part !== '.');
  return parts.length === 0 || parts.includes('..') ? null : parts.join('/');
}

/** Longest string kept across chunks: no file name is longer; a longer one is a message body. */
const MAX_STRING_CHARS = 64 * 1024;
const STRING_END = /["\\]/gu;

/**
 * A JSON tokeniser that knows only what it needs: strings, keys, and which key's array it is in.
 * A string is a key when a colon follows it; an `id` value counts when the innermost array is
 * the value of an `attachments` key.
 */
class AttachmentIdScanner {
  /** The key whose value each open array is ('' for an array inside an array). */
  private readonly arrays: string[] = [];
  /** The key whose value comes next (after its colon), until that value begins. */
  private valueOf: string | null = null;
  private inString = false;
  private escaped = false;
  private text = '';
  private overlong = false;
  /** A string just closed, waiting to learn whether a colon (a key) follows it. */
  private closed: string | null = null;

  constructor(private readonly onId: (id: string) => void) {}

  feed(chunk: string): void {
    let at = 0;
    while (at < chunk.length) {
      if (this.inString) at = this.inside(chunk, at);
      else at = this.outside(chunk, at);
    }
  }

  end(): void {
    if (this.closed !== null) this.value(this.closed);
    this.closed = null;
  }

  private inside(chunk: string, from: number): number {
    let at = from;
    if (this.escaped) {
      this.append(chunk.slice(at, at + 1));
      this.escaped = false;
      at += 1;
    }
    STRING_END.lastIndex = at;
    const stop = STRING_END.exec(chunk);
    if (stop === null) {
      this.append(chunk.slice(at));
      return chunk.length;
    }
    this.append(chunk.slice(at, stop.index));
    if (stop[0] === '\\') {
      this.append('\\');
      this.escaped = true;
      return stop.index + 1;
    }
    this.inString = false;
    this.closed = this.overlong ? null : decoded(this.text);
    this.text = '';
    this.overlong = false;
    return stop.index + 1;
  }

  private outside(chunk: string, at: number): number {
    const char = chunk[at] ?? '';
    if (char === ' ' || char === '\n' || char === '\r' || char === '\t') return at + 1;
    if (this.closed !== null) {
      const string = this.closed;
      this.closed = null;
      if (char === ':') {
        this.valueOf = string;
        return at + 1;
      }
      this.value(string);
    }
    if (char === '"') {
      this.inString = true;
      this.closed = null;
      return at + 1;
    }
    if (char === '[') this.arrays.push(this.valueOf ?? '');
    else if (char === ']') this.arrays.pop();
    this.valueOf = null;
    return at + 1;
  }

  private value(string: string): void {
    if (this.valueOf === 'id' && this.arrays.at(-1) === 'attachments') this.onId(string);
    this.valueOf = null;
  }

  private append(part: string): void {
    if (this.overlong) return;
    this.text += part;
    if (this.text.length > MAX_STRING_CHARS) {
      this.overlong = true;
      this.text = '';
    }
  }
}

function decoded(raw: string): string | null {
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    return null;
  }
}
