import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * An independent BagIt 1.0 validator written from RFC 8493 for the tests: it shares no code with
 * the exporter, so a mistake made in both (encoding, sorting, Oxum arithmetic) cannot hide.
 * Checks: bagit.txt declaration (§2.1.1), payload in data/ (§2.1.2), at least one payload
 * manifest (§2.1.3) whose lines are "checksum whitespace filepath" with %0A %0D %25 decoded,
 * completeness (§3: every payload file listed in every payload manifest, every listed file
 * present), validity (every checksum matches, tag manifests included), Payload-Oxum (§2.2.2).
 */
export interface BagItReport {
  valid: boolean;
  errors: string[];
}

const ALGORITHMS: Record<string, string> = { sha256: 'sha256', sha512: 'sha512', sha1: 'sha1', md5: 'md5' };

export function validateBagIt(bagDir: string): BagItReport {
  const errors: string[] = [];
  const all = walk(bagDir, '');
  const bagitTxt = readText(bagDir, 'bagit.txt');
  if (bagitTxt === null) errors.push('bagit.txt is missing');
  else {
    const lines = bagitTxt.split(/\r\n|\r|\n/).filter((line) => line !== '');
    if (lines.length !== 2 || !/^BagIt-Version: \d+\.\d+$/.test(lines[0] ?? '') || !/^Tag-File-Character-Encoding: \S+$/.test(lines[1] ?? '')) {
      errors.push('bagit.txt must hold exactly the BagIt-Version and Tag-File-Character-Encoding lines');
    }
  }
  if (!all.some((path) => path.startsWith('data/'))) errors.push('there is no payload directory data/');
  const payloadFiles = all.filter((path) => path.startsWith('data/'));
  const manifests = all.filter((path) => /^manifest-[a-z0-9]+\.txt$/.test(path));
  if (manifests.length === 0) errors.push('there is no payload manifest');
  for (const manifest of manifests) {
    const listed = readManifest(bagDir, manifest, errors);
    for (const file of payloadFiles) if (!listed.has(file)) errors.push(`${file} is not listed in ${manifest}`);
    for (const file of listed.keys()) if (!file.startsWith('data/')) errors.push(`${manifest} lists ${file}, outside the payload`);
  }
  for (const tagManifest of all.filter((path) => /^tagmanifest-[a-z0-9]+\.txt$/.test(path))) {
    const listed = readManifest(bagDir, tagManifest, errors);
    for (const file of listed.keys()) if (file.startsWith('data/')) errors.push(`${tagManifest} lists payload file ${file}`);
  }
  const info = readText(bagDir, 'bag-info.txt');
  const oxum = info === null ? undefined : /^Payload-Oxum:[ \t]*(\d+)\.(\d+)[ \t]*$/m.exec(info);
  if (oxum !== undefined && oxum !== null) {
    const octets = payloadFiles.reduce((sum, file) => sum + statSync(join(bagDir, file)).size, 0);
    if (Number(oxum[1]) !== octets || Number(oxum[2]) !== payloadFiles.length) {
      errors.push(`Payload-Oxum ${oxum[1]}.${oxum[2]} does not match ${octets}.${payloadFiles.length}`);
    }
  }
  return { valid: errors.length === 0, errors };
}

function readManifest(bagDir: string, manifest: string, errors: string[]): Map<string, string> {
  const algorithm = ALGORITHMS[/^(?:tag)?manifest-([a-z0-9]+)\.txt$/.exec(manifest)?.[1] ?? ''];
  const listed = new Map<string, string>();
  if (algorithm === undefined) {
    errors.push(`${manifest}: unknown algorithm`);
    return listed;
  }
  const text = readText(bagDir, manifest) ?? '';
  for (const line of text.split(/\r\n|\r|\n/)) {
    if (line === '') continue;
    const match = /^(\S+)\s+(.+)$/.exec(line);
    if (match === null) {
      errors.push(`${manifest}: malformed line ${JSON.stringify(line)}`);
      continue;
    }
    const file = (match[2] ?? '').replace(/%0A/gi, '\n').replace(/%0D/gi, '\r').replace(/%25/g, '%');
    listed.set(file, (match[1] ?? '').toLowerCase());
    let actual: string;
    try {
      actual = createHash(algorithm).update(readFileSync(join(bagDir, file))).digest('hex');
    } catch {
      errors.push(`${manifest} lists ${file}, which does not exist`);
      continue;
    }
    if (actual !== match[1]?.toLowerCase()) errors.push(`${file}: checksum does not match ${manifest}`);
  }
  return listed;
}

function readText(bagDir: string, name: string): string | null {
  try {
    return readFileSync(join(bagDir, name), 'utf8');
  } catch {
    return null;
  }
}

function walk(root: string, prefix: string): string[] {
  return readdirSync(join(root, prefix), { withFileTypes: true }).flatMap((entry) => {
    const path = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    return entry.isDirectory() ? walk(root, path) : [path];
  });
}
