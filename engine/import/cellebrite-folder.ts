import { createReadStream } from 'node:fs';
import { sniffUfdrReport, UFDR_SNIFF_BYTES } from '../../shared/formats/cellebrite-report.ts';
import { readFileHead } from './file-head.ts';

export const NOT_REFERENCED_REASON = 'not imported: beside a Cellebrite report, not referenced by it';

/**
 * Is this file a Cellebrite report.xml? The same test the UFDR importer's sniff makes (namespace,
 * or IPED's markers when there is none, or a protected report's magic), so a folder is folded
 * into one source exactly when its report would be imported as one.
 */
export function isCellebriteReport(path: string): boolean {
  // Not readable now: the folder is then collected file by file, and reading the report says why.
  const head = readFileHead(path, UFDR_SNIFF_BYTES);
  return head !== null && sniffUfdrReport(head, 'report.xml');
}

/** Longest value kept across a chunk boundary: no path is longer; a longer run is text, not a name. */
const MAX_VALUE_CHARS = 64 * 1024;

/**
 * Which of `wanted` the report names, as a whole text or attribute value: a taggedFiles `Local
 * Path` item, a `local_path` attribute, an Attachment's extracted path. Streamed, so a report of
 * gigabytes is read once and never held; only values of a path's length are looked at.
 */
export async function namesInReport(reportPath: string, wanted: ReadonlySet<string>): Promise<Set<string>> {
  const found = new Set<string>();
  if (wanted.size === 0) return found;
  let carry = '';
  const look = (value: string): void => {
    const name = pathOfValue(value);
    if (name !== null && wanted.has(name)) found.add(name);
  };
  for await (const chunk of createReadStream(reportPath, { encoding: 'utf8' }) as AsyncIterable<string>) {
    const pieces = (carry + chunk).split(/[<>]/u);
    carry = pieces.pop() ?? '';
    if (carry.length > MAX_VALUE_CHARS) carry = '';
    for (const piece of pieces) lookInPiece(piece, look);
  }
  lookInPiece(carry, look);
  return found;
}

/** A piece between `<` and `>` is a text (perhaps CDATA) or a tag, whose attribute values are looked at one by one. */
function lookInPiece(piece: string, look: (value: string) => void): void {
  if (piece.length > MAX_VALUE_CHARS) return;
  look(piece);
  for (const match of piece.matchAll(/=\s*(?:"([^"]*)"|'([^']*)')/gu)) look(match[1] ?? match[2] ?? '');
}

/** A value as the importer reads a Local Path: CDATA unwrapped, entities decoded, backslashes made slashes, `.` parts dropped. */
function pathOfValue(value: string): string | null {
  const text = value.startsWith('![CDATA[') ? value.slice(8).replace(/\]\]$/u, '') : decodeEntities(value);
  const parts = text.trim().replace(/\\/gu, '/').split('/').filter((part) => part !== '' && part !== '.');
  return parts.length === 0 ? null : parts.join('/');
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/giu, (whole, name: string) => {
    if (!name.startsWith('#')) return ENTITIES[name.toLowerCase()] ?? whole;
    const code = /^#x/iu.test(name) ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
    // A reference to no character (a hostile &#99999999;) stays as written: it names no file.
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}
