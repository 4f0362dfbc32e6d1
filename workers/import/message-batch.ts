import { MESSAGE_ROW_COLUMNS, type MessageBatch, type NewMessage } from '../../shared/contracts/db-worker.ts';
import { CELL_INTEGER, CELL_NULL, CELL_REAL, type PackedRows } from '../../shared/contracts/packed-rows.ts';
import type { SourceLocator } from '../../shared/contracts/parsed-source.ts';

/**
 * Packs rows of SQL values (shared/contracts/packed-rows.ts). One writer serves a whole import:
 * its scratch buffer grows to the largest batch and is reused, and each finished batch gets
 * buffers of its own, so they can be transferred to the db worker. Rows are written one by one
 * as they come (MessageBatchEncoder.add), so a batch never has to be held as objects.
 */
/** Buffer's own UTF-8 writer, which `Buffer.write` calls once it has checked its arguments. */
interface Utf8Writable {
  utf8Write(value: string, offset: number, length: number): number;
}
/**
 * Whether this Node has it (every version to date; it is not documented, so not counted on).
 * A short string's `Buffer.write` spent more in the checks than in the writing (measured on the
 * import thread, ADR 0015): here offset and room are right by construction.
 */
const HAS_UTF8_WRITE = typeof (Buffer.prototype as unknown as Partial<Utf8Writable>).utf8Write === 'function';

export class PackedRowsWriter {
  private scratch = Buffer.allocUnsafe(256 * 1024);
  private used = 0;
  private cells = new Float64Array(0);
  private cell = 0;
  /** Where the next piece of the last asciiRun lies. */
  private runStart = 0;
  /** Per column, the last string packed by repeatedString in this batch, and where its bytes are. */
  private readonly lastStrings: (string | undefined)[];
  private readonly lastCells: Float64Array;
  /** Per column, every string repeatedString packed in this batch: the cell (index into cells) that points at its bytes. */
  private readonly packedStrings: Map<string, number>[];

  constructor(private readonly columns: number) {
    this.lastStrings = new Array<string | undefined>(columns).fill(undefined);
    this.lastCells = new Float64Array(columns * 2);
    this.packedStrings = Array.from({ length: columns }, () => new Map<string, number>());
  }

  /** Starts a batch with room for `rows` rows; more rows make room for themselves (startRow). */
  start(rows: number): void {
    this.cells = new Float64Array(Math.max(1, rows) * this.columns * 2);
    this.cell = 0;
    this.used = 0;
    this.lastStrings.fill(undefined);
    for (const packed of this.packedStrings) packed.clear();
  }

  /** Whole rows written since start. */
  get rows(): number {
    return Math.floor(this.cell / (this.columns * 2));
  }

  /** Called before a row's values: grows the cells when the batch outgrows what start made room for. */
  startRow(): void {
    const needed = this.cell + this.columns * 2;
    if (needed <= this.cells.length) return;
    const larger = new Float64Array(Math.max(needed, this.cells.length * 2));
    larger.set(this.cells.subarray(0, this.cell));
    this.cells = larger;
  }

  string(value: string): void {
    // A UTF-16 unit never takes more than three UTF-8 bytes (a surrogate pair: four for two).
    const room = value.length * 3;
    if (this.used + room > this.scratch.length) this.grow(room);
    const written = HAS_UTF8_WRITE ? (this.scratch as unknown as Utf8Writable).utf8Write(value, this.used, room) : this.scratch.write(value, this.used);
    this.cells[this.cell] = this.used;
    this.cells[this.cell + 1] = written;
    this.cell += 2;
    this.used += written;
  }

