/**
 * Mail from phones and webmail often carries 8-bit text with no charset: a text part with
 * "Content-Transfer-Encoding: 8bit" (or none, or 8-bit bytes under quoted-printable or base64)
 * and no charset parameter, or raw 8-bit bytes in a
 * header (Subject, a From display name) instead of RFC 2047 encoded words. Read as UTF-8 (what
 * mailparser assumes) every non-UTF-8 byte became U+FFFD. A careful reader keeps UTF-8 when the
 * bytes are valid UTF-8, else takes the charset the message states elsewhere (another part's
 * charset, an HTML <meta charset>), else windows-1252, the WHATWG default for unlabelled Latin
 * text; and says which it assumed and why.
 *
 * The message handed to mailparser is labelled accordingly: a text part gets the charset
 * parameter it lacked, and an 8-bit header line is re-encoded as UTF-8. Only header bytes change,
 * so no part's content (an attachment's bytes) changes; the evidence file is never touched.
 * Embedded messages (message/rfc822) are left whole: they are read, and labelled, in turn. A
 * digest's part without a Content-Type, a message by RFC 2046 §5.1.5, is labelled as one.
 */

import { isUtf8 } from 'node:buffer';

const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const FIRST_8BIT_BYTE = 0x80;
/** The WHATWG Encoding Standard's reading of unlabelled legacy Latin text (and of "iso-8859-1"). */
const DEFAULT_LEGACY_CHARSET = 'windows-1252';
const STATED_CHARSET = /charset\s*=\s*["']?([a-z0-9._:-]+)/giu;
const UTF8_NAMES = new Set(['utf-8', 'utf8', 'us-ascii', 'ascii']);
const MAX_CHARSET_SCAN_BYTES = 1024 * 1024;
/** Transfer encodings under which a part's bytes are its text as written. */
const LITERAL_ENCODINGS = new Set(['', '7bit', '8bit', 'binary']);
const QUOTED_PRINTABLE = 'quoted-printable';
/** Bytes that may follow "--boundary" on a delimiter line: "-" (closing), space, tab, CR, LF. */
const DELIMITER_END = new Set([0x2d, 0x20, 0x09, CARRIAGE_RETURN, LINE_FEED]);
const BASE64 = 'base64';
/** A digest's parts' default type (RFC 2046 §5.1.5), which mailparser does not apply: written out for it. */
const DIGEST_PART_TYPE = 'message/rfc822';

export interface LabelledMessage {
  /** The message to parse: `bytes` itself when nothing needed a label. */
  bytes: Uint8Array;
  /** One note per assumption, for the examiner. */
  notes: string[];
}

interface Edit {
  from: number;
  to: number;
  insert: Uint8Array;
}

interface Assumed {
  charset: string;
  why: string;
}

interface PartHeader {
  /** Lower-cased "type/subtype", or null when the part has no Content-Type. */
  type: string | null;
  params: string;
  encoding: string;
  /** Byte offset where the Content-Type field's last line ends (before its line break), or -1. */
  contentTypeEnd: number;
}

export function labelUnlabelledText(bytes: Uint8Array): LabelledMessage {
  const labeller = new Labeller(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  labeller.walk(0, bytes.byteLength, '', 'text/plain');
  return { bytes: labeller.apply(), notes: labeller.notes };
}

/** The charset to assume for 8-bit text that is not UTF-8: one the message states, else windows-1252. */
function assumedCharset(bytes: Uint8Array): Assumed {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, MAX_CHARSET_SCAN_BYTES)).toString('latin1');
  for (const match of text.matchAll(STATED_CHARSET)) {
    const name = (match[1] ?? '').toLowerCase();
    if (!UTF8_NAMES.has(name) && decoderFor(name) !== null) return { charset: name, why: 'the charset stated elsewhere in the message' };
  }
  return { charset: DEFAULT_LEGACY_CHARSET, why: 'the usual charset of unlabelled Latin text (WHATWG)' };
}

function decoderFor(charset: string): InstanceType<typeof TextDecoder> | null {
  try {
    return new TextDecoder(charset);
  } catch {
    return null;
  }
}

function has8bit(bytes: Uint8Array): boolean {
  // A plain loop: a message may be hundreds of megabytes, and a callback per byte is slow.
  for (const byte of bytes) if (byte >= FIRST_8BIT_BYTE) return true;
  return false;
}

class Labeller {
  readonly notes: string[] = [];
  private readonly edits: Edit[] = [];
  private assumedCharset: Assumed | null = null;

  constructor(private readonly bytes: Buffer) {}

  /** Found when first needed: most messages are labelled or UTF-8, and the scan reads up to a megabyte. */
  private get assumed(): Assumed {
    this.assumedCharset ??= assumedCharset(this.bytes);
    return this.assumedCharset;
  }

