/** Byte-level damage shared by the text, JSON and XML cases. */

/** A stray continuation byte, a truncated two-byte sequence and 0xFF, which UTF-8 never uses. */
export const INVALID_UTF8 = Buffer.from([0xc3, 0x28, 0x80, 0xff]);
/** U+D800 encoded as if it were a character (CESU-8): a lone surrogate in raw bytes, invalid UTF-8. */
export const LONE_SURROGATE_UTF8 = Buffer.from([0xed, 0xa0, 0x80]);
export const NUL = Buffer.from([0x00]);

/** Size of the single-line cases: one line, one record, 50 MiB. */
export const HUGE_LINE_BYTES = 50 * 1024 * 1024;

/** Text (or bytes) spliced together into one buffer. */
export function spliced(...parts: (string | Uint8Array)[]): Buffer {
  return Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'utf8') : Buffer.from(part))));
}

/** A 50 MiB run of words with no line break, built without a 50 MiB string. */
export function hugeWords(bytes = HUGE_LINE_BYTES): Buffer {
  return Buffer.alloc(bytes, 'flood ');
}

/** The text re-saved as UTF-16 (as Windows Notepad's "Unicode" does), with its byte order mark. */
export function utf16le(text: string): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
}

export function utf16be(text: string): Buffer {
  const little = Buffer.from(text, 'utf16le');
  return Buffer.concat([Buffer.from([0xfe, 0xff]), little.swap16()]);
}

/** The first `fraction` of the bytes, cut wherever that falls (mid-record, mid-character). */
export function cut(text: string | Uint8Array, fraction: number): Buffer {
  const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : Buffer.from(text);
  return bytes.subarray(0, Math.floor(bytes.byteLength * fraction));
}

/** Cut right after the first occurrence of `marker` (to land mid-record deterministically). */
export function cutAfter(text: string, marker: string): Buffer {
  const at = text.indexOf(marker);
  if (at === -1) throw new Error(`marker ${marker} not in text`);
  return Buffer.from(text.slice(0, at + marker.length), 'utf8');
}