  /**
   * A string this column has had before in the batch (the source, the kind, the language; the
   * chats and senders of a conversation, or of hundreds of them interleaved): the bytes already
   * packed are pointed at again instead of being written once more. Writing a short string is
   * mostly the cost of calling into Node (~150 ns); finding it again, a Map lookup. The row
   * before's value is compared first: most repeats are of it (source, kind, language), and an
   * identity check costs less than the Map's hashing.
   */
  repeatedString(value: string, column: number): void {
    const at = column * 2;
    if (this.lastStrings[column] === value) {
      this.cells[this.cell] = this.lastCells[at] as number;
      this.cells[this.cell + 1] = this.lastCells[at + 1] as number;
      this.cell += 2;
      return;
    }
    const packed = this.packedStrings[column] as Map<string, number>;
    const earlier = packed.get(value);
    if (earlier === undefined) {
      this.string(value);
      packed.set(value, this.cell - 2);
    } else {
      this.cells[this.cell] = this.cells[earlier] as number;
      this.cells[this.cell + 1] = this.cells[earlier + 1] as number;
      this.cell += 2;
    }
    this.lastStrings[column] = value;
    this.lastCells[at] = this.cells[this.cell - 2] as number;
    this.lastCells[at + 1] = this.cells[this.cell - 1] as number;
  }

  /**
   * Packs four strings that are nearly always ASCII (a row's id, UTC time, time as written and
   * locator) with one call into Node instead of four, when all of them are: true, and runCell
   * then gives each its cell. False when any character is not ASCII (then nothing is kept, and
   * the caller packs them one by one). Each call into Node costs ~150 ns, most of writing a
   * short string.
   */
  asciiRun(first: string, second: string, third: string, fourth: string): boolean {
    const value = first + second + third + fourth;
    const room = value.length * 3;
    if (this.used + room > this.scratch.length) this.grow(room);
    const written = HAS_UTF8_WRITE ? (this.scratch as unknown as Utf8Writable).utf8Write(value, this.used, room) : this.scratch.write(value, this.used);
    // Any character past ASCII takes more than one byte for each of its UTF-16 units.
    if (written !== value.length) return false;
    this.runStart = this.used;
    this.used += written;
    return true;
  }

  /** The cell of the next `length` characters of the last asciiRun. */
  runCell(length: number): void {
    this.cells[this.cell] = this.runStart;
    this.cells[this.cell + 1] = length;
    this.cell += 2;
    this.runStart += length;
  }

  nullableRepeatedString(value: string | null, column: number): void {
    if (value === null) this.null();
    else this.repeatedString(value, column);
  }

  /** A string given as its UTF-8 bytes, `source[start, end)`. */
  utf8(source: Uint8Array, start: number, end: number): void {
    const length = end - start;
    if (this.used + length > this.scratch.length) this.grow(length);
    this.scratch.set(source.subarray(start, end), this.used);
    this.cells[this.cell] = this.used;
    this.cells[this.cell + 1] = length;
    this.cell += 2;
    this.used += length;
  }

  nullableString(value: string | null): void {
    if (value === null) this.null();
    else this.string(value);
  }

  number(value: number): void {
    this.cells[this.cell] = Number.isSafeInteger(value) ? CELL_INTEGER : CELL_REAL;
    this.cells[this.cell + 1] = value;
    this.cell += 2;
  }

  boolean(value: boolean): void {
    this.number(value ? 1 : 0);
  }

  null(): void {
    this.cells[this.cell] = CELL_NULL;
    this.cells[this.cell + 1] = 0;
    this.cell += 2;
  }

  /** The rows written since start, in buffers of their own; a row with values missing is refused. */
  finish(): PackedRows {
    const perRow = this.columns * 2;
    if (this.cell > this.cells.length) throw new Error(`packed ${this.cell / 2} values into room for ${this.cells.length / 2}: a row was written without startRow`);
    if (this.cell % perRow !== 0) throw new Error(`packed ${this.cell / 2} values: the last row lacks ${(perRow - (this.cell % perRow)) / 2} of its ${this.columns}`);
    // A copy of exactly the bytes used: the scratch buffer stays here, the copy is transferred.
    const text = new Uint8Array(this.scratch.subarray(0, this.used));
    const cells = this.cell === this.cells.length ? this.cells : this.cells.slice(0, this.cell);
    // The strings looked up for repeats are let go with the batch: each may be a view keeping the
    // text it was cut from alive (ownCopy), until the next batch starts (after the last, never).
    this.lastStrings.fill(undefined);
    for (const packed of this.packedStrings) packed.clear();
    return { text, cells, count: this.cell / perRow, columns: this.columns };
  }

