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
  const media = mediaKind(head);
  if (media !== null) {
    return `the content matches no supported export format: it is ${media}; media are read as attachments of the export that names them (import the export's folder or zip)`;
  }
  if (head.byteLength >= MIN_ENTROPY_SAMPLE) {
    const bits = entropyBitsPerByte(head);
    if (bits >= ENCRYPTED_ENTROPY_BITS) {
      return `the content looks encrypted (its first ${head.byteLength} bytes are as random as ciphertext: ${bits.toFixed(2)} bits per byte); an encrypted WhatsApp backup (msgstore.db.crypt12/14/15) or an SQLCipher database (such as Signal Desktop's sql/db.sqlite: decrypt it with sigtop export-database) must be decrypted with its key before import`;
    }
  }
  return null;
}

/**
 * Why an entry of a zip that no importer recognises cannot be read, when its first bytes say so;
 * null for media, which are the attachments of the export beside them, and for anything else.
 */
export function describeUnreadableEntry(head: Uint8Array): string | null {
  return mediaKind(head) === null ? describeUnreadableText(head) : null;
}

/**
 * Compressed media look as random as ciphertext, so they are told apart by their signatures
 * before the entropy test (a voice note beside a chat is not an encrypted backup).
 */
const MEDIA_SIGNATURES: { kind: string; test: (head: Uint8Array) => boolean }[] = [
  { kind: 'Ogg audio (Opus or Vorbis: a voice note)', test: (h) => ascii(h, 0, 4) === 'OggS' },
  { kind: 'MP4/3GP/M4A audio or video', test: (h) => ascii(h, 4, 8) === 'ftyp' },
  { kind: 'MP3 audio', test: (h) => ascii(h, 0, 3) === 'ID3' },
  { kind: 'AMR audio', test: (h) => ascii(h, 0, 5) === '#!AMR' },
  { kind: 'FLAC audio', test: (h) => ascii(h, 0, 4) === 'fLaC' },
  { kind: 'RIFF (WAV audio or AVI video)', test: (h) => ascii(h, 0, 4) === 'RIFF' },
  { kind: 'WebM/Matroska video', test: (h) => h[0] === 0x1a && h[1] === 0x45 && h[2] === 0xdf && h[3] === 0xa3 },
  { kind: 'a PDF document', test: (h) => ascii(h, 0, 5) === '%PDF-' },
  { kind: 'gzip-compressed data', test: (h) => h[0] === 0x1f && h[1] === 0x8b },
  { kind: 'a 7-Zip archive', test: (h) => ascii(h, 0, 6) === "7z\xbc\xaf'\x1c" },
  { kind: 'a RAR archive', test: (h) => ascii(h, 0, 4) === 'Rar!' },
];

function mediaKind(head: Uint8Array): string | null {
  return MEDIA_SIGNATURES.find((signature) => signature.test(head))?.kind ?? null;
}

function ascii(bytes: Uint8Array, from: number, to: number): string {
  return String.fromCharCode(...bytes.subarray(from, to));
}

/** How a head of bytes is UTF-16 ('little-endian, byte order mark FF FE'...), or null when it is not. */
export function utf16Flavour(head: Uint8Array): string | null {
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
