import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { PackageFailure, VerifyPackageResult } from '../../shared/contracts/evidence-package.ts';
import { BAGIT_TXT, parseBagInfo } from './bag-info.ts';
import { compareCodeUnits, MANIFEST, PAYLOAD_DIR, TAG_MANIFEST } from './bag-writer.ts';
import { checkCustody, CUSTODY_LOG_PATH, EXPORT_ENTRY_PATH } from './custody.ts';
import { sha256File } from './hashing.ts';
import { parseManifest } from './manifest-parse.ts';
import { PACKAGE_FORMAT_LABEL, readPackageFormat } from './package-format.ts';
import type { ManifestEntry } from './manifest-parse.ts';
import { checkSignature, PUBLIC_KEY_PATH, SIGNATURE_PATH } from './signature.ts';

/** Payload files every Threadline package has; their absence is reported even if the manifest lost them too. */
const REQUIRED_PAYLOAD = ['data/messages.jsonl', 'data/messages.csv', 'data/sources.jsonl', 'data/case.jsonld', 'data/report/report.html', 'data/report/report.pdf', CUSTODY_LOG_PATH, EXPORT_ENTRY_PATH];
const REQUIRED_TAG_ENTRIES = ['bagit.txt', 'bag-info.txt', MANIFEST];

/**
 * Checks a package the way a court would want: complete (no file missing, none added), every
 * hash, Payload-Oxum, the custody chain, and the signature when there is one. Every problem is
 * reported with the file it concerns; nothing stops at the first failure.
 */
export async function verifyEvidencePackage(bagDir: string): Promise<VerifyPackageResult> {
  const root = resolve(bagDir);
  const failures: PackageFailure[] = [];
  const fail = (file: string, problem: string): void => {
    if (!failures.some((failure) => failure.file === file && failure.problem === problem)) failures.push({ file, problem });
  };
  const checked: VerifyPackageResult['checked'] = { payloadFiles: 0, payloadBytes: 0, tagFiles: 0, custodyEntries: 0, signature: 'absent', format: null };
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    fail('.', `${root} is not a folder`);
    return { ok: false, failures, checked };
  }
  const files = listFiles(root, '', fail);
  const onDisk = new Set(files);
  const read = (path: string): Buffer | null => (onDisk.has(path) ? readFileSync(join(root, ...path.split('/'))) : null);

  const bagit = read('bagit.txt');
  if (bagit === null) fail('bagit.txt', 'missing: not a BagIt bag');
  else if (bagit.toString('utf8').replace(/\r\n?/g, '\n') !== BAGIT_TXT) fail('bagit.txt', 'does not declare BagIt-Version 1.0 with UTF-8 tag files');

  const payload = files.filter((path) => path.startsWith(`${PAYLOAD_DIR}/`));
  for (const path of payload) checked.payloadBytes += statSync(join(root, ...path.split('/'))).size;
  checked.payloadFiles = payload.length;

  const bagInfo = read('bag-info.txt');
  let declaresSignature = false;
  if (bagInfo === null) fail('bag-info.txt', 'missing');
  else {
    const fields = parseBagInfo(bagInfo.toString('utf8'));
    const oxum = fields.find((field) => field.label === 'Payload-Oxum')?.value;
    const actual = `${checked.payloadBytes}.${payload.length}`;
    if (oxum === undefined) fail('bag-info.txt', 'has no Payload-Oxum');
    else if (oxum !== actual) fail('bag-info.txt', `Payload-Oxum is ${oxum} but data/ holds ${checked.payloadBytes} bytes in ${payload.length} files (${actual})`);
    declaresSignature = (fields.find((field) => field.label === 'Threadline-Signature')?.value ?? 'none') !== 'none';
    // Every format this build wrote is read; one it does not know is a failure, not a guess.
    const format = readPackageFormat(fields.find((field) => field.label === PACKAGE_FORMAT_LABEL)?.value);
    if ('problem' in format) fail('bag-info.txt', format.problem);
    else checked.format = format.format;
    for (const field of fields) if (field.label === '') fail('bag-info.txt', `line "${field.value.slice(0, 40)}" is not "Label: value"`);
  }

  const signature = await checkBagSignature(read, declaresSignature, fail);
  checked.signature = signature;

  // Tag files first: whether manifest-sha256.txt is intact decides whom a payload mismatch blames.
  let manifestTrusted = false;
  const tagBytes = read(TAG_MANIFEST);
  const tagFiles = files.filter((path) => !path.startsWith(`${PAYLOAD_DIR}/`));
  checked.tagFiles = tagFiles.length;
  if (tagBytes === null) {
    fail(TAG_MANIFEST, 'missing: the tag files cannot be checked');
    const known = new Set(['bagit.txt', 'bag-info.txt', MANIFEST, SIGNATURE_PATH, PUBLIC_KEY_PATH]);
    for (const path of tagFiles) if (!known.has(path)) fail(path, 'not part of a Threadline package and not covered by any manifest');
  } else {
    const entries = parseManifest(tagBytes.toString('utf8'), TAG_MANIFEST, fail);
    for (const [path, entry] of entries) {
      if (path.startsWith(`${PAYLOAD_DIR}/`) || path === TAG_MANIFEST) fail(TAG_MANIFEST, `line ${entry.line} lists ${path}, which is not a tag file it may list`);
    }
    for (const path of REQUIRED_TAG_ENTRIES) if (!entries.has(path)) fail(TAG_MANIFEST, `does not list ${path}`);
    // With a valid signature the tag manifest itself is known to be intact, so a mismatch is the listed file's.
    const intact = await checkEntries(root, entries, onDisk, TAG_MANIFEST, signature !== 'valid', fail);
    manifestTrusted = intact.has(MANIFEST);
    for (const path of tagFiles) {
      if (path !== TAG_MANIFEST && path !== SIGNATURE_PATH && !entries.has(path)) fail(path, `not listed in ${TAG_MANIFEST}: added after the package was made`);
    }
  }

  const manifestBytes = read(MANIFEST);
  if (manifestBytes === null) fail(MANIFEST, 'missing: the payload cannot be checked');
  else {
    const entries = parseManifest(manifestBytes.toString('utf8'), MANIFEST, fail);
    for (const [path, entry] of entries) {
      if (!path.startsWith(`${PAYLOAD_DIR}/`)) fail(MANIFEST, `line ${entry.line} lists ${path}, which is not in data/`);
    }
    await checkEntries(root, entries, onDisk, MANIFEST, !manifestTrusted, fail);
    for (const path of payload) if (!entries.has(path)) fail(path, `not listed in ${MANIFEST}: added after the package was made`);
  }
  for (const path of REQUIRED_PAYLOAD) if (!onDisk.has(path)) fail(path, 'missing from the package');

  const custody = checkCustody(read(CUSTODY_LOG_PATH)?.toString('utf8') ?? null, read(EXPORT_ENTRY_PATH)?.toString('utf8') ?? null);
  for (const problem of custody.problems) fail(problem.file, problem.problem);
  checked.custodyEntries = custody.entries;
  failures.sort((a, b) => compareCodeUnits(a.file, b.file));
  return { ok: failures.length === 0, failures, checked };
}

