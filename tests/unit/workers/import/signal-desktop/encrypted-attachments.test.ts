import { createCipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sharedExportFolders } from '../../../../../shared/contracts/parsed-source.ts';
import { fileInput } from '../../../../../workers/import/file-input.ts';
import { resolveAttachment } from '../../../../../workers/import/resolve-attachment.ts';
import { signalDesktopDbParser } from '../../../../../workers/import/signal-desktop/index.ts';
import { folderFiles } from '../../../../../workers/import/source-files.ts';
import { buildDatabase, CollectingSink } from '../../../../support/sqlite-parser-harness.ts';
import { BASE_MS, NEW_SCHEMA, json } from './signal-desktop-schemas.ts';

/**
 * Signal Desktop 7+ attachments encrypted at rest: each file is IV || AES-256-CBC || HMAC-SHA256
 * under the attachment's 64-byte localKey, zero-padded before encryption; `size` is the real length.
 * Files are encrypted here as Signal's AttachmentCrypto writes them.
 */
const ANA = 'aaaaaaaa-0000-4000-8000-000000000001';
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

function put(path: string, data: string | Uint8Array): string {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, data);
  return path;
}

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
  for (const [path, bytes] of Object.entries(files)) put(join(folder, 'attachments.noindex', path), bytes);
  const values = rows
    .map((row, order) => `('m1', -1, 'attachment', ${order}, 'c-ana', ${BASE_MS}, ${row.size}, 'image/jpeg', '${row.path}', '${row.fileName}', NULL, ${row.localKey === null ? 'NULL' : `'${row.localKey}'`}, ${row.version ?? 'NULL'})`)
    .join(',\n');
  const database = `${NEW_SCHEMA}
    INSERT INTO conversations (id, json, type, name, profileName, profileFamilyName, profileFullName, e164, serviceId, groupId) VALUES
      ('c-ana', ${json({ id: 'c-ana', type: 'private' })}, 'private', NULL, 'Ana', NULL, 'Ana', '+40700000001', '${ANA}', NULL);
    CREATE TABLE message_attachments (messageId TEXT NOT NULL, editHistoryIndex INTEGER NOT NULL, attachmentType TEXT NOT NULL,
      orderInMessage INTEGER NOT NULL, conversationId TEXT NOT NULL, sentAt INTEGER NOT NULL, size INTEGER NOT NULL,
      contentType TEXT NOT NULL, path TEXT, fileName TEXT, flags INTEGER, localKey TEXT, version INTEGER,
      PRIMARY KEY (messageId, editHistoryIndex, attachmentType, orderInMessage));
    INSERT INTO messages (rowid, id, json, sent_at, conversationId, type, body, sourceServiceId, hasAttachments) VALUES
      (1, 'm1', ${json({ id: 'm1' })}, ${BASE_MS}, 'c-ana', 'incoming', 'photos', '${ANA}', 1);
    INSERT INTO message_attachments VALUES ${values};`;
  return put(join(folder, 'sql', 'db.sqlite'), await buildDatabase(database));
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
