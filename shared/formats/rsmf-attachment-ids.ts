/**
 * The attachment ids of an RSMF manifest's events, read as the RSMF importer reads them
 * (workers/import/rsmf/manifest-event.ts, through the JSON reader of
 * workers/import/telegram/json-walker.ts): the `id` of an object in an event's `attachments`
 * array (`/events/N/attachments/M/id`); an event with no type is kept unparsed and its
 * attachments are not read; of a key written twice the last value counts; an event the reader
 * may cut (too long, too deep) is kept unparsed too. An `id` anywhere else (nested in an
 * attachment, a participant's) names no file the importer reads.
 *
 * Fed text in chunks of any size, so a manifest of gigabytes is read once and never held, on
 * disk (engine/import/rsmf-folder.ts) and in a zip (workers/import/zip/manifest-attachments.ts);
 * a damaged manifest gives the ids read up to the damage.
 */

/** Longest string kept across chunks: no file name is longer; a longer one is a message body. */
const MAX_STRING_CHARS = 64 * 1024;
const STRING_END = /["\\]/gu;

/** Frames kept: the root, "events", an event, its "attachments", an attachment. */
const MAX_FRAMES = 5;

/**
 * The caps of the importer's JSON reader (workers/import/telegram/json-walker.ts: MAX_VALUE_DEPTH,
 * MAX_STRING_CHARS, MAX_KEY_CHARS, MAX_NUMBER_CHARS, MAX_VALUE_CHARS, and the 8 it counts for a
 * container or a scalar that is no string). An event that may hit one is delivered cut and kept
 * unparsed, its attachments not read; measured here from the raw text, which is never shorter.
 */
const READER_MAX_DEPTH = 48;
const READER_MAX_STRING_CHARS = 1024 * 1024;
const READER_MAX_KEY_CHARS = 4096;
const READER_MAX_NUMBER_CHARS = 64;
const READER_MAX_EVENT_CHARS = 8 * 1024 * 1024;
const READER_OTHER_VALUE_CHARS = 8;

/** An open object or array: the key it is the value of (null for an array's element or the root). */
interface Frame {
  kind: 'object' | 'array';
  key: string | null;
  /**
   * An event: its attachment ids (of its last `attachments` key), whether its last `type` is a
   * non-empty string, what the importer's reader would count of it, and whether that reader may cut it.
   */
  event?: { ids: string[]; typed: boolean; chars: number; mayBeCut: boolean };
  /** An attachment of an event: the value of its last `id` key, when a non-empty string. */
  id?: string | null;
}

/**
 * A JSON tokeniser that knows only what it needs: strings, keys, and the open objects and arrays
 * down to an event's attachment. A string is a key when a colon follows it. An event's ids are
 * given when the event closes, and only when it has a type.
 */
export class RsmfAttachmentIdScanner {
  private readonly frames: Frame[] = [];
  /** Open objects and arrays below an attachment: only counted, so a hostile nesting holds no memory. */
  private deeper = 0;
  /** The key whose value comes next (after its colon), until that value begins. */
  private valueOf: string | null = null;
  private inString = false;
  private escaped = false;
  private text = '';
  private overlong = false;
  /** A string just closed, waiting to learn whether a colon (a key) follows it. */
  private closed: string | null = null;
  /** The string just closed was longer than MAX_STRING_CHARS (`closed` is then ''): not empty, but naming no file. */
  private closedOverlong = false;
  /** Raw characters of the string being read, and of the one just closed. */
  private rawLength = 0;
  private closedRaw = 0;
  /** Characters of the number or literal being read (0 between them). */
  private literal = 0;

  constructor(private readonly onId: (id: string) => void) {}

  feed(chunk: string): void {
    let at = 0;
    while (at < chunk.length) {
      if (this.inString) at = this.inside(chunk, at);
      else at = this.outside(chunk, at);
    }
  }

  end(): void {
    if (this.closed !== null) this.value(this.closed, this.closedOverlong);
    this.closed = null;
  }

  /** The event being read, if any. */
  private get event(): NonNullable<Frame['event']> | undefined {
    return this.frames[2]?.event;
  }

  /** Adds to what the importer's reader would count of the open event. */
  private count(chars: number): void {
    const event = this.event;
    if (event === undefined) return;
    event.chars += chars;
    if (event.chars >= READER_MAX_EVENT_CHARS) this.mayBeCut();
  }

  /**
   * The open event may be cut: none of its ids will be given, so none is kept (one event of
   * gigabytes of attachments held them all until it closed, and ran the engine out of memory).
   */
  private mayBeCut(): void {
    const event = this.event;
    if (event === undefined) return;
    event.mayBeCut = true;
    event.ids = [];
  }

  private inside(chunk: string, from: number): number {
    let at = from;
    if (this.escaped) {
      this.rawLength += 1;
      this.append(chunk.slice(at, at + 1));
      this.escaped = false;
      at += 1;
    }
    STRING_END.lastIndex = at;
    const stop = STRING_END.exec(chunk);
    if (stop === null) {
      this.rawLength += chunk.length - at;
      this.append(chunk.slice(at));
      return chunk.length;
    }
    this.rawLength += stop.index - at;
    this.append(chunk.slice(at, stop.index));
    if (stop[0] === '\\') {
      this.rawLength += 1;
      this.append('\\');
      this.escaped = true;
      return stop.index + 1;
    }
    this.inString = false;
    // An overlong or undecodable string still ends a value: as '' it names no file.
    this.closed = this.overlong ? '' : decoded(this.text) ?? '';
    this.closedOverlong = this.overlong;
    this.text = '';
    this.overlong = false;
    this.closedRaw = this.rawLength;
    this.rawLength = 0;
    return stop.index + 1;
  }

  private outside(chunk: string, at: number): number {
    const char = chunk[at] ?? '';
    const literalChar = !' \n\r\t",:{}[]'.includes(char);
    if (!literalChar) this.literal = 0;
    else {
      this.literal += 1;
      if (this.literal === 1) this.count(READER_OTHER_VALUE_CHARS);
      if (this.literal > READER_MAX_NUMBER_CHARS) this.mayBeCut();
    }
    if (char === ' ' || char === '\n' || char === '\r' || char === '\t') return at + 1;
    if (this.closed !== null) {
      const string = this.closed;
      this.closed = null;
      if (char === ':') {
        this.count(this.closedRaw);
        if (this.closedRaw > READER_MAX_KEY_CHARS) this.mayBeCut();
        this.valueOf = string;
        return at + 1;
      }
      this.count(this.closedRaw + 2);
      if (this.closedRaw > READER_MAX_STRING_CHARS) this.mayBeCut();
      this.value(string, this.closedOverlong);
    }
    if (char === '"') {
      this.inString = true;
      this.closed = null;
      return at + 1;
    }
    if (char === '{' || char === '[') {
      this.valueStarts(null);
      this.open(char === '{' ? 'object' : 'array');
    } else if (char === '}' || char === ']') this.close();
    else if (char !== ',' && this.valueOf !== null) this.valueStarts(null);
    this.valueOf = null;
    return at + 1;
  }

  /** A string value ends; `overlong`: it was too long to keep (a non-empty type, but no file's name). */
  private value(string: string, overlong: boolean): void {
    if (this.valueOf !== null) this.valueStarts(string === '' ? null : string, overlong);
    this.valueOf = null;
  }

  /** A value of the key `valueOf` begins (`string`: its text when a non-empty string; `overlong`: a string too long to keep). */
  private valueStarts(string: string | null, overlong = false): void {
    const owner = this.frames.at(-1);
    if (owner === undefined || this.valueOf === null || this.deeper > 0) return;
    if (owner.event !== undefined) {
      // The importer reads a type of any length (up to its own cut, counted apart) as a type.
      if (this.valueOf === 'type') owner.event.typed = string !== null || overlong;
      // A key written twice: the importer reads its last value only.
      else if (this.valueOf === 'attachments') owner.event.ids = [];
    } else if (owner.id !== undefined && this.valueOf === 'id') owner.id = string;
  }

  private open(kind: Frame['kind']): void {
    this.count(READER_OTHER_VALUE_CHARS);
    // Containers open from the event on (itself included): at the reader's depth, what is inside is left out.
    if (this.frames.length + this.deeper + 1 - 2 >= READER_MAX_DEPTH) this.mayBeCut();
    if (this.frames.length === MAX_FRAMES) {
      this.deeper += 1;
      return;
    }
    const frame: Frame = { kind, key: this.valueOf };
    const depth = this.frames.length;
    // /events/N (an array's element, or a member when "events" is an object): an event.
    if (kind === 'object' && depth === 2 && this.frames[0]?.kind === 'object' && this.frames[1]?.key === 'events') frame.event = { ids: [], typed: false, chars: READER_OTHER_VALUE_CHARS, mayBeCut: false };
    // /events/N/attachments/M: an attachment.
    if (kind === 'object' && depth === 4 && this.frames[2]?.event !== undefined && this.frames[3]?.kind === 'array' && this.frames[3].key === 'attachments') frame.id = null;
    this.frames.push(frame);
  }

  private close(): void {
    if (this.deeper > 0) {
      this.deeper -= 1;
      return;
    }
    const frame = this.frames.pop();
    if (frame === undefined) return;
    const event = this.frames[2]?.event;
    if (frame.id !== undefined && frame.id !== null && event !== undefined && !event.mayBeCut) event.ids.push(frame.id);
    // An event the reader may cut is kept unparsed, its attachments not read: their files are listed.
    if (frame.event?.typed === true && !frame.event.mayBeCut) for (const id of frame.event.ids) this.onId(id);
  }

  private append(part: string): void {
    if (this.overlong) return;
    this.text += part;
    if (this.text.length > MAX_STRING_CHARS) {
      this.overlong = true;
      this.text = '';
    }
  }
}

function decoded(raw: string): string | null {
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    return null;
  }
}
