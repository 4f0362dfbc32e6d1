import { createCipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeWithFolders } from '../../../../support/temp-case.ts';
import { sharedExportFolders } from '../../../../../shared/contracts/parsed-source.ts';
import { fileInput } from '../../../../../workers/import/file-input.ts';
import { resolveAttachment } from '../../../../../workers/import/resolve-attachment.ts';
import { signalDesktopDbParser } from '../../../../../workers/import/signal-desktop/index.ts';
import { folderFiles } from '../../../../../workers/import/source-files.ts';
import { buildDatabase, CollectingSink } from '../../../../support/sqlite-parser-harness.ts';
import { buildZip } from '../../../../support/zip-writer.ts';
import type { MessageBatch, NewAttachment } from '../../../../../shared/contracts/db-worker.ts';
import type { ImportJob } from '../../../../../shared/contracts/import-worker.ts';
import type { CallContext } from '../../../../../shared/worker/serve.ts';
import { RecordWriter } from '../../../../../workers/import/record-writer.ts';
import { importZip } from '../../../../../workers/import/zip/zip-source.ts';
import { ANA, ANA_CONVERSATION, BASE_MS, MESSAGE_ATTACHMENTS_WITH_KEYS, NEW_SCHEMA, json } from './signal-desktop-schemas.ts';

/**
 * Signal Desktop 7+ attachments encrypted at rest: each file is IV || AES-256-CBC || HMAC-SHA256
 * under the attachment's 64-byte localKey, zero-padded before encryption; `size` is the real length.
 * Files are encrypted here as Signal's AttachmentCrypto writes them.
 */
const PHOTO = Buffer.from('the photo as the phone took it');

function encryptLikeSignal(plaintext: Buffer, keys: Buffer, paddedLength: number): Buffer {
  const iv = randomBytes(16);
  const cipher = createCipheriv('aes-256-cbc', keys.subarray(0, 32), iv);
  const padded = Buffer.concat([plaintext, Buffer.alloc(paddedLength - plaintext.byteLength)]);
  const body = Buffer.concat([iv, cipher.update(padded), cipher.final()]);
  return Buffer.concat([body, createHmac('sha256', keys.subarray(32)).update(body).digest()]);
}

const sha256 = (data: Uint8Array): string => createHash('sha256').update(data).digest('hex');

