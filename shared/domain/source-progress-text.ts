import type { SourceProgress } from './task.ts';
import { SOURCE_STATE_LABELS, isFinalSourceState } from './source-progress.ts';
import { formatCount, formatNumber } from '../text/count-text.ts';

/**
 * A source's progress in words, the same in the import dialog and on the terminal. English with
 * en-US digit grouping, like the rest of the UI.
 */

const BYTE_UNITS = ['bytes', 'KB', 'MB', 'GB', 'TB'] as const;
const BYTES_PER_UNIT = 1024;

/** "3.4 MB": one decimal above a kilobyte, enough to see a bar move. */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= BYTES_PER_UNIT && unit < BYTE_UNITS.length - 1) {
    value /= BYTES_PER_UNIT;
    unit++;
  }
  return unit === 0 ? `${formatNumber(value)} ${BYTE_UNITS[0]}` : `${value.toFixed(1)} ${BYTE_UNITS[unit] ?? ''}`;
}

/** The file's name: the last segment of its path, written with either separator. */
export function sourceName(source: SourceProgress): string {
  return source.path.split(/[\\/]/u).pop() ?? source.path;
}

/** What the source is doing now, in words: "reading 1.2 MB of 3.0 MB", "tagging 400 of 9,000 messages". */
export function sourceActivity(source: SourceProgress): string {
  const label = SOURCE_STATE_LABELS[source.state];
  switch (source.state) {
    case 'reading':
      return `${label} ${formatBytes(source.bytesDone)} of ${formatBytes(source.bytesTotal)}${source.messages > 0 ? ` · ${formatCount(source.messages, 'message')} so far` : ''}`;
    case 'hashing':
    case 'verifying-hash':
      return `${label} ${formatBytes(source.bytesDone)} of ${formatBytes(source.bytesTotal)}`;
    case 'detecting-languages':
    case 'tagging':
      return `${label}: ${formatNumber(source.messagesDone)} of ${formatCount(source.messages + source.unparsed, 'message')}`;
    case 'queued':
    case 'storing':
      return `${label} (${formatBytes(source.size)})`;
    default:
      return label;
  }
}

/**
 * The detected format: "…" while it may still be detected; "not checked" for a source cancelled
 * before its content was read (it was shown as "not recognised", as if it were no export at all);
 * "not recognised" for one that ended otherwise without a format.
 */
export function sourceFormatLabel(source: SourceProgress): string {
  if (source.format !== null) return source.format;
  if (!isFinalSourceState(source.state)) return '…';
  return source.state === 'cancelled' ? 'not checked' : 'not recognised';
}

/**
 * Counts once they are known: "9 messages · 2 attachments · 1 unparsed · 3 issues". A source that
 * ended without being imported keeps nothing, so it shows its reason instead of zeros.
 */
export function sourceCounts(source: SourceProgress): string {
  const known = source.state === 'done' || (!isFinalSourceState(source.state) && source.messages + source.unparsed > 0);
  if (!known) return '';
  const parts = [formatCount(source.messages, 'message')];
  if (source.attachments > 0) parts.push(formatCount(source.attachments, 'attachment'));
  if (source.unparsed > 0) parts.push(`${formatNumber(source.unparsed)} unparsed`);
  if (source.issues > 0) parts.push(formatCount(source.issues, 'issue'));
  return parts.join(' · ');
}

/** "3 of 5 sources done · 1 failed · 1 cancelled". */
export function importTally(sources: SourceProgress[]): string {
  const count = (states: SourceProgress['state'][]): number => sources.filter((source) => states.includes(source.state)).length;
  const finished = sources.filter((source) => isFinalSourceState(source.state)).length;
  const parts = [`${formatNumber(finished)} of ${formatCount(sources.length, 'source')} finished`];
  const failed = count(['failed']);
  const cancelled = count(['cancelled']);
  const already = count(['already-imported']);
  if (failed > 0) parts.push(`${formatNumber(failed)} failed`);
  if (cancelled > 0) parts.push(`${formatNumber(cancelled)} cancelled`);
  if (already > 0) parts.push(`${formatNumber(already)} already imported`);
  return parts.join(' · ');
}
