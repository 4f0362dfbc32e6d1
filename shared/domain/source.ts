/**
 * Where a source's import stands. 'failed': an error stopped it; 'interrupted': it never finished
 * (the process died, or the case was closed mid-import); 'cancelled': the user stopped it on
 * purpose. Nothing of a failed, interrupted or cancelled source is kept but its row. "Retry
 * failed" brings back the failed and interrupted ones, never the cancelled (see source-retry.ts).
 */
export type SourceStatus = 'importing' | 'imported' | 'failed' | 'interrupted' | 'cancelled';

/** How a source that did not finish ended. */
export type AbandonedStatus = Extract<SourceStatus, 'failed' | 'interrupted' | 'cancelled'>;

/** A seized file (or upload of one) taken into a case. Evidence: never modified, hashed twice. */
/** Where the time zone used to turn device wall-clock times into UTC came from. */
export type TimeZoneOrigin = 'flag' | 'case-setting' | 'default';

export interface SourceRecord {
  id: string;
  path: string;
  displayName: string;
  format: string;
  formatVersion: string | null;
  parser: string;
  parserVersion: string;
  size: number;
  sha256: string;
  sha256After: string | null;
  hashVerified: boolean | null;
  status: SourceStatus;
  importedAt: string;
  finishedAt: string | null;
  /**
   * Records the source gave the case: its messages (system and service messages included) and
   * the records kept raw because they could not be parsed, `unparsedCount` of them. What the
   * import summary and the CLI call "messages" is `messagesOf(source)`.
   */
  messageCount: number;
  unparsedCount: number;
  timeZone: string;
  timeZoneOrigin: TimeZoneOrigin;
  /**
   * The seized device (exhibit) the analyst said this source comes from, or null when not
   * declared. Conversations merge across sources only within one device (ADR 0014).
   */
  device: string | null;
  /** Format-specific facts the court may need: inferred date order and its evidence, platform... */
  details: Record<string, unknown>;
}

export interface ImportIssue {
  sourceId: string;
  /** "file:line" or another locator string a person can follow. */
  place: string;
  reason: string;
}

/** The source's messages, as the import summary and `threadline import` count them: its records less those kept unparsed. */
export function messagesOf(source: Pick<SourceRecord, 'messageCount' | 'unparsedCount'>): number {
  return source.messageCount - source.unparsedCount;
}
