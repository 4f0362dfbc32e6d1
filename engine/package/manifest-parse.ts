import { decodeManifestPath } from './bag-writer.ts';

export interface ManifestEntry {
  sha256: string;
  line: number;
}

const LINE = /^([0-9a-fA-F]{64})[ \t]+(.+)$/;

/**
 * Reads a BagIt manifest (RFC 8493 §2.1.3): "<checksum> <path>" per line, any of CR, LF or CRLF,
 * paths percent-decoded. Malformed lines, unsafe paths (absolute, "..") and duplicates are reported.
 */
export function parseManifest(text: string, manifest: string, fail: (file: string, problem: string) => void): Map<string, ManifestEntry> {
  const entries = new Map<string, ManifestEntry>();
  const lines = text.split(/\r\n|\r|\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  for (const [index, raw] of lines.entries()) {
    const line = index + 1;
    const match = LINE.exec(raw);
    if (match === null || match[1] === undefined || match[2] === undefined) {
      fail(manifest, `line ${line} is not "<sha256> <path>"`);
      continue;
    }
    const path = decodeManifestPath(match[2]);
    if (path.startsWith('/') || path.split('/').some((part) => part === '..' || part === '.' || part === '') || path.includes('\\')) {
      fail(manifest, `line ${line} has an unsafe path ${JSON.stringify(path)}`);
      continue;
    }
    if (entries.has(path)) fail(manifest, `line ${line} lists ${path} a second time`);
    entries.set(path, { sha256: match[1].toLowerCase(), line });
  }
  return entries;
}
