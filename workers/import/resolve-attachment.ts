import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AppError } from '../../shared/errors.ts';
import type { NewAttachment } from '../../shared/contracts/db-worker.ts';
import type { ParsedAttachment } from '../../shared/contracts/parsed-source.ts';
import type { FileDigests, SourceFiles } from './source-files.ts';
import { storedAttachmentPath } from './attachment-store.ts';


/**
 * Turns what a parser said about an attachment into what the case records: bytes found and
 * hashed (SHA-256), checked against the vendor's digests when a report gives them, or marked
 * missing (with the reason, when the source can tell: a zip knows its entries). Inline bytes
 * (MMS parts) are stored once in the case, content-addressed, read-only.
 */
export async function resolveAttachment(attachment: ParsedAttachment, files: SourceFiles, casePath: string, onUnreadable: (reason: string) => void = () => undefined): Promise<NewAttachment> {
  const base: NewAttachment = {
    kind: attachment.kind,
    mediaType: attachment.mediaType,
    fileName: attachment.fileName ?? null,
    mimeType: attachment.mimeType ?? null,
    sourcePath: attachment.path ?? null,
    size: attachment.size ?? null,
    sha256: null,
    status: attachment.kind === 'omitted' ? 'omitted' : 'missing',
    vendorMd5: attachment.vendorDigests?.md5?.toLowerCase() ?? null,
    vendorSha256: attachment.vendorDigests?.sha256?.toLowerCase() ?? null,
    storedPath: null,
  };
  if (attachment.kind === 'omitted') return base;
  if (attachment.bytes !== undefined) {
    const digests: FileDigests = {
      sha256: createHash('sha256').update(attachment.bytes).digest('hex'),
      md5: createHash('md5').update(attachment.bytes).digest('hex'),
      size: attachment.bytes.byteLength,
    };
    const storedPath = storedAttachmentPath(digests.sha256);
    const target = join(casePath, storedPath);
    if (!existsSync(target)) {
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, attachment.bytes, { mode: 0o400 });
    }
    return withVerdict({ ...base, storedPath }, digests);
  }
  if (attachment.path === undefined) return base;
  for (const path of [attachment.path, ...(attachment.alternativePaths ?? [])]) {
    let digests: FileDigests | null;
    try {
      digests = await files.digest(path);
    } catch (error) {
      // Bytes that are there but refused (a zip-bomb entry, a size its headers lie about) cost
      // the attachment, never the message: it is recorded as missing and the reason is reported.
      if (!(error instanceof AppError) || error.code === 'E_CANCELLED') throw error;
      onUnreadable(error.message);
      return base;
    }
    if (digests !== null) return withVerdict({ ...base, sourcePath: digests.foundAs ?? path }, digests);
  }
  let elsewhere: string | null = null;
  if (attachment.downloadPath !== undefined && files.inOtherParts !== undefined) {
    let lookup;
    try {
      lookup = await files.inOtherParts(attachment.downloadPath);
    } catch (error) {
      if (!(error instanceof AppError) || error.code === 'E_CANCELLED') throw error;
      onUnreadable(error.message);
      return base;
    }
    // The bytes lie in no file of this source: they are kept in the case, and the record names the zip and entry they came from.
    if ('digests' in lookup) return withVerdict({ ...base, sourcePath: lookup.digests.foundAs, storedPath: lookup.digests.storedPath }, lookup.digests);
    elsewhere = lookup.why;
  }
  if (files.explainMissing !== undefined) onUnreadable(elsewhere === null ? files.explainMissing(attachment.path) : `${files.explainMissing(attachment.path)}; ${elsewhere}`);
  else if (elsewhere !== null) onUnreadable(elsewhere);
  return base;
}

function withVerdict(record: NewAttachment, digests: FileDigests): NewAttachment {
  const found: NewAttachment = { ...record, sha256: digests.sha256, size: digests.size, status: 'ok' };
  // Every digest the vendor gave must agree. A Cellebrite taggedFiles entry carries both MD5 and
  // SHA256; when only the SHA-256 was compared, a report whose MD5 names other bytes was still
  // called 'verified', hiding an inconsistency in the evidence's own report.
  const agreements: boolean[] = [];
  if (record.vendorSha256 !== null) agreements.push(record.vendorSha256 === digests.sha256);
  if (record.vendorMd5 !== null) agreements.push(record.vendorMd5 === digests.md5);
  if (agreements.length === 0) return found;
  return { ...found, status: agreements.every((agrees) => agrees) ? 'verified' : 'mismatch' };
}