  private grow(room: number): void {
    const larger = Buffer.allocUnsafe(Math.max(this.scratch.length * 2, this.used + room));
    this.scratch.copy(larger, 0, 0, this.used);
    this.scratch = larger;
  }
}

/**
 * Locators as JSON text. The line locator of a text export and the element locator of an XML
 * backup (one per message, the file name the same every time) are written field by field with
 * the file name's JSON made once per file: JSON.stringify of the object was a third of packing a
 * message. The text is JSON.stringify's for a locator of the type's fields in the type's order
 * (tests compare the two for what each importer gives).
 */
export class LocatorJson {
  private file: string | null = null;
  private fileJson = '';

  text(locator: SourceLocator): string {
    if (locator.kind === 'text-lines') {
      const { file, lineStart, lineEnd, byteStart, byteEnd } = locator;
      if (!Number.isSafeInteger(lineStart) || !Number.isSafeInteger(lineEnd) || !Number.isSafeInteger(byteStart) || !Number.isSafeInteger(byteEnd)) return JSON.stringify(locator);
      return `{"kind":"text-lines","file":${this.jsonOfFile(file)},"lineStart":${lineStart},"lineEnd":${lineEnd},"byteStart":${byteStart},"byteEnd":${byteEnd}}`;
    }
    // An XML element (SMS Backup & Restore, UFDR): one per message of backups of millions.
    if (locator.kind === 'xml-path') {
      const { file, path, line, column } = locator;
      if (line === undefined || column === undefined || !Number.isSafeInteger(line) || !Number.isSafeInteger(column)) return JSON.stringify(locator);
      return `{"kind":"xml-path","file":${this.jsonOfFile(file)},"path":${JSON.stringify(path)},"line":${line},"column":${column}}`;
    }
    return JSON.stringify(locator);
  }

  private jsonOfFile(file: string): string {
    if (file !== this.file) {
      this.file = file;
      this.fileJson = JSON.stringify(file);
    }
    return this.fileJson;
  }
}

/** Columns whose value is often the row before's (repeatedString). */
const SOURCE_ID = MESSAGE_ROW_COLUMNS.indexOf('source_id');
const CHAT_ID = MESSAGE_ROW_COLUMNS.indexOf('chat_id');
const KIND = MESSAGE_ROW_COLUMNS.indexOf('kind');
const SENDER = MESSAGE_ROW_COLUMNS.indexOf('sender');
const SENDER_ID = MESSAGE_ROW_COLUMNS.indexOf('sender_id');
const DIRECTION = MESSAGE_ROW_COLUMNS.indexOf('direction');
const LANG = MESSAGE_ROW_COLUMNS.indexOf('lang');

/** A message's columns but its text and extra (which a row may be given as UTF-8 bytes). */
export type MessageRowFields = Omit<NewMessage, 'text' | 'extra' | 'attachments'>;

/** Where a row's text and the JSON of its extra lie, as UTF-8 (EncodedMessage). */
interface EncodedParts {
  bytes: Uint8Array;
  textStart: number;
  textEnd: number;
  extraStart: number;
  extraEnd: number;
}

/**
 * A message's values in MESSAGE_ROW_COLUMNS order; the locator and extra as JSON text. The text
 * and extra come from `encoded` when given (as UTF-8), from the message otherwise. One function
 * for both (rather than the columns written in pieces) keeps the row a single inlined run of
 * writes: split in three, a WhatsApp export's import thread measured ~5% slower.
 */
