/** The bytes a plain sms element's record is made of (its text and its `extra` JSON), written in place. */

/** Longest run of bytes copied by a loop rather than Buffer.copy. */
const SHORT_COPY = 48;

/** Grows as needed; the bytes a plain element's record is made of (text and extra JSON). */
export class ByteScratch {
  bytes = Buffer.allocUnsafe(64 * 1024);
  used = 0;

  reserve(room: number): void {
    if (this.used + room <= this.bytes.length) return;
    const larger = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.used + room));
    this.bytes.copy(larger, 0, 0, this.used);
    this.bytes = larger;
  }

  /** ASCII text (JSON punctuation, names, statuses). */
  ascii(text: string): void {
    this.reserve(text.length);
    for (let index = 0; index < text.length; index += 1) this.bytes[this.used + index] = text.charCodeAt(index);
    this.used += text.length;
  }

  /** `bytes[start, end)` as they are: a loop for a short run (quicker than a copy's call), a copy for a long one. */
  bytesIn(bytes: Buffer, start: number, end: number): void {
    const length = end - start;
    this.reserve(length);
    if (length > SHORT_COPY) bytes.copy(this.bytes, this.used, start, end);
    else for (let index = 0; index < length; index += 1) this.bytes[this.used + index] = bytes[start + index] ?? 0;
    this.used += length;
  }

  byte(value: number): void {
    this.reserve(1);
    this.bytes[this.used] = value;
    this.used += 1;
  }

  codePoint(code: number): void {
    this.reserve(4);
    const out = this.bytes;
    let at = this.used;
    if (code < 0x80) out[at++] = code;
    else if (code < 0x800) {
      out[at++] = 0xc0 | (code >> 6);
      out[at++] = 0x80 | (code & 0x3f);
    } else if (code < 0x10000) {
      out[at++] = 0xe0 | (code >> 12);
      out[at++] = 0x80 | ((code >> 6) & 0x3f);
      out[at++] = 0x80 | (code & 0x3f);
    } else {
      out[at++] = 0xf0 | (code >> 18);
      out[at++] = 0x80 | ((code >> 12) & 0x3f);
      out[at++] = 0x80 | ((code >> 6) & 0x3f);
      out[at++] = 0x80 | (code & 0x3f);
    }
    this.used = at;
  }
}