  /** One MIME entity in [start, end): its header lines, then its parts or its text. */
  walk(start: number, end: number, part: string, defaultType: string): void {
    const bodyStart = headerBlockEnd(this.bytes, start, end);
    this.relabelHeaderLines(start, bodyStart, part);
    const header = readPartHeader(this.bytes, start, bodyStart);
    const type = header.type ?? defaultType;
    if (type.startsWith('multipart/')) {
      const boundary = parameter(header.params, 'boundary');
      if (boundary === null) return;
      // RFC 2046 §5.1.5: the parts of a digest are messages unless they say otherwise.
      const childType = type === 'multipart/digest' ? DIGEST_PART_TYPE : 'text/plain';
      partsOf(this.bytes, bodyStart, end, boundary).forEach(([from, to], index) => this.walk(from, to, part === '' ? String(index + 1) : `${part}.${index + 1}`, childType));
      return;
    }
    if (header.type === null && type === DIGEST_PART_TYPE) {
      // mailparser reads a part without a Content-Type as text/plain, also in a digest: there
      // RFC 2046's default is a message, which is then read as one (its sender, subject, date).
      this.insertContentType(start, type);
      return;
    }
    if (!type.startsWith('text/') || parameter(header.params, 'charset') !== null) return;
    const body = textBytes(this.bytes.subarray(bodyStart, end), header.encoding);
    if (body === null || !has8bit(body) || isUtf8(body)) return;
    this.labelText(start, header, part === '' ? '1' : part);
  }

  /** The message with every edit made, or the original bytes when none was needed. */
  apply(): Uint8Array {
    if (this.edits.length === 0) return this.bytes;
    const pieces: Uint8Array[] = [];
    let at = 0;
    // Edits never overlap; at one offset, an insertion (a Content-Type line added) comes before a line it precedes.
    for (const edit of [...this.edits].sort((a, b) => a.from - b.from || a.to - b.to)) {
      pieces.push(this.bytes.subarray(at, edit.from), edit.insert);
      at = edit.to;
    }
    pieces.push(this.bytes.subarray(at));
    return new Uint8Array(Buffer.concat(pieces));
  }

  private labelText(start: number, header: PartHeader, part: string): void {
    const { charset, why } = this.assumed;
    this.notes.push(`MIME part ${part}: its 8-bit text has no charset and is not UTF-8; read as ${charset}, ${why} (the source bytes are unchanged)`);
    const label = Buffer.from(`; charset="${charset}"`, 'latin1');
    if (header.contentTypeEnd !== -1) {
      this.insertAtFieldEnd(header.contentTypeEnd, label);
      return;
    }
    this.edits.push({ from: start, to: start, insert: Buffer.from(`Content-Type: text/plain; charset="${charset}"${this.lineBreakAt(start)}`, 'latin1') });
  }

  /** A Content-Type line for a part that has none, before its first header line. */
  private insertContentType(start: number, type: string): void {
    this.edits.push({ from: start, to: start, insert: Buffer.from(`Content-Type: ${type}${this.lineBreakAt(start)}`, 'latin1') });
  }

  /** The line break the line at `start` ends with (CR LF or LF). */
  private lineBreakAt(start: number): string {
    const feed = this.bytes.indexOf(LINE_FEED, start);
    return feed > start && this.bytes[feed - 1] === CARRIAGE_RETURN ? '\r\n' : '\n';
  }

  /** Adds `label` where the Content-Type field ends, also when that line was itself re-encoded (a raw 8-bit name= parameter). */
  private insertAtFieldEnd(at: number, label: Uint8Array): void {
    const reencoded = this.edits.find((edit) => edit.from <= at && at < edit.to);
    if (reencoded === undefined) {
      this.edits.push({ from: at, to: at, insert: label });
      return;
    }
    const text = Buffer.from(reencoded.insert).toString('utf8');
    const lineBreak = /\r?\n$/u.exec(text)?.[0] ?? '';
    reencoded.insert = Buffer.concat([Buffer.from(text.slice(0, text.length - lineBreak.length), 'utf8'), label, Buffer.from(lineBreak, 'latin1')]);
  }

  /** Header lines with 8-bit bytes that are not UTF-8 are re-encoded as UTF-8 from the assumed charset. */
  private relabelHeaderLines(start: number, end: number, part: string): void {
    let field = '';
    for (let lineStart = start; lineStart < end; ) {
      const feed = this.bytes.indexOf(LINE_FEED, lineStart);
      const lineEnd = feed === -1 || feed >= end ? end : feed + 1;
      const line = this.bytes.subarray(lineStart, lineEnd);
      if (line[0] !== 0x20 && line[0] !== 0x09) field = line.toString('latin1').split(':')[0] ?? '';
      if (has8bit(line) && !isUtf8(line)) {
        const decoder = decoderFor(this.assumed.charset) ?? new TextDecoder(DEFAULT_LEGACY_CHARSET);
        this.edits.push({ from: lineStart, to: lineEnd, insert: Buffer.from(decoder.decode(line), 'utf8') });
        this.notes.push(`${part === '' ? '' : `MIME part ${part}: `}header ${field} has 8-bit text without an encoding and is not UTF-8; read as ${this.assumed.charset}, ${this.assumed.why} (the source bytes are unchanged)`);
      }
      lineStart = lineEnd;
    }
  }
}