function writeMessageRow(writer: PackedRowsWriter, locators: LocatorJson, message: MessageRowFields & Partial<Pick<NewMessage, 'text' | 'extra'>>, encoded?: EncodedParts): void {
  const { id, timestamp, timestampText } = message;
  const locator = locators.text(message.locator);
  // The run's pieces in column order: id, timestamp (none when null), timestamp text, locator.
  const run = writer.asciiRun(id, timestamp ?? '', timestampText, locator);
  if (run) writer.runCell(id.length);
  else writer.string(id);
  writer.repeatedString(message.sourceId, SOURCE_ID);
  writer.repeatedString(message.chatId, CHAT_ID);
  writer.number(message.seq);
  writer.number(message.sourcePosition);
  writer.repeatedString(message.kind, KIND);
  writer.nullableRepeatedString(message.sender, SENDER);
  writer.nullableRepeatedString(message.senderId, SENDER_ID);
  writer.nullableRepeatedString(message.direction, DIRECTION);
  if (timestamp === null) writer.null();
  else if (run) writer.runCell(timestamp.length);
  else writer.string(timestamp);
  if (run) writer.runCell(timestampText.length);
  else writer.string(timestampText);
  if (encoded === undefined) writer.string(message.text ?? '');
  else writer.utf8(encoded.bytes, encoded.textStart, encoded.textEnd);
  writer.repeatedString(message.lang, LANG);
  writer.number(message.langConfidence);
  writer.boolean(message.deleted);
  writer.boolean(message.edited);
  if (run) writer.runCell(locator.length);
  else writer.string(locator);
  if (encoded === undefined) writer.nullableString(message.extra === null || message.extra === undefined ? null : JSON.stringify(message.extra));
  else writer.utf8(encoded.bytes, encoded.extraStart, encoded.extraEnd);
}

/**
 * Packs messages for the db worker as they come, a row at a time: the import holds no batch of
 * message objects (2,000 of them lived long enough to be copied by the young-generation
 * collections they met), only the packed bytes. `take` hands over what was added as one batch;
 * transfer `batch.rows.text.buffer` and `batch.rows.cells.buffer`.
 */
export class MessageBatchEncoder {
  private readonly writer = new PackedRowsWriter(MESSAGE_ROW_COLUMNS.length);
  private readonly locators = new LocatorJson();
  private attachments: MessageBatch['attachments'] = [];
  private started = false;

  /** @param rowsPerBatch Room made for each batch up front (it grows past that if need be). */
  constructor(private readonly rowsPerBatch = 2000) {}

  /** Rows added since the last take. */
  get size(): number {
    return this.started ? this.writer.rows : 0;
  }

  add(message: NewMessage): void {
    const row = this.startRow();
    writeMessageRow(this.writer, this.locators, message);
    if (message.attachments.length > 0) this.attachments.push({ row, attachments: message.attachments });
  }

  /** A message without attachments whose text and extra JSON are given as UTF-8 bytes. */
  addEncoded(message: MessageRowFields, parts: EncodedParts): void {
    this.startRow();
    writeMessageRow(this.writer, this.locators, message, parts);
  }

  private startRow(): number {
    if (!this.started) {
      this.writer.start(this.rowsPerBatch);
      this.started = true;
    }
    const row = this.writer.rows;
    this.writer.startRow();
    return row;
  }

  /** The rows added since the last take, as one batch (null when there are none). */
  take(): MessageBatch | null {
    if (this.size === 0) return null;
    const batch = { rows: this.writer.finish(), attachments: this.attachments };
    this.attachments = [];
    this.started = false;
    return batch;
  }

  /** Packs these messages as one batch of their own (tests, and callers that write a single batch). */
  encode(messages: NewMessage[]): MessageBatch {
    if (this.size > 0) throw new Error(`${this.size} rows added are still to be taken`);
    for (const message of messages) this.add(message);
    return this.take() ?? { rows: { text: new Uint8Array(0), cells: new Float64Array(0), count: 0, columns: MESSAGE_ROW_COLUMNS.length }, attachments: [] };
  }
}

/** One batch packed by a fresh encoder (tests, and callers that write a single batch). */
export function encodeMessageBatch(messages: NewMessage[]): MessageBatch {
  return new MessageBatchEncoder().encode(messages);
}

/** The buffers to list in the call's transfer list. */
export function batchTransferList(batch: MessageBatch): ArrayBuffer[] {
  return [batch.rows.text.buffer as ArrayBuffer, batch.rows.cells.buffer as ArrayBuffer];
}
