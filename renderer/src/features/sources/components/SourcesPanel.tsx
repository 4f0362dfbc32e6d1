import { useState } from 'react';
import { messagesOf, type ImportIssue, type SourceRecord } from '../../../../../shared/domain/source.ts';
import { cancelledSources, declaredDateOrder, sourcesToRetry } from '../../../../../shared/domain/source-retry.ts';
import { api } from '../../../api/client.ts';
import { describeError, formatNumber } from '../../../app/format.ts';

const STATUS_LABEL: Record<SourceRecord['status'], string> = {
  importing: 'importing',
  imported: 'imported',
  failed: 'failed — nothing kept',
  interrupted: 'interrupted — nothing kept',
  cancelled: 'cancelled — nothing kept',
};

/**
 * Every source of the case with the facts a court asks about: hash at intake and after import,
 * format and parser, time zone assumed, what could not be read. Failed and interrupted sources
 * can be retried together; a cancelled one only on its own ("Import again"), as the user chose.
 */
export function SourcesPanel({ sources }: { sources: SourceRecord[] }) {
  const [open, setOpen] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const retryable = sourcesToRetry(sources).length;
  // The case header counts the imported ones: said here too when some are not, so the two agree.
  const imported = sources.filter((source) => source.status === 'imported').length;
  const importableAgain = new Set(cancelledSources(sources).map((source) => source.id));

  async function retry(): Promise<void> {
    try {
      const result = await api.invoke('import.retryFailed', {});
      setNotice(result.paths.length === 0 ? 'No failed source can be read again (moved or already imported).' : `Retrying ${result.paths.length} source(s).`);
    } catch (caught) {
      setNotice(describeError(caught));
    }
  }

  return (
    <section className="sources-panel" aria-labelledby="sources-title">
      <h2 id="sources-title">
        <button type="button" className="link" aria-expanded={open} data-testid="sources-toggle" onClick={() => setOpen(!open)}>
          {open ? '▾' : '▸'} Sources {formatNumber(sources.length)}
          {imported < sources.length && <span className="muted"> ({formatNumber(imported)} imported)</span>}
        </button>
      </h2>
      {retryable > 0 && (
        <button type="button" className="small" data-testid="sources-retry" onClick={() => void retry()}>
          Retry {retryable} failed
        </button>
      )}
      {notice !== null && <p className="muted">{notice}</p>}
      {open && (
        <ul className="source-list" data-testid="source-list">
          {sources.map((source) => (
            <SourceItem key={source.id} source={source} canImportAgain={importableAgain.has(source.id)} />
          ))}
        </ul>
      )}
    </section>
  );
}

function SourceItem({ source, canImportAgain }: { source: SourceRecord; canImportAgain: boolean }) {
  const [issues, setIssues] = useState<ImportIssue[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [started, setStarted] = useState(false);

  async function importAgain(): Promise<void> {
    setError(null);
    try {
      // Imported again as the device it was declared with, in the zone and day/month order declared
      // for it (as "Retry failed" does); a zone taken from the case setting follows the setting as it is now.
      const zone = source.timeZoneOrigin === 'flag' ? { timeZone: source.timeZone } : {};
      const dateOrder = declaredDateOrder(source);
      await api.invoke('import.start', { paths: [source.path], ...(source.device === null ? {} : { device: source.device }), ...zone, ...(dateOrder === null ? {} : { dateOrder }) });
      setStarted(true);
    } catch (caught) {
      setError(describeError(caught));
    }
  }

  async function loadIssues(): Promise<void> {
    try {
      setIssues(await api.invoke('sources.issues', { sourceId: source.id }));
    } catch (caught) {
      setError(describeError(caught));
    }
  }

  const verified = source.hashVerified === true ? 'unchanged after import' : source.hashVerified === false ? 'CHANGED DURING IMPORT' : 'not re-checked';
  return (
    <li className={`source-item status-${source.status}`} data-testid="source-item" data-status={source.status}>
      <div className="source-name" title={source.path}>
        <bdi>{source.displayName}</bdi>
      </div>
      <div className="small-text" data-testid="source-device">
        {source.device === null ? <span className="muted">device not declared</span> : <>device <bdi>{source.device}</bdi></>}
      </div>
      <div className="muted">
        {source.format} · {STATUS_LABEL[source.status]} · {formatNumber(messagesOf(source))} messages{source.unparsedCount > 0 ? ` · ${formatNumber(source.unparsedCount)} unparsed` : ''}
      </div>
      <div className="mono small-text" title={`SHA-256 ${source.sha256}\n${verified}`}>
        sha256 {source.sha256.slice(0, 16)}… ({verified})
      </div>
      <div className="muted small-text">
        device zone {source.timeZone} ({source.timeZoneOrigin}) · parser {source.parser} {source.parserVersion}
      </div>
      {canImportAgain && (
        <button type="button" className="small" data-testid="source-import-again" disabled={started} aria-label={`Import ${source.displayName} again`} onClick={() => void importAgain()}>
          {started ? 'Importing again…' : 'Import again'}
        </button>
      )}
      {issues === null ? (
        <button type="button" className="link small-text" onClick={() => void loadIssues()}>
          Show import issues
        </button>
      ) : issues.length === 0 ? (
        <p className="muted small-text">No import issues.</p>
      ) : (
        <ul className="issue-list">
          {issues.slice(0, 200).map((issue, index) => (
            <li key={index} className="small-text" dir="auto">
              {/* Isolated, as in the import summary: a place in Arabic or Hebrew (a file name and its
                  line) neither sets the line's direction nor is reordered with the reason after it. */}
              <bdi dir="auto" className="mono">{issue.place}</bdi> {issue.reason}
            </li>
          ))}
          {issues.length > 200 && <li className="muted small-text">… {formatNumber(issues.length - 200)} more</li>}
        </ul>
      )}
      {error !== null && <p className="error small-text">{error}</p>}
    </li>
  );
}
