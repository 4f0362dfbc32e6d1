import { useState } from 'react';
import type { ReactNode } from 'react';
import type { CaseInfo } from '../../../../../shared/domain/case.ts';
import { sourcesToRetry } from '../../../../../shared/domain/source-retry.ts';
import { api } from '../../../api/client.ts';
import { ExportDialog } from '../../package/components/ExportDialog.tsx';
import { VerifyDialog } from '../../package/components/VerifyDialog.tsx';
import { describeError, formatCount, formatNumber } from '../../../app/format.ts';
import { CaseLanguages } from './CaseLanguages.tsx';

/** The top bar: which case is open, how big it is, and a way out. `children` holds the search box. */
export function CaseHeader({ info, onClosed, currentQuery, nav, children }: { info: CaseInfo; onClosed: () => void; currentQuery: string; nav?: ReactNode; children: ReactNode }) {
  const [closing, setClosing] = useState(false);
  const [dialog, setDialog] = useState<'export' | 'verify' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const imported = info.sources.filter((source) => source.status === 'imported').length;
  const unfinished = sourcesToRetry(info.sources).length;

  async function close(): Promise<void> {
    setClosing(true);
    setError(null);
    try {
      await api.invoke('case.close', {});
      onClosed();
    } catch (caught) {
      setError(describeError(caught));
      setClosing(false);
    }
  }

  return (
    <header className="case-header">
      <div className="case-identity">
        <div className="case-title-line">
          <h1 data-testid="case-name" className="case-name" title={info.name}>
            {info.name}
          </h1>
          <span data-testid="case-message-count">{formatCount(info.messageCount, 'message')}</span>
          {info.unparsedCount > 0 && (
            <span data-testid="case-unparsed-count" title="Records kept raw because they could not be parsed: listed with the reason in each conversation and the source's summary">
              {formatNumber(info.unparsedCount)} unparsed
            </span>
          )}
          <span data-testid="case-source-count" title="Sources imported into the case; the Sources panel lists every source tried, failed and cancelled ones too">
            {formatCount(imported, 'source')}
          </span>
          {unfinished > 0 && (
            <span className="warning" title="Sources whose import failed or was interrupted; nothing of them is in the case. “Retry failed” under Sources imports them again. Sources you cancelled are not counted.">
              {formatCount(unfinished, 'source')} to re-import
            </span>
          )}
          <span title="Zone used to turn device wall-clock times into UTC">device zone {info.settings.timeZone}</span>
          <CaseLanguages languages={info.settings.languages} />
        </div>
        <div className="mono case-path" data-testid="case-path-display" title={info.path}>
          {info.path}
        </div>
      </div>
      {nav}
      <div className="case-search">{children}</div>
      <div className="case-actions">
        {error !== null && (
          <span className="error" role="alert">
            {error}
          </span>
        )}
        <button type="button" data-testid="export-open" onClick={() => setDialog('export')}>
          Export…
        </button>
        <button type="button" data-testid="verify-open" onClick={() => setDialog('verify')}>
          Verify…
        </button>
        <button type="button" data-testid="case-close" disabled={closing} onClick={() => void close()}>
          {closing ? 'Closing…' : 'Close case'}
        </button>
      </div>
      {dialog === 'export' && <ExportDialog currentQuery={currentQuery} onClose={() => setDialog(null)} />}
      {dialog === 'verify' && <VerifyDialog onClose={() => setDialog(null)} />}
    </header>
  );
}
