/**
 * Signal Desktop 7+ keeps each attachment in attachments.noindex encrypted with its own
 * `localKey`, the way Signal's ts/AttachmentCrypto.ts writes them (encryptAttachmentV2):
 *   localKey = base64 of 64 bytes: AES-256 key (first 32) then HMAC-SHA256 key (last 32)
 *   file     = IV (16) || AES-256-CBC ciphertext (PKCS#7) || HMAC-SHA256(macKey, IV || ciphertext) (32)
 * Before encryption Signal pads the plaintext with zeros up to a size bucket; the attachment's
 * `size` is the real length. `plaintextHash`, when stored, is the hex SHA-256 of the plaintext
 * without that padding. The MAC is checked before anything is decrypted, so bytes that are not
 * what Signal wrote are never presented as the file.
 */

import { createDecipheriv, createHash, createHmac, timingSafeEqual } from 'node:crypto';

const KEY_BYTES = 32;
const IV_BYTES = 16;
const MAC_BYTES = 32;
const AES_BLOCK_BYTES = 16;

export interface LocalKeyFile {
  /** The file as read from attachments.noindex. */
  file: Uint8Array;
  localKey: string;
  /** The plaintext length Signal recorded (the rest is its padding). */
  size: number | null;
  /** Hex SHA-256 of the plaintext, when the attachment records one. */
  plaintextHash: string | null;
}

export type Decrypted = { ok: true; bytes: Uint8Array; plaintextHashChecked: boolean } | { ok: false; reason: string };

export function decryptLocalKeyFile({ file, localKey, size, plaintextHash }: LocalKeyFile): Decrypted {
  const keys = Buffer.from(localKey, 'base64');
  if (keys.byteLength !== KEY_BYTES * 2) return { ok: false, reason: `the localKey is ${keys.byteLength} bytes, not the ${KEY_BYTES * 2} of an AES-256 key and an HMAC-SHA256 key` };
  // The smallest file Signal writes holds one cipher block (PKCS#7 always adds one).
  if (file.byteLength < IV_BYTES + AES_BLOCK_BYTES + MAC_BYTES) return { ok: false, reason: `the file is ${file.byteLength} bytes, too short for IV, one cipher block and MAC` };
  const macAt = file.byteLength - MAC_BYTES;
  const theirMac = file.subarray(macAt);
  const ourMac = createHmac('sha256', keys.subarray(KEY_BYTES)).update(file.subarray(0, macAt)).digest();
  if (!timingSafeEqual(ourMac, theirMac)) return { ok: false, reason: 'the HMAC-SHA256 (MAC) does not match: the file is damaged or was not encrypted with this localKey' };
  if ((macAt - IV_BYTES) % AES_BLOCK_BYTES !== 0) return { ok: false, reason: 'the ciphertext is not a whole number of AES blocks' };
  let padded: Buffer;
  try {
    const decipher = createDecipheriv('aes-256-cbc', keys.subarray(0, KEY_BYTES), file.subarray(0, IV_BYTES));
    padded = Buffer.concat([decipher.update(file.subarray(IV_BYTES, macAt)), decipher.final()]);
  } catch {
    // A MAC that matches with padding that does not means a writer other than Signal's; say so.
    return { ok: false, reason: 'the MAC matches but the AES-256-CBC padding is invalid' };
  }
  if (size === null) return { ok: false, reason: 'the attachment records no size, so Signal’s zero padding cannot be told from the file' };
  if (size > padded.byteLength) return { ok: false, reason: `the attachment records ${size} bytes but only ${padded.byteLength} were decrypted` };
  const bytes = new Uint8Array(padded.buffer, padded.byteOffset, size);
  if (plaintextHash === null) return { ok: true, bytes, plaintextHashChecked: false };
  const hash = createHash('sha256').update(bytes).digest('hex');
  if (hash !== plaintextHash.toLowerCase()) return { ok: false, reason: `the decrypted bytes hash to ${hash}, not the plaintextHash ${plaintextHash} Signal recorded` };
  return { ok: true, bytes, plaintextHashChecked: true };
}
