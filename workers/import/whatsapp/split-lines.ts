/**
 * Byte-level line splitting with a single UTF-8 decode.
 *
 * Lines end at LF (0x0A) only, so U+2028 inside a message never splits it. A CR right before
 * the LF is not part of the line. The whole file is decoded once (non-fatal), and the decoded
 * text is cut at '\n' in parallel with the byte scan: the WHATWG UTF-8 decoder never lets a
 * malformed sequence swallow an ASCII byte, so the n-th 0x0A byte is always the n-th '\n'.
 */

const LINE_FEED_BYTE = 0x0a;
const CARRIAGE_RETURN_CHAR = 13;
const REPLACEMENT_CHARACTER = '\uFFFD';

interface Utf8Decoder {
  decode(input?: Uint8Array): string;
}
interface Utf8DecoderConstructor {
  new (label: string, options?: { fatal?: boolean; ignoreBOM?: boolean }): Utf8Decoder;
}

/** TextDecoder is an ES/web global in Node 20; typed locally so no DOM or node lib is needed. */
function getDecoderConstructor(): Utf8DecoderConstructor {
  const candidate = (globalThis as unknown as { TextDecoder?: Utf8DecoderConstructor }).TextDecoder;
  if (candidate === undefined) {
    throw new Error('TextDecoder is not available in this runtime');
  }
  return candidate;
}

let lenientDecoder: Utf8Decoder | null = null;
let bomKeepingDecoder: Utf8Decoder | null = null;
let strictDecoder: Utf8Decoder | null = null;

/**
 * Decodes UTF-8, replacing malformed sequences with U+FFFD. A leading BOM is dropped at the
 * start of a file only: a later piece of the same file keeps a U+FEFF it starts with.
 */
export function decodeUtf8(bytes: Uint8Array, atFileStart = true): string {
  if (atFileStart) {
    lenientDecoder ??= new (getDecoderConstructor())('utf-8', { fatal: false });
    return lenientDecoder.decode(bytes);
  }
  bomKeepingDecoder ??= new (getDecoderConstructor())('utf-8', { fatal: false, ignoreBOM: true });
  return bomKeepingDecoder.decode(bytes);
}

/** True when the bytes are well-formed UTF-8. */
export function isWellFormedUtf8(bytes: Uint8Array): boolean {
  strictDecoder ??= new (getDecoderConstructor())('utf-8', { fatal: true });
  try {
    strictDecoder.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** The file as decoded text plus, per line, where it sits in the bytes and in the text. */
export interface SplitText {
  text: string;
  lineCount: number;
  /** byteStarts[i] = first byte of line i; byteStarts[lineCount] = bytes.length. */
  byteStarts: Float64Array;
  /** Content of line i is text.slice(charStarts[i], charEnds[i]) (CR and LF excluded). */
  charStarts: Float64Array;
  charEnds: Float64Array;
  /** 1-based numbers of lines holding malformed UTF-8. */
  invalidUtf8Lines: number[];
}

function countLineFeeds(bytes: Uint8Array): number {
  let count = 0;
  let position = bytes.indexOf(LINE_FEED_BYTE);
  while (position !== -1) {
    count += 1;
    position = bytes.indexOf(LINE_FEED_BYTE, position + 1);
  }
  return count;
}

/**
 * Splits the bytes into lines; a trailing LF does not start another line. `atFileStart` is
 * false for a later region of a file read in pieces (see line-regions.ts).
 */
export function splitLines(bytes: Uint8Array, atFileStart = true): SplitText {
  const text = decodeUtf8(bytes, atFileStart);
  const lineFeeds = countLineFeeds(bytes);
  const endsWithLineFeed = bytes.length > 0 && bytes[bytes.length - 1] === LINE_FEED_BYTE;
  const lineCount = bytes.length === 0 ? 0 : endsWithLineFeed ? lineFeeds : lineFeeds + 1;

  const byteStarts = new Float64Array(lineCount + 1);
  const charStarts = new Float64Array(lineCount);
  const charEnds = new Float64Array(lineCount);

  let bytePosition = 0;
  let charPosition = 0;
  for (let line = 0; line < lineCount; line += 1) {
    byteStarts[line] = bytePosition;
    charStarts[line] = charPosition;
    const byteFeed = bytes.indexOf(LINE_FEED_BYTE, bytePosition);
    const charFeed = text.indexOf('\n', charPosition);
    let charEnd = charFeed === -1 ? text.length : charFeed;
    if (charEnd > charPosition && text.charCodeAt(charEnd - 1) === CARRIAGE_RETURN_CHAR && charFeed !== -1) {
      charEnd -= 1;
    }
    charEnds[line] = charEnd;
    bytePosition = byteFeed === -1 ? bytes.length : byteFeed + 1;
    charPosition = charFeed === -1 ? text.length : charFeed + 1;
  }
  byteStarts[lineCount] = bytes.length;

  return {
    text,
    lineCount,
    byteStarts,
    charStarts,
    charEnds,
    invalidUtf8Lines: findInvalidUtf8Lines(bytes, text, lineCount, byteStarts, charStarts, charEnds),
  };
}

/**
 * U+FFFD in the decoded text is either a decoding error or a literal U+FFFD in the file;
 * only lines that contain one are re-checked with a fatal decoder, so clean files pay nothing.
 */
function findInvalidUtf8Lines(
  bytes: Uint8Array,
  text: string,
  lineCount: number,
  byteStarts: Float64Array,
  charStarts: Float64Array,
  charEnds: Float64Array,
): number[] {
  const invalid: number[] = [];
  let search = text.indexOf(REPLACEMENT_CHARACTER);
  let line = 0;
  while (search !== -1 && line < lineCount) {
    while (line < lineCount && (charEnds[line] ?? 0) < search) {
      line += 1;
    }
    if (line >= lineCount) {
      break;
    }
    const lineBytes = bytes.subarray(byteStarts[line] ?? 0, byteStarts[line + 1] ?? bytes.length);
    if (!isWellFormedUtf8(lineBytes)) {
      invalid.push(line + 1);
    }
    const nextLineStart = line + 1 < lineCount ? (charStarts[line + 1] ?? text.length) : text.length;
    search = text.indexOf(REPLACEMENT_CHARACTER, nextLineStart);
    line += 1;
  }
  return invalid;
}

/** Text of line `index` (0-based) without its CR/LF. */
export function lineText(split: SplitText, index: number): string {
  return split.text.slice(split.charStarts[index] ?? 0, split.charEnds[index] ?? 0);
}
