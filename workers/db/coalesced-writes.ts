import { writeSync } from 'node:fs';

/**
 * Writes of the case database gathered into runs before they reach the file system.
 *
 * SQLite writes a page at a time, and node-sqlite3-wasm's file layer makes each write a
 * `fs.writeSync` of its own: a 1M-message import made ~190,000 of them (a 4 KiB page each, and
 * three writes per page of the rollback journal), about a tenth of the db thread. Consecutive
 * writes of one file (the journal always, the database mostly: new pages are appended) are
 * gathered here and written as one, up to RUN_BYTES.
 *
 * What SQLite relies on is kept: a run is written before anything that may look at the file
 * (a read of the run's bytes, the file's size), before anything that orders writes or makes them
 * durable (sync, truncate), and before the file is unlocked or closed. A write not yet passed on
 * is one the operating system has not been given: a process that dies between a write and the
 * next sync loses it, which SQLite already allows for (a power cut loses the same writes), and no
 * write passes a sync it came before.
 */
export const RUN_BYTES = 256 * 1024;

/** What a gathered run is finally written with; a test stands in for the file system. */
export type WriteAt = (fd: number, bytes: Uint8Array, position: number) => void;

interface Run {
  fd: number;
  position: number;
  length: number;
  bytes: Buffer;
}

export class CoalescedWrites {
  /** One run per open file, by the file's handle in SQLite's memory (its sqlite3_file). */
  private readonly runs = new Map<number, Run>();

  constructor(private readonly writeAt: WriteAt = writeWhole) {}

  /** Takes a write of `bytes` at `position`; it is copied, so the caller may reuse its memory at once. */
  write(file: number, fd: number, bytes: Uint8Array, position: number): void {
    const run = this.runs.get(file);
    if (run !== undefined && run.fd === fd && run.position + run.length === position && run.length + bytes.byteLength <= RUN_BYTES) {
      run.bytes.set(bytes, run.length);
      run.length += bytes.byteLength;
      return;
    }
    this.flush(file);
    if (bytes.byteLength >= RUN_BYTES) {
      this.writeAt(fd, bytes, position);
      return;
    }
    const started = run ?? { fd, position, length: 0, bytes: Buffer.allocUnsafe(RUN_BYTES) };
    started.fd = fd;
    started.position = position;
    started.bytes.set(bytes, 0);
    started.length = bytes.byteLength;
    this.runs.set(file, started);
  }

  /** Writes the file's gathered run, if any (it throws what the write throws; the run is dropped either way). */
  flush(file: number): void {
    const run = this.runs.get(file);
    if (run === undefined || run.length === 0) return;
    const length = run.length;
    run.length = 0;
    this.writeAt(run.fd, run.bytes.subarray(0, length), run.position);
  }

  /** Flushes the run only if it holds any of the bytes [position, position + length). */
  flushOverlapping(file: number, position: number, length: number): void {
    const run = this.runs.get(file);
    if (run === undefined || run.length === 0) return;
    if (run.position < position + length && position < run.position + run.length) this.flush(file);
  }

  /** Flushes and forgets the file (it is being closed). */
  forget(file: number): void {
    try {
      this.flush(file);
    } finally {
      this.runs.delete(file);
    }
  }

  /** Bytes gathered and not yet written, for tests. */
  pendingBytes(file: number): number {
    return this.runs.get(file)?.length ?? 0;
  }
}

function writeWhole(fd: number, bytes: Uint8Array, position: number): void {
  let written = 0;
  while (written < bytes.byteLength) {
    const count = writeSync(fd, bytes, written, bytes.byteLength - written, position + written);
    if (count <= 0) throw new Error(`wrote ${written} of ${bytes.byteLength} bytes at ${position}`);
    written += count;
  }
}
