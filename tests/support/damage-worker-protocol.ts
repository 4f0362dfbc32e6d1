/** How the damage worker finds the importer: parsers are not cloneable, so the host names them. */
export type ParserSpec = { kind: 'zip' } | { kind: 'csv'; mapping: unknown } | { kind: 'format'; format: string };

export interface DamageJob {
  parser: ParserSpec;
  bytes: Uint8Array;
  displayName: string;
}

/** ok: imported, or refused with an AppError naming the file (the house rule). */
export type DamageJobResult = { ok: true } | { ok: false; problem: string };

export type DamageWorkerReply = DamageJobResult & { heapBytes: number };
