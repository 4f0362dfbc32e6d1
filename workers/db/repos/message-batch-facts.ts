import { MESSAGE_ROW_COLUMNS } from '../../../shared/contracts/db-worker.ts';
import { CELL_NULL, type PackedRows } from '../../../shared/contracts/packed-rows.ts';

/**
 * What insertMessages checks and counts of a batch, read from the packed cells it is about to
 * bind (ADR 0016): the values SQLite stores are these cells, so counting them is counting what
 * is stored. Until then SQLite read every stored row again for it, about a microsecond a row.
 * A string value is decoded once for each place in the batch's text it lies at (the import
 * packs a repeated value once), so a batch of 2,000 messages makes a handful of strings.
 */
export interface BatchFacts {
  /** The one source every row names. */
  sourceId: string;
  unparsed: number;
}

const SOURCE_ID = MESSAGE_ROW_COLUMNS.indexOf('source_id');
const KIND = MESSAGE_ROW_COLUMNS.indexOf('kind');
const DIRECTION = MESSAGE_ROW_COLUMNS.indexOf('direction');
const KINDS: ReadonlySet<string> = new Set(['message', 'system', 'unparsed']);
const DIRECTIONS: ReadonlySet<string> = new Set(['incoming', 'outgoing']);

/** The batch's facts; throws, naming the row, when a row has what the case refuses. */
export function readBatchFacts(rows: PackedRows): BatchFacts {
  const { cells, count, columns } = rows;
  const strings = new BatchStrings(rows.text);
  let sourceId: string | null = null;
  let unparsed = 0;
  for (let row = 0; row < count; row += 1) {
    const base = row * columns * 2;
    const source = strings.at(cells, base + SOURCE_ID * 2);
    if (source === null || (sourceId !== null && source !== sourceId)) throw new Error(`a batch of ${count} messages must be of one source (row ${row} names ${source ?? 'none'}, the first ${sourceId ?? 'none'})`);
    sourceId = source;
    const kind = strings.at(cells, base + KIND * 2);
    // What the message table's CHECK constraints refused row by row until migration 0100.
    if (kind === null || !KINDS.has(kind)) throw new Error(`row ${row} of the batch has a kind the case does not know (${kind ?? 'none'})`);
    if (kind === 'unparsed') unparsed += 1;
    const direction = strings.at(cells, base + DIRECTION * 2);
    if (direction !== null && !DIRECTIONS.has(direction)) throw new Error(`row ${row} of the batch has a direction the case does not know (${direction})`);
    if (direction === null && cells[base + DIRECTION * 2] !== CELL_NULL) throw new Error(`row ${row} of the batch has a direction that is not text`);
  }
  if (sourceId === null) throw new Error('an empty batch has no source');
  return { sourceId, unparsed };
}

/** Values this long are decoded each time (ids, kinds and directions are short); below it, offset and length make one safe integer key. */
const MAX_CACHED_LENGTH = 2 ** 20;

/** The batch's string values, each place in its text decoded once. */
class BatchStrings {
  private readonly text: Buffer;
  private readonly decoded = new Map<number, string>();

  constructor(text: Uint8Array) {
    this.text = Buffer.from(text.buffer, text.byteOffset, text.byteLength);
  }

  /** The string of the cell at `cell`, or null when the cell holds no string. */
  at(cells: Float64Array, cell: number): string | null {
    const offset = cells[cell] as number;
    if (offset < 0) return null;
    const length = cells[cell + 1] as number;
    if (length >= MAX_CACHED_LENGTH) return this.text.toString('utf8', offset, offset + length);
    // Offset and length both: two values at one offset differ in length (one a prefix of the other).
    const key = offset * MAX_CACHED_LENGTH + length;
    let value = this.decoded.get(key);
    if (value === undefined) {
      value = this.text.toString('utf8', offset, offset + length);
      this.decoded.set(key, value);
    }
    return value;
  }
}