/** Hashes every listed file; returns the paths whose bytes match. */
async function checkEntries(root: string, entries: Map<string, ManifestEntry>, onDisk: Set<string>, manifest: string, blameManifestToo: boolean, fail: (file: string, problem: string) => void): Promise<Set<string>> {
  const intact = new Set<string>();
  for (const [path, entry] of entries) {
    if (!onDisk.has(path)) {
      fail(path, `missing: listed in ${manifest} line ${entry.line}`);
      continue;
    }
    const { sha256 } = await sha256File(join(root, ...path.split('/')));
    if (sha256 === entry.sha256) {
      intact.add(path);
      continue;
    }
    if (!blameManifestToo) fail(path, `SHA-256 is ${sha256}, ${manifest} line ${entry.line} records ${entry.sha256}: the file was altered`);
    else {
      fail(path, `SHA-256 is ${sha256}, ${manifest} line ${entry.line} records ${entry.sha256}: the file or ${manifest} was altered`);
      fail(manifest, `line ${entry.line} does not match ${path} (either was altered)`);
    }
  }
  return intact;
}

async function checkBagSignature(read: (path: string) => Buffer | null, declared: boolean, fail: (file: string, problem: string) => void): Promise<'valid' | 'invalid' | 'absent'> {
  const signature = read(SIGNATURE_PATH);
  const publicKey = read(PUBLIC_KEY_PATH);
  if (!declared && signature === null && publicKey === null) return 'absent';
  if (signature === null) fail(SIGNATURE_PATH, 'missing: the package declares an examiner signature');
  if (publicKey === null) fail(PUBLIC_KEY_PATH, 'missing: the signature cannot be checked');
  const tagmanifest = read(TAG_MANIFEST);
  if (signature === null || publicKey === null || tagmanifest === null) return 'invalid';
  const problem = checkSignature(publicKey.toString('utf8'), tagmanifest, signature);
  if (problem === null) return 'valid';
  fail(SIGNATURE_PATH, `${problem} (${SIGNATURE_PATH}, ${TAG_MANIFEST} or ${PUBLIC_KEY_PATH} was altered)`);
  return 'invalid';
}

/** Every file under root, relative with forward slashes, sorted; links and odd entries reported. */
function listFiles(root: string, prefix: string, fail: (file: string, problem: string) => void): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(join(root, prefix), { withFileTypes: true })) {
    const path = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isSymbolicLink()) fail(path, 'is a symbolic link: a package holds only regular files');
    else if (entry.isDirectory()) files.push(...listFiles(root, path, fail));
    else if (entry.isFile()) files.push(path);
    else fail(path, 'is not a regular file');
  }
  return files.sort(compareCodeUnits);
}
