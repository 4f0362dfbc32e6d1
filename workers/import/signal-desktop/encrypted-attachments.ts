/**
 * Decrypts the attachments Signal Desktop 7+ encrypted at rest (local-key-crypto.ts). The file is
 * read read-only from attachments.noindex beside sql/ (the same folders, and the same refusal of
 * links leading outside, as any attachment: source-files.ts), or from the same entry of the zip
 * the database came from (through the zip's own limits); the plaintext goes on as the
 * attachment's inline bytes, which the import hashes and stores in the case like an MMS part.
 * The source file is never changed. Anything that does not decrypt cleanly leaves the attachment
 * missing, with the reason, and never partial bytes.
 */

import { stat, readFile } from 'node:fs/promises';
import { posix } from 'node:path';
import type { NearbyFile, ParserInput } from '../../../shared/contracts/parsed-source.ts';
import { sharedExportFolders } from '../../../shared/contracts/parsed-source.ts';
import { AppError } from '../../../shared/errors.ts';
import { confinedFile } from '../source-files.ts';
import { decryptLocalKeyFile } from './local-key-crypto.ts';
import type { EncryptedAttachment } from './message-parts.ts';
import { signalFilePlace } from './message-parts.ts';
import { bump } from './message-tally.ts';

/**
 * Signal sends attachments of at most 100 MiB, padded by a few percent: a larger file is not one
 * it wrote. It is decrypted in memory (the MAC must be checked over all of it before a byte is
 * used), so this also bounds what one attachment costs.
 */
export const MAX_ENCRYPTED_ATTACHMENT_BYTES = 256 * 1024 * 1024;

/** What the case shows for a decrypted attachment: its bytes are derived, not the file on disk. */
export const DECRYPTED_NOTE = 'decrypted with the attachment localKey (AES-256-CBC, HMAC-SHA256 verified)';

export interface DecryptionReport {
  /** Message extra: how the attachments were obtained, and which could not be. */
  extra: Record<string, unknown>;
  /** One line per attachment that stays missing, naming its file and why. */
  failures: string[];
}

/**
 * Decrypts each attachment in place (sets `path` and `bytes`), counting into `tally`
 * attachmentsDecrypted and attachmentsNotDecrypted.
 */
export async function decryptSignalAttachments(encrypted: readonly EncryptedAttachment[], input: ParserInput, tally: Record<string, number>): Promise<DecryptionReport> {
  const report: DecryptionReport = { extra: {}, failures: [] };
  const notDecrypted: { path: string; reason: string }[] = [];
  let decrypted = 0;
  for (const item of encrypted) {
    const outcome = await decryptOne(item, input);
    if (outcome === null) {
      decrypted += 1;
      continue;
    }
    notDecrypted.push({ path: item.signalPath, reason: outcome });
    report.failures.push(`encrypted attachment ${item.signalPath}${item.attachment.fileName === undefined ? '' : ` (${item.attachment.fileName})`} not decrypted: ${outcome}; recorded as missing`);
  }
  bump(tally, 'attachmentsDecrypted', decrypted);
  bump(tally, 'attachmentsNotDecrypted', notDecrypted.length);
  if (decrypted > 0) {
    report.extra['attachmentsDecrypted'] = decrypted;
    report.extra['attachmentDecryption'] = DECRYPTED_NOTE;
  }
  if (notDecrypted.length > 0) report.extra['attachmentsNotDecrypted'] = notDecrypted;
  return report;
}

/** Null when decrypted (the attachment now carries its bytes), else why not. */
async function decryptOne(item: EncryptedAttachment, input: ParserInput): Promise<string | null> {
  if (item.localKey === null) return 'the attachment is marked encrypted (version 2) but holds no localKey';
  const place = signalFilePlace(item.signalPath);
  if (place === null) return 'its path is not one Signal writes; not read';
  if (isZipEntry(input)) return decryptFromZip(item, input, place);
  let file: string | null;
  try {
    file = confinedFile(input.path, sharedExportFolders('signal-desktop-db', input.path), place);
  } catch (error) {
    if (error instanceof AppError) return error.message;
    throw error;
  }
  if (file === null) return 'no such file in attachments.noindex beside the database’s sql folder';
  try {
    const { size } = await stat(file);
    if (size > MAX_ENCRYPTED_ATTACHMENT_BYTES) return `the file is ${size} bytes, more than the ${MAX_ENCRYPTED_ATTACHMENT_BYTES} decrypted`;
    const result = decryptLocalKeyFile({ file: new Uint8Array(await readFile(file, { flag: 'r' })), localKey: item.localKey, size: item.attachment.size ?? null, plaintextHash: item.plaintextHash });
    if (!result.ok) return result.reason;
    item.attachment.path = place;
    item.attachment.bytes = result.bytes;
    return null;
  } catch (error) {
    return `the file cannot be read (${error instanceof Error ? error.message : String(error)})`;
  }
}

/** A source inside a zip ("<zip>!/<entry>", zip-source.ts). */
function isZipEntry(input: ParserInput): boolean {
  return input.path.includes('!/');
}

/**
 * The same file inside the zip the database came from: the entry `place` names relative to the
 * database's entry, found among the zip's other entries (ParserInput.nearby) and read through the
 * zip's own limits. Only a database in a `sql` folder reaches its profile's attachments.noindex,
 * as on disk (sharedExportFolders).
 */
async function decryptFromZip(item: EncryptedAttachment, input: ParserInput, place: string): Promise<string | null> {
  const entry = input.path.slice(input.path.indexOf('!/') + 2);
  const folder = posix.dirname(entry);
  const name = posix.normalize(posix.join(folder, place));
  const allowed = sharedExportFolders('signal-desktop-db', input.path).map((shared) => `${posix.normalize(posix.join(folder, '..', shared))}/`);
  if (!allowed.some((root) => name.startsWith(root))) return 'the database in the zip does not lie in a Signal profile’s sql folder, so its attachments.noindex is not known';
  const nearby = (await zipEntriesOf(input)).get(name);
  if (nearby === undefined) return `no entry ${name} in the zip`;
  if (nearby.input.size > MAX_ENCRYPTED_ATTACHMENT_BYTES) return `the entry is ${nearby.input.size} bytes, more than the ${MAX_ENCRYPTED_ATTACHMENT_BYTES} decrypted`;
  try {
    const result = decryptLocalKeyFile({ file: await nearby.input.readAll(), localKey: item.localKey ?? '', size: item.attachment.size ?? null, plaintextHash: item.plaintextHash });
    if (!result.ok) return result.reason;
    item.attachment.path = place;
    item.attachment.bytes = result.bytes;
    return null;
  } catch (error) {
    return `the zip entry cannot be read (${error instanceof Error ? error.message : String(error)})`;
  }
}

/** The other entries of the database's zip by entry name, listed once per source. */
const zipEntries = new WeakMap<ParserInput, Promise<Map<string, NearbyFile>>>();

function zipEntriesOf(input: ParserInput): Promise<Map<string, NearbyFile>> {
  let entries = zipEntries.get(input);
  if (entries === undefined) {
    const zip = input.path.slice(0, input.path.indexOf('!/') + 2);
    entries = input.nearby().then((files) => new Map(files.filter((file) => file.input.path.startsWith(zip)).map((file) => [file.input.path.slice(zip.length), file])));
    zipEntries.set(input, entries);
  }
  return entries;
}