/** A text part's bytes once its transfer encoding is undone; null for an encoding mailparser does not undo either. */
function textBytes(body: Uint8Array, encoding: string): Uint8Array | null {
  if (LITERAL_ENCODINGS.has(encoding)) return body;
  const text = Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('latin1');
  if (encoding === BASE64) return Buffer.from(text, 'base64');
  if (encoding !== QUOTED_PRINTABLE) return null;
  // RFC 2045 §6.7: "=" at a line's end is a soft line break, "=XX" one byte.
  const decoded = text.replace(/=[ \t]*\r?\n/gu, '').replace(/=([0-9a-f]{2})/giu, (_match, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  return Buffer.from(decoded, 'latin1');
}

/** Offset just past the blank line that ends the header block starting at `start` (or `end`). */
function headerBlockEnd(bytes: Buffer, start: number, end: number): number {
  if (bytes[start] === LINE_FEED) return start + 1;
  if (bytes[start] === CARRIAGE_RETURN && bytes[start + 1] === LINE_FEED) return start + 2;
  for (let at = bytes.indexOf(LINE_FEED, start); at !== -1 && at < end; at = bytes.indexOf(LINE_FEED, at + 1)) {
    const next = bytes[at + 1];
    if (next === LINE_FEED) return at + 2;
    if (next === CARRIAGE_RETURN && bytes[at + 2] === LINE_FEED) return at + 3;
  }
  return end;
}

function readPartHeader(bytes: Buffer, start: number, end: number): PartHeader {
  const header: PartHeader = { type: null, params: '', encoding: '', contentTypeEnd: -1 };
  const text = bytes.subarray(start, end).toString('latin1');
  // Each field with its folded lines.
  for (const match of text.matchAll(/^([!-9;-~]+)[ \t]*:((?:[^\n]*\n[ \t])*[^\n]*?)\r?(?=\n|$)/gmu)) {
    const name = (match[1] ?? '').toLowerCase();
    const value = (match[2] ?? '').replace(/\r?\n[ \t]/gu, ' ').trim();
    if (name === 'content-type' && header.type === null) {
      const [type = '', ...params] = value.split(';');
      header.type = type.trim().toLowerCase();
      header.params = params.join(';');
      // latin1 text has one character per byte; the field ends before its line break.
      const fieldEnd = (match.index ?? 0) + (match[0] ?? '').length;
      header.contentTypeEnd = start + (text[fieldEnd - 1] === '\r' ? fieldEnd - 1 : fieldEnd);
    }
    if (name === 'content-transfer-encoding') header.encoding = value.toLowerCase();
  }
  return header;
}

function parameter(params: string, name: string): string | null {
  const match = new RegExp(String.raw`(?:^|;)\s*${name}\s*=\s*(?:"([^"]*)"|([^;\s]+))`, 'iu').exec(params);
  return match === null ? null : (match[1] ?? match[2] ?? '');
}

/** The byte ranges of a multipart body's parts (RFC 2046 §5.1.1), each from its first header line to the line break before the next delimiter. */
function partsOf(bytes: Buffer, start: number, end: number, boundary: string): [number, number][] {
  const delimiter = Buffer.from(`--${boundary}`, 'latin1');
  const starts: number[] = [];
  const ends: number[] = [];
  for (let at = bytes.indexOf(delimiter, start); at !== -1 && at < end; at = bytes.indexOf(delimiter, at + 1)) {
    if (at !== start && bytes[at - 1] !== LINE_FEED) continue;
    // "--B" is also the start of "--B2", a nested part's boundary: only "--", space or the line's end may follow.
    if (!DELIMITER_END.has(bytes[at + delimiter.length] ?? LINE_FEED)) continue;
    const before = at === start ? at : at - (bytes[at - 2] === CARRIAGE_RETURN ? 2 : 1);
    if (starts.length > ends.length) ends.push(before);
    const closing = bytes[at + delimiter.length] === 0x2d && bytes[at + delimiter.length + 1] === 0x2d;
    if (closing) break;
    const feed = bytes.indexOf(LINE_FEED, at);
    if (feed === -1 || feed >= end) break;
    starts.push(feed + 1);
  }
  if (starts.length > ends.length) ends.push(end);
  return starts.map((from, index) => [from, ends[index] ?? end]);
}