const root = mkdtempSync(join(tmpdir(), 'threadline-signal-encrypted-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

interface Row {
  path: string;
  fileName: string;
  size: number;
  localKey: string | null;
  version: number | null;
}

/** A profile folder (sql/db.sqlite beside attachments.noindex) with one message holding `rows`. */
async function profile(name: string, rows: Row[], files: Record<string, Uint8Array>): Promise<string> {
  const folder = join(root, name);
  for (const [path, bytes] of Object.entries(files)) writeWithFolders(join(folder, 'attachments.noindex', path), bytes);
  return writeWithFolders(join(folder, 'sql', 'db.sqlite'), await profileDatabase(rows));
}

/** The decrypted db.sqlite of a profile with one message holding `rows`. */
async function profileDatabase(rows: Row[]): Promise<Uint8Array> {
  const values = rows
    .map((row, order) => `('m1', -1, 'attachment', ${order}, 'c-ana', ${BASE_MS}, ${row.size}, 'image/jpeg', '${row.path}', '${row.fileName}', NULL, ${row.localKey === null ? 'NULL' : `'${row.localKey}'`}, ${row.version ?? 'NULL'})`)
    .join(',\n');
  const database = `${NEW_SCHEMA}${ANA_CONVERSATION}${MESSAGE_ATTACHMENTS_WITH_KEYS}
    INSERT INTO messages (rowid, id, json, sent_at, conversationId, type, body, sourceServiceId, hasAttachments) VALUES
      (1, 'm1', ${json({ id: 'm1' })}, ${BASE_MS}, 'c-ana', 'incoming', 'photos', '${ANA}', 1);
    INSERT INTO message_attachments VALUES ${values};`;
  return buildDatabase(database);
}

/** Parses the database from disk and resolves its attachments as the import does. */
async function importProfile(databasePath: string) {
  const sink = new CollectingSink();
  const outcome = await signalDesktopDbParser.parse(fileInput(databasePath, statSync(databasePath).size), sink, {});
  const message = sink.messages[0];
  if (message === undefined) throw new Error('no message');
  const casePath = join(dirname(databasePath), '..', 'case');
  const files = folderFiles(databasePath, sharedExportFolders('signal-desktop-db', databasePath));
  const resolved = await Promise.all(message.attachments.map((attachment) => resolveAttachment(attachment, files, casePath)));
  return { outcome, sink, message, resolved, casePath };
}

describe('Signal Desktop attachments encrypted at rest', () => {
  it('decrypts with the localKey, cuts the padding at size, stores the plaintext and leaves the source file as it was', async () => {
    const keys = randomBytes(64);
    const ciphertext = encryptLikeSignal(PHOTO, keys, 64);
    const database = await profile('good', [{ path: 'ab/abcd01', fileName: 'photo.jpg', size: PHOTO.byteLength, localKey: keys.toString('base64'), version: 2 }], { 'ab/abcd01': ciphertext });
    const { outcome, message, resolved, casePath, sink } = await importProfile(database);
    expect(resolved[0]).toMatchObject({ status: 'ok', sha256: sha256(PHOTO), size: PHOTO.byteLength, sourcePath: '../attachments.noindex/ab/abcd01' });
    expect(readFileSync(join(casePath, resolved[0]?.storedPath ?? 'none'))).toEqual(PHOTO);
    expect(readFileSync(join(root, 'good', 'attachments.noindex', 'ab', 'abcd01'))).toEqual(ciphertext);
    expect(message.extra).toMatchObject({ attachmentsEncryptedOnDisk: 1, attachmentsDecrypted: 1, attachmentDecryption: 'decrypted with the attachment localKey (AES-256-CBC, HMAC-SHA256 verified)' });
    expect(outcome.details).toMatchObject({ attachmentsEncryptedOnDisk: 1, attachmentsDecrypted: 1, attachmentsNotDecrypted: 0 });
    expect(sink.warnings).toEqual([]);
  });

  it('leaves an attachment missing, with a warning naming the file, when a ciphertext byte was changed (MAC)', async () => {
    const keys = randomBytes(64);
    const ciphertext = encryptLikeSignal(PHOTO, keys, 48);
    ciphertext[20] = (ciphertext[20] ?? 0) ^ 1;
    const database = await profile('flipped', [{ path: 'cd/cdef02', fileName: 'photo.jpg', size: PHOTO.byteLength, localKey: keys.toString('base64'), version: 2 }], { 'cd/cdef02': ciphertext });
    const { outcome, message, resolved, sink } = await importProfile(database);
    expect(resolved[0]).toMatchObject({ status: 'missing', sha256: null, storedPath: null });
    expect(message.attachments[0]?.bytes).toBeUndefined();
    expect(sink.warnings.map((warning) => warning.message).join('\n')).toMatch(/cd\/cdef02 \(photo\.jpg\) not decrypted: .*MAC/u);
    expect(message.extra?.['attachmentsNotDecrypted']).toEqual([{ path: 'cd/cdef02', reason: expect.stringContaining('MAC') as unknown }]);
    expect(outcome.details).toMatchObject({ attachmentsEncryptedOnDisk: 1, attachmentsDecrypted: 0, attachmentsNotDecrypted: 1 });
  });

  it('leaves an attachment missing when its localKey is not 64 bytes, or larger than what decrypts', async () => {
    const keys = randomBytes(64);
    const database = await profile(
      'bad-key',
      [
        { path: 'ef/ef0003', fileName: 'short-key.jpg', size: PHOTO.byteLength, localKey: keys.subarray(0, 32).toString('base64'), version: 2 },
        { path: 'ef/ef0004', fileName: 'too-big.jpg', size: 1000, localKey: keys.toString('base64'), version: 2 },
      ],
      { 'ef/ef0003': encryptLikeSignal(PHOTO, keys, 48), 'ef/ef0004': encryptLikeSignal(PHOTO, keys, 48) },
    );
    const { resolved, sink } = await importProfile(database);
    expect(resolved.map((attachment) => attachment.status)).toEqual(['missing', 'missing']);
    const warnings = sink.warnings.map((warning) => warning.message).join('\n');
    expect(warnings).toMatch(/ef\/ef0003 \(short-key\.jpg\) not decrypted: the localKey is 32 bytes/u);
    expect(warnings).toMatch(/ef\/ef0004 \(too-big\.jpg\) not decrypted: the attachment records 1000 bytes but only 48/u);
  });

  it('still finds and hashes plain (pre-7) attachments beside encrypted ones', async () => {
    const keys = randomBytes(64);
    const database = await profile(
      'mixed',
      [
        { path: 'aa/plain05', fileName: 'plain.jpg', size: 5, localKey: null, version: null },
        { path: 'bb/secret06', fileName: 'secret.jpg', size: PHOTO.byteLength, localKey: keys.toString('base64'), version: 2 },
      ],
      { 'aa/plain05': Buffer.from('plain'), 'bb/secret06': encryptLikeSignal(PHOTO, keys, 32) },
    );
    const { resolved } = await importProfile(database);
    expect(resolved.map((attachment) => [attachment.status, attachment.sha256])).toEqual([
      ['ok', sha256(Buffer.from('plain'))],
      ['ok', sha256(PHOTO)],
    ]);
  });
});

describe('Signal Desktop attachments encrypted at rest, in a zip of the profile', () => {
  /** Imports the zip as the import worker does, and returns the attachments as the db worker would store them. */
  async function importProfileZip(entries: { name: string; data: Uint8Array }[]): Promise<{ attachments: NewAttachment[]; warnings: string[] }> {
    const zipPath = writeWithFolders(join(root, `zip-${entries.length}-${Math.random().toString(36).slice(2)}`, 'profile.zip'), buildZip(entries));
    const attachments: NewAttachment[] = [];
    const db = {
      call: async (method: string, params: { batch?: MessageBatch }) => {
        if (method !== 'insertMessages' || params.batch === undefined) return null;
        for (const row of params.batch.attachments) attachments.push(...row.attachments);
        return { rowids: Array.from({ length: params.batch.rows.count }, (_row, index) => index + 1) };
      },
    };
    const job = { source: { id: 'src-zip', sha256: 'd'.repeat(64), timeZone: 'UTC', path: zipPath, device: null }, path: zipPath, casePath: join(dirname(zipPath), 'case'), format: 'zip' } as unknown as ImportJob;
    const context = { throwIfCancelled: () => undefined, progress: () => undefined } as unknown as CallContext;
    const writer = new RecordWriter(job, { db: db as never, index: [] }, context, folderFiles(zipPath));
    await importZip(zipPath, writer, [signalDesktopDbParser], {});
    await writer.flush();
    return { attachments, warnings: writer.issues.map((issue) => issue.reason) };
  }

  it('decrypts the file from the zip entry beside the profile’s sql folder', async () => {
    const keys = randomBytes(64);
    const rows: Row[] = [{ path: 'ab/abcd07', fileName: 'photo.jpg', size: PHOTO.byteLength, localKey: keys.toString('base64'), version: 2 }];
    const { attachments, warnings } = await importProfileZip([
      { name: 'Signal/sql/db.sqlite', data: await profileDatabase(rows) },
      { name: 'Signal/attachments.noindex/ab/abcd07', data: encryptLikeSignal(PHOTO, keys, 48) },
    ]);
    expect(attachments).toEqual([expect.objectContaining({ status: 'ok', sha256: sha256(PHOTO), size: PHOTO.byteLength })]);
    expect(warnings.filter((reason) => reason.includes('not decrypted'))).toEqual([]);
  });

  it('says which entry is missing, and reads nothing outside the profile, when the zip lacks the file', async () => {
    const keys = randomBytes(64);
    const rows: Row[] = [{ path: 'ab/abcd08', fileName: 'photo.jpg', size: PHOTO.byteLength, localKey: keys.toString('base64'), version: 2 }];
    const { attachments, warnings } = await importProfileZip([
      { name: 'Signal/sql/db.sqlite', data: await profileDatabase(rows) },
      // The same name, but not under the profile's attachments.noindex: not the file.
      { name: 'elsewhere/attachments.noindex/ab/abcd08', data: encryptLikeSignal(PHOTO, keys, 48) },
    ]);
    expect(attachments).toEqual([expect.objectContaining({ status: 'missing', sha256: null })]);
    expect(warnings.join('\n')).toMatch(/ab\/abcd08 \(photo\.jpg\) not decrypted: no entry Signal\/attachments\.noindex\/ab\/abcd08 in the zip/u);
  });
});
