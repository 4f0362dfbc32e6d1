import { describe, expect, it } from 'vitest';
import type { SourceRecord, SourceStatus } from '../../../../shared/domain/source.ts';
import { cancelledSources, sourcesToRetry } from '../../../../shared/domain/source-retry.ts';

function source(id: string, status: SourceStatus, sha256: string, importedAt: string): SourceRecord {
  return {
    id, path: `/evidence/${sha256}.txt`, displayName: `${sha256}.txt`, format: 'whatsapp-txt', formatVersion: null, parser: 'p', parserVersion: '1',
    size: 1, sha256, sha256After: null, hashVerified: null, status, importedAt, finishedAt: null, messageCount: 0, unparsedCount: 0,
    timeZone: 'UTC', timeZoneOrigin: 'flag', device: null, details: {},
  };
}

const ids = (sources: SourceRecord[]): string[] => sources.map((item) => item.id).sort();

describe('sourcesToRetry ("Retry failed")', () => {
  it('retries failed and interrupted sources, never one the user cancelled', () => {
    const sources = [source('s1', 'failed', 'a', '2024-01-01'), source('s2', 'interrupted', 'b', '2024-01-02'), source('s3', 'cancelled', 'c', '2024-01-03'), source('s4', 'imported', 'd', '2024-01-04')];
    expect(ids(sourcesToRetry(sources))).toEqual(['s1', 's2']);
    expect(ids(cancelledSources(sources))).toEqual(['s3']);
  });

  it('follows the latest attempt at a file: cancelled after failing is left alone, failing after a cancel is retried', () => {
    const cancelledLast = [source('s2', 'cancelled', 'a', '2024-01-02'), source('s1', 'failed', 'a', '2024-01-01')];
    expect(sourcesToRetry(cancelledLast)).toEqual([]);
    expect(ids(cancelledSources(cancelledLast))).toEqual(['s2']);
    const failedLast = [source('s1', 'cancelled', 'a', '2024-01-01'), source('s2', 'failed', 'a', '2024-01-02')];
    expect(ids(sourcesToRetry(failedLast))).toEqual(['s2']);
    expect(cancelledSources(failedLast)).toEqual([]);
  });

  it('drops files imported since, and ignores an import still running', () => {
    const sources = [source('s1', 'failed', 'a', '2024-01-01'), source('s2', 'imported', 'a', '2024-01-02'), source('s3', 'cancelled', 'b', '2024-01-01'), source('s4', 'imported', 'b', '2024-01-02'), source('s5', 'failed', 'c', '2024-01-01'), source('s6', 'importing', 'c', '2024-01-02')];
    expect(ids(sourcesToRetry(sources))).toEqual(['s5']);
    expect(cancelledSources(sources)).toEqual([]);
  });
});
