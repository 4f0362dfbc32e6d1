import type { CsvMappingSpec, DateOrder } from './import.ts';
import type { SourceRecord } from './source.ts';

const DATE_ORDERS: readonly string[] = ['dmy', 'mdy', 'ymd'] satisfies DateOrder[];

/**
 * The day/month order the analyst declared when this source was imported (kept in its details
 * from the moment it is recorded), or null when the order was left to be inferred. A retry or an
 * "Import again" passes it on, so the file is read as it was first read.
 */
export function declaredDateOrder(source: SourceRecord): DateOrder | null {
  const declared = source.details['declaredDateOrder'];
  return typeof declared === 'string' && DATE_ORDERS.includes(declared) ? (declared as DateOrder) : null;
}

/** The CSV column mapping this source was imported with (kept in its details from the moment it is recorded), or null. */
export function declaredCsvMapping(source: SourceRecord): CsvMappingSpec | null {
  const declared = source.details['declaredCsvMapping'];
  if (typeof declared !== 'object' || declared === null || Array.isArray(declared)) return null;
  const entries = Object.entries(declared);
  return entries.every(([, value]) => typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') ? (Object.fromEntries(entries) as CsvMappingSpec) : null;
}

/**
 * The sources "Retry failed" imports again, one per file (by SHA-256): those whose latest attempt
 * failed or was interrupted (a crash, the case closed mid-import) and whose bytes are not in the
 * case since. A source whose latest attempt the user cancelled is left alone: stopping it was a
 * decision, not an accident; it can still be imported again like any file. The engine, the CLI
 * and the UI's counts all use this one rule.
 */
export function sourcesToRetry(sources: readonly SourceRecord[]): SourceRecord[] {
  return unfinishedFiles(sources).filter((source) => source.status === 'failed' || source.status === 'interrupted');
}

/** Files whose latest attempt the user cancelled and whose bytes are not in the case: shown, never retried. */
export function cancelledSources(sources: readonly SourceRecord[]): SourceRecord[] {
  return unfinishedFiles(sources).filter((source) => source.status === 'cancelled');
}

/** The latest finished attempt at each file (by SHA-256) whose bytes were never imported. */
function unfinishedFiles(sources: readonly SourceRecord[]): SourceRecord[] {
  const imported = new Set(sources.filter((source) => source.status === 'imported').map((source) => source.sha256));
  const latest = new Map<string, SourceRecord>();
  // Oldest first, so the latest attempt at each file is the one left in the map.
  for (const source of [...sources].sort((a, b) => a.importedAt.localeCompare(b.importedAt))) {
    if (source.status !== 'importing' && !imported.has(source.sha256)) latest.set(source.sha256, source);
  }
  return [...latest.values()];
}
