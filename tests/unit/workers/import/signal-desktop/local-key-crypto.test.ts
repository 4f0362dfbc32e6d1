import { createCipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decryptLocalKeyFile } from '../../../../../workers/import/signal-desktop/local-key-crypto.ts';

const PLAINTEXT = Buffer.from('a voice note, as recorded');
const KEYS = randomBytes(64);

/** IV || AES-256-CBC(plaintext zero-padded to `padTo`) || HMAC-SHA256 over both, as Signal writes an attachment. */
function encrypt(plaintext: Buffer, keys: Buffer, padTo: number, options: { autoPadding?: boolean } = {}): Buffer {
  const iv = randomBytes(16);
  const cipher = createCipheriv('aes-256-cbc', keys.subarray(0, 32), iv);
  cipher.setAutoPadding(options.autoPadding ?? true);
  const body = Buffer.concat([iv, cipher.update(Buffer.concat([plaintext, Buffer.alloc(padTo - plaintext.byteLength)])), cipher.final()]);
  return Buffer.concat([body, createHmac('sha256', keys.subarray(32)).update(body).digest()]);
}

const hex = (data: Uint8Array): string => createHash('sha256').update(data).digest('hex');

describe('decryptLocalKeyFile (Signal Desktop attachments encrypted at rest)', () => {
  it('checks the plaintextHash Signal recorded, in either case of hex', () => {
    const file = encrypt(PLAINTEXT, KEYS, 32);
    const result = decryptLocalKeyFile({ file, localKey: KEYS.toString('base64'), size: PLAINTEXT.byteLength, plaintextHash: hex(PLAINTEXT).toUpperCase() });
    expect(result).toEqual({ ok: true, bytes: new Uint8Array(PLAINTEXT), plaintextHashChecked: true });
  });

  it('refuses bytes whose hash is not the recorded plaintextHash', () => {
    const file = encrypt(PLAINTEXT, KEYS, 32);
    const result = decryptLocalKeyFile({ file, localKey: KEYS.toString('base64'), size: PLAINTEXT.byteLength, plaintextHash: hex(Buffer.from('something else')) });
    expect(result).toMatchObject({ ok: false, reason: expect.stringContaining('not the plaintextHash') as unknown });
  });

  it('refuses to guess where the padding starts when no size is recorded', () => {
    const result = decryptLocalKeyFile({ file: encrypt(PLAINTEXT, KEYS, 32), localKey: KEYS.toString('base64'), size: null, plaintextHash: null });
    expect(result).toMatchObject({ ok: false, reason: expect.stringContaining('records no size') as unknown });
  });

  it('says so when the MAC matches but the cipher padding does not (a writer other than Signal’s)', () => {
    // 32 bytes without PKCS#7: the last block decrypts to zeros, which is not valid padding.
    const file = encrypt(PLAINTEXT, KEYS, 32, { autoPadding: false });
    const result = decryptLocalKeyFile({ file, localKey: KEYS.toString('base64'), size: PLAINTEXT.byteLength, plaintextHash: null });
    expect(result).toMatchObject({ ok: false, reason: 'the MAC matches but the AES-256-CBC padding is invalid' });
  });

  it('refuses a file too short to hold an IV, a block and a MAC, and one under another key', () => {
    expect(decryptLocalKeyFile({ file: new Uint8Array(40), localKey: KEYS.toString('base64'), size: 1, plaintextHash: null })).toMatchObject({ ok: false, reason: expect.stringContaining('too short') as unknown });
    const other = randomBytes(64);
    expect(decryptLocalKeyFile({ file: encrypt(PLAINTEXT, KEYS, 32), localKey: other.toString('base64'), size: PLAINTEXT.byteLength, plaintextHash: null })).toMatchObject({ ok: false, reason: expect.stringContaining('MAC') as unknown });
  });
});
