/** How the damage worker finds the importer: parsers are not cloneable, so the host names them. */
export type ParserSpec = { kind: 'zip' } | { kind: 'csv'; mapping: unknown } | { kind: 'format'; format: string };

export interface DamageJob {
  parser: ParserSpec;
  bytes: Uint8Array;
  displayName: string;
  /** Collect garbage before this job, so the heap sampled after it is not inflated by earlier jobs. */
  collectGarbageFirst?: boolean;
}

/** ok: imported, or refused with an AppError naming the file (the house rule). */
export type DamageJobResult = { ok: true } | { ok: false; problem: string };

export type DamageWorkerReply = DamageJobResult & {
  /** Heap in use (V8 heap plus external memory) right after the job. */
  heapBytes: number;
  /** Heap in use after the garbage collection a collectGarbageFirst job asked for: the thread at rest. */
  idleHeapBytes?: number;
};

/** One sample's memory: the thread at rest before it, and the most any of its jobs left in use. */
export interface SampleHeap {
  idleBytes: number;
  peakBytes: number;
}
