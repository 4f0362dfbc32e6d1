import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, normalize, relative, resolve, sep } from 'node:path';
import type { NewAttachment } from '../../shared/contracts/db-worker.ts';
import type { ParsedAttachment } from '../../shared/contracts/parsed-source.ts';

const STORED_ATTACHMENTS = 'attachments';

/**
 * Turns what a parser said about an attachment into what the case records: bytes found and
 * hashed (SHA-256), checked against the vendor's digests when a report gives them, or marked
 * missing. Paths are resolved inside the source's folder only (no escaping with '..').
 */
export async function resolveAttachment(attachment: ParsedAttachment, sourcePath: string, casePath: string): Promise<NewAttachment> {
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
    const sha256 = createHash('sha256').update(attachment.bytes).digest('hex');
    const storedPath = join(STORED_ATTACHMENTS, sha256.slice(0, 2), sha256);
    const target = join(casePath, storedPath);
    if (!existsSync(target)) {
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, attachment.bytes, { mode: 0o400 });
    }
    return withVerdict({ ...base, sha256, size: attachment.bytes.byteLength, storedPath, status: 'ok' }, attachment.bytes);
  }
  if (attachment.path === undefined) return base;
  const file = insideFolder(dirname(sourcePath), attachment.path);
  if (file === null || !existsSync(file) || !statSync(file).isFile()) return base;
  const digests = await hashFile(file);
  return withVerdict({ ...base, sha256: digests.sha256, size: digests.size, status: 'ok' }, null, digests.md5);
}

function withVerdict(record: NewAttachment, bytes: Uint8Array | null, md5?: string): NewAttachment {
  const computedMd5 = md5 ?? (bytes === null ? null : createHash('md5').update(bytes).digest('hex'));
  if (record.vendorSha256 !== null) return { ...record, status: record.vendorSha256 === record.sha256 ? 'verified' : 'mismatch' };
  if (record.vendorMd5 !== null && computedMd5 !== null) return { ...record, status: record.vendorMd5 === computedMd5 ? 'verified' : 'mismatch' };
  return record;
}

function insideFolder(folder: string, relativePath: string): string | null {
  const candidate = resolve(folder, normalize(relativePath.replaceAll('\\', '/')));
  const rel = relative(folder, candidate);
  return rel === '' || rel.startsWith('..') || rel.startsWith(sep) ? null : candidate;
}

async function hashFile(path: string): Promise<{ sha256: string; md5: string; size: number }> {
  const sha256 = createHash('sha256');
  const md5 = createHash('md5');
  let size = 0;
  for await (const chunk of createReadStream(path, { flags: 'r' }) as AsyncIterable<Buffer>) {
    sha256.update(chunk);
    md5.update(chunk);
    size += chunk.byteLength;
  }
  return { sha256: sha256.digest('hex'), md5: md5.digest('hex'), size };
}
