import { MESSAGE_ROW_COLUMNS, type MessageBatch, type NewMessage } from '../../shared/contracts/db-worker.ts';
import { CELL_INTEGER, CELL_NULL, CELL_REAL, type PackedRows } from '../../shared/contracts/packed-rows.ts';
import type { SourceLocator } from '../../shared/contracts/parsed-source.ts';

/**
 * Packs rows of SQL values (shared/contracts/packed-rows.ts). One writer serves a whole import:
 * its scratch buffer grows to the largest batch and is reused, and each finished batch gets
 * buffers of its own, so they can be transferred to the db worker.
 */
export class PackedRowsWriter {
  private scratch = Buffer.allocUnsafe(256 * 1024);
  private used = 0;
  private cells = new Float64Array(0);
  private cell = 0;
  private count = 0;

  constructor(private readonly columns: number) {}

  start(rows: number): void {
    this.cells = new Float64Array(rows * this.columns * 2);
    this.cell = 0;
    this.used = 0;
    this.count = rows;
  }

  string(value: string): void {
    // A UTF-16 unit never takes more than three UTF-8 bytes (a surrogate pair: four for two).
    const room = value.length * 3;
    if (this.used + room > this.scratch.length) this.grow(room);
    const written = this.scratch.write(value, this.used);
    this.cells[this.cell] = this.used;
    this.cells[this.cell + 1] = written;
    this.cell += 2;
    this.used += written;
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

  finish(): PackedRows {
    if (this.cell !== this.cells.length) throw new Error(`packed ${this.cell / 2} of ${this.cells.length / 2} values`);
    // A copy of exactly the bytes used: the scratch buffer stays here, the copy is transferred.
    const text = new Uint8Array(this.scratch.subarray(0, this.used));
    return { text, cells: this.cells, count: this.count, columns: this.columns };
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

/** A message's values in MESSAGE_ROW_COLUMNS order; the locator and extra as JSON text. */
function writeMessageRow(writer: PackedRowsWriter, locators: LocatorJson, message: NewMessage): void {
  writer.string(message.id);
  writer.string(message.sourceId);
  writer.string(message.chatId);
  writer.number(message.seq);
  writer.number(message.sourcePosition);
  writer.string(message.kind);
  writer.nullableString(message.sender);
  writer.nullableString(message.senderId);
  writer.nullableString(message.direction);
  writer.nullableString(message.timestamp);
  writer.string(message.timestampText);
  writer.string(message.text);
  writer.string(message.lang);
  writer.number(message.langConfidence);
  writer.boolean(message.deleted);
  writer.boolean(message.edited);
  writer.string(locators.text(message.locator));
  writer.nullableString(message.extra === null ? null : JSON.stringify(message.extra));
}

/** Packs batches of messages for the db worker; transfer `batch.rows.text.buffer` and `batch.rows.cells.buffer`. */
export class MessageBatchEncoder {
  private readonly writer = new PackedRowsWriter(MESSAGE_ROW_COLUMNS.length);
  private readonly locators = new LocatorJson();

  encode(messages: NewMessage[]): MessageBatch {
    const attachments: MessageBatch['attachments'] = [];
    this.writer.start(messages.length);
    messages.forEach((message, row) => {
      writeMessageRow(this.writer, this.locators, message);
      if (message.attachments.length > 0) attachments.push({ row, attachments: message.attachments });
    });
    return { rows: this.writer.finish(), attachments };
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
