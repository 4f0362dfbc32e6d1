/**
 * Cuts an mbox into messages while it streams, so a multi-GB Thunderbird or Takeout mailbox is
 * never held whole: only the message being read is. A message starts at a "From " postmark line
 * (RFC 4155); body lines that began with "From " were written as ">From " (mboxo) or with one
 * more '>' for every level (mboxrd), and one '>' is taken off again before the message is parsed
 * (the mboxrd rule; the evidence file itself is never changed). A file whose first line is not a
 * postmark is a single message (.eml) and is never split.
 *
 * Byte offsets and line numbers are those of the file, postmark included, so each message's
 * locator covers exactly its bytes and the messages tile the file.
 */

const LINE_FEED = 0x0a;
const LETTER_F = 0x46;
const GREATER_THAN = 0x3e;
/** A postmark is short; a line start this long without a line feed is decided without more bytes. */
const LINE_DECISION_BYTES = 1024;
/**
 * The postmark's date is asctime() ("Thu Jan  1 00:00:00 2020"), sometimes with a zone before or
 * after the year (Gmail Takeout writes "+0000 2023"). Requiring the day and month names keeps an
 * unescaped body line that starts "From " from being taken for a new message.
 */
const POSTMARK = /^From \S* +(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) +(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) +\d{1,2} +\d{1,2}:\d{2}(?::\d{2})?(?: +(?:[+-]\d{4}|[A-Z]{1,5}))? +\d{4}(?: +(?:[+-]\d{4}|[A-Z]{1,5}))?\s*$/u;
const ESCAPED_FROM = /^>+From /u;
export const UTF8_BYTE_ORDER_MARK = [0xef, 0xbb, 0xbf] as const;

export interface RawMessage {
  /** The message as it is parsed: postmark removed, ">From " unescaped; cut at the size limit. */
  bytes: Uint8Array;
  /** The message was larger than the limit: `bytes` holds only its beginning. */
  overflow: boolean;
  contentBytes: number;
  postmark: string | null;
  byteStart: number;
  /** Exclusive. */
  byteEnd: number;
  lineStart: number;
  lineEnd: number;
  unescapedLines: number;
  /** False for the last message of a file that ends in the middle of a line (often a cut copy). */
  endsWithLineFeed: boolean;
}

interface Building {
  parts: Uint8Array[];
  stored: number;
  total: number;
  overflow: boolean;
  postmark: string | null;
  byteStart: number;
  lineStart: number;
  unescaped: number;
}

export function isPostmark(line: string): boolean {
  return POSTMARK.test(line);
}

export class MboxSplitter {
  private mode: 'undecided' | 'mbox' | 'single' = 'undecided';
  private pending: Uint8Array | null = null;
  private atLineStart = true;
  private fileOffset = 0;
  private lineNumber = 1;
  private current: Building | null = null;
  private ready: RawMessage[] = [];

  constructor(private readonly maxMessageBytes: number) {}

  get isMbox(): boolean {
    return this.mode === 'mbox';
  }

  get bytesRead(): number {
    return this.fileOffset;
  }

  /** Feeds the next chunk; returns the messages it completed. */
  push(chunk: Uint8Array): RawMessage[] {
    const data = this.pending === null ? chunk : concat([this.pending, chunk]);
    this.pending = null;
    this.consume(data, false);
    return this.ready.splice(0);
  }

  /** Ends the input; returns the last message (if the file held anything). */
  end(): RawMessage[] {
    if (this.pending !== null) {
      const rest = this.pending;
      this.pending = null;
      this.consume(rest, true);
    }
    this.finish(this.atLineStart ? this.lineNumber - 1 : this.lineNumber, this.atLineStart);
    return this.ready.splice(0);
  }

