import { basename } from 'node:path';
import type { CsvMappingSpec, DateOrder } from '../../shared/domain/import.ts';
import type { SourceRecord, TimeZoneOrigin } from '../../shared/domain/source.ts';
import type { FileDigests } from './hash-file.ts';

/**
 * A source as recorded when its import starts: hashed, format known, nothing read yet. A declared
 * day/month order is kept in its details from the start: a source that fails has no provenance to
 * hold it, and "Retry failed" must read the file as it was first read (the zone has its own column).
 */
export function newSourceRecord(path: string, format: string, digests: FileDigests, timeZone: string, timeZoneOrigin: TimeZoneOrigin, device: string | null = null, dateOrder: DateOrder | null = null, csvMapping: CsvMappingSpec | null = null): SourceRecord {
  return {
    id: `src-${digests.sha256.slice(0, 12)}-${Date.now().toString(36)}`,
    path,
    displayName: basename(path),
    format,
    formatVersion: null,
    // Filled in from the parser's own name and version when the import finishes.
    parser: `threadline-${format}`,
    parserVersion: 'pending',
    size: digests.size,
    sha256: digests.sha256,
    sha256After: null,
    hashVerified: null,
    status: 'importing',
    importedAt: new Date().toISOString(),
    finishedAt: null,
    messageCount: 0,
    unparsedCount: 0,
    timeZone,
    timeZoneOrigin,
    device,
    // Declared choices are kept from the start: a retry of a source that failed or was interrupted reads it as declared.
    details: { md5: digests.md5, sha1: digests.sha1, ...(dateOrder === null ? {} : { declaredDateOrder: dateOrder }), ...(csvMapping === null ? {} : { declaredCsvMapping: csvMapping }) },
  };
}
