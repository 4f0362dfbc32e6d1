/**
 * Why a file no importer recognises cannot be read, when its first bytes say so: text re-encoded
 * as UTF-16 (a chat re-saved in Notepad as "Unicode"), or bytes as random as ciphertext (an
 * encrypted WhatsApp backup, an SQLCipher database). Without this the examiner only hears that
 * the content "matches no supported format", which says nothing about what to do next.
 */

/** Fewer bytes than this say too little about randomness. */
const MIN_ENTROPY_SAMPLE = 1024;
/**
 * Shannon entropy (bits per byte) above which bytes are ciphertext or compressed data. Text sits
 * below 6; a 1 KiB sample of random bytes measures about 7.8, a 64 KiB sample about 8.0.
 */
const ENCRYPTED_ENTROPY_BITS = 7.5;
/** Share of NUL bytes at odd (or even) offsets that marks UTF-16 text without a byte order mark. */
const UTF16_NUL_SHARE = 0.4;

export function describeUnreadableText(head: Uint8Array): string | null {
  const utf16 = utf16Flavour(head);
  if (utf16 !== null) {
    return `the file is UTF-16 text (${utf16}); exports are read as UTF-8, as WhatsApp, Telegram, SMS Backup & Restore and Cellebrite write them, so this copy was re-encoded (e.g. saved as "Unicode" in Notepad): import the original file, or convert it to UTF-8 and record that step`;
  }
  if (head.byteLength >= MIN_ENTROPY_SAMPLE) {
    const bits = entropyBitsPerByte(head);
    if (bits >= ENCRYPTED_ENTROPY_BITS) {
      return `the content looks encrypted (its first ${head.byteLength} bytes are as random as ciphertext: ${bits.toFixed(2)} bits per byte); an encrypted WhatsApp backup (msgstore.db.crypt12/14/15) or an SQLCipher database must be decrypted with its key before import`;
    }
  }
  return null;
}

function utf16Flavour(head: Uint8Array): string | null {
  if (head[0] === 0xff && head[1] === 0xfe) return 'little-endian, byte order mark FF FE';
  if (head[0] === 0xfe && head[1] === 0xff) return 'big-endian, byte order mark FE FF';
  const sample = head.subarray(0, Math.min(head.byteLength, 4096));
  if (sample.byteLength < 16) return null;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let index = 0; index < sample.byteLength; index += 1) {
    if (sample[index] !== 0) continue;
    if (index % 2 === 0) evenNuls += 1;
    else oddNuls += 1;
  }
  const half = sample.byteLength / 2;
  if (oddNuls / half >= UTF16_NUL_SHARE && evenNuls / half < 0.05) return 'little-endian, no byte order mark';
  if (evenNuls / half >= UTF16_NUL_SHARE && oddNuls / half < 0.05) return 'big-endian, no byte order mark';
  return null;
}

export function entropyBitsPerByte(bytes: Uint8Array): number {
  const counts = new Float64Array(256);
  for (const byte of bytes) counts[byte] = (counts[byte] ?? 0) + 1;
  let bits = 0;
  for (const count of counts) {
    if (count === 0) continue;
    const share = count / bytes.byteLength;
    bits -= share * Math.log2(share);
  }
  return bits;
}