  /**
   * Walks the lines of `data`. Only a line starting with "F" or ">" can be a postmark or an
   * escaped "From "; every other line is content, appended in runs rather than line by line.
   */
  private consume(data: Uint8Array, final: boolean): void {
    const base = this.fileOffset;
    let position = 0;
    let runStart = 0;
    while (position < data.length) {
      const feed = data.indexOf(LINE_FEED, position);
      const end = feed === -1 ? data.length : feed + 1;
      if (this.atLineStart && (this.mode === 'undecided' || data[position] === LETTER_F || data[position] === GREATER_THAN)) {
        this.append(data.subarray(runStart, position));
        this.fileOffset = base + position;
        if (feed === -1 && data.length - position < LINE_DECISION_BYTES && !final) {
          this.pending = data.slice(position);
          return;
        }
        this.startLine(data.subarray(position, end));
        runStart = end;
      }
      position = end;
      this.atLineStart = feed !== -1;
      if (feed !== -1) this.lineNumber += 1;
    }
    this.append(data.subarray(runStart, data.length));
    this.fileOffset = base + data.length;
  }

  /** A line's beginning (the whole line when it is short): a postmark, an escaped "From ", or content. */
  private startLine(line: Uint8Array): void {
    // A byte order mark before the first line (a copy re-saved by a Windows editor) belongs to
    // the file, not to the postmark or the first header field; the locator still covers it.
    const bytes = this.mode === 'undecided' && startsWithByteOrderMark(line) ? line.subarray(UTF8_BYTE_ORDER_MARK.length) : line;
    const head = latin1(bytes.subarray(0, LINE_DECISION_BYTES)).replace(/\r?\n$/u, '');
    if (this.mode === 'undecided') this.mode = isPostmark(head) ? 'mbox' : 'single';
    if (this.mode === 'mbox' && isPostmark(head)) {
      this.finish(this.lineNumber - 1, true);
      this.current = this.open(head);
      return;
    }
    this.current ??= this.open(null);
    if (this.mode === 'mbox' && ESCAPED_FROM.test(head)) {
      this.current.unescaped += 1;
      this.append(bytes.subarray(1));
      return;
    }
    this.append(bytes);
  }

  private open(postmark: string | null): Building {
    return { parts: [], stored: 0, total: 0, overflow: false, postmark, byteStart: this.fileOffset, lineStart: this.lineNumber, unescaped: 0 };
  }

  private append(bytes: Uint8Array): void {
    const message = this.current;
    if (message === null || bytes.length === 0) return;
    message.total += bytes.length;
    if (message.overflow) return;
    const room = this.maxMessageBytes - message.stored;
    if (bytes.length > room) {
      // The beginning (headers) is kept so the message can still be named in the case.
      message.parts.push(bytes.subarray(0, room));
      message.stored += room;
      message.overflow = true;
      return;
    }
    message.parts.push(bytes);
    message.stored += bytes.length;
  }

  private finish(lineEnd: number, endsWithLineFeed: boolean): void {
    const message = this.current;
    this.current = null;
    if (message === null) return;
    this.ready.push({
      bytes: concat(message.parts),
      overflow: message.overflow,
      contentBytes: message.total,
      postmark: message.postmark,
      byteStart: message.byteStart,
      byteEnd: this.fileOffset,
      lineStart: message.lineStart,
      lineEnd: Math.max(lineEnd, message.lineStart),
      unescapedLines: message.unescaped,
      endsWithLineFeed,
    });
  }
}

export function startsWithByteOrderMark(bytes: Uint8Array): boolean {
  return UTF8_BYTE_ORDER_MARK.every((byte, index) => bytes[index] === byte);
}

function concat(parts: Uint8Array[]): Uint8Array {
  return parts.length === 1 && parts[0] !== undefined ? parts[0] : Buffer.concat(parts);
}

/** Bytes as Latin-1 characters, one per byte: enough to test ASCII patterns on any encoding. */
export function latin1(bytes: Uint8Array): string {
  let text = '';
  for (let start = 0; start < bytes.length; start += 8192) text += String.fromCharCode(...bytes.subarray(start, start + 8192));
  return text;
}
