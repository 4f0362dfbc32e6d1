import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import type { VerifyPackageResult } from '../../../../../shared/contracts/evidence-package.ts';
import { api } from '../../../api/client.ts';
import { describeError, formatNumber } from '../../../app/format.ts';

/** Checks a package the way `threadline verify` does and lists every failing file. */
export function VerifyDialog({ onClose }: { onClose: () => void }) {
  const id = useId();
  const [bagDir, setBagDir] = useState('');
  const [result, setResult] = useState<VerifyPackageResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult(await api.invoke('package.verify', { bagDir: bagDir.trim() }));
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="dialog-backdrop" role="presentation">
      <form className="dialog" role="dialog" aria-labelledby={`${id}-title`} data-testid="verify-dialog" onSubmit={(event) => void submit(event)}>
        <h2 id={`${id}-title`}>Verify an evidence package</h2>
        <label className="dialog-field">
          <span>Package folder</span>
          <input data-testid="verify-path" value={bagDir} onChange={(event) => setBagDir(event.target.value)} required />
        </label>
        {error !== null && <p className="error">{error}</p>}
        {result !== null && (
          <div data-testid="verify-result" data-ok={result.ok ? 'true' : 'false'}>
            <p className={result.ok ? 'verify-ok' : 'error'}>
              {result.ok ? 'Complete and intact.' : `${formatNumber(result.failures.length)} problem(s) found.`} {formatNumber(result.checked.payloadFiles)} payload files (
              {formatNumber(result.checked.payloadBytes)} bytes), {result.checked.tagFiles} tag files, {result.checked.custodyEntries} custody entries, signature{' '}
              {result.checked.signature}{result.checked.format === null ? '' : `, package format ${result.checked.format}`}.
            </p>
            {result.failures.length > 0 && (
              <ul className="verify-failures">
                {result.failures.map((failure, index) => (
                  <li key={index}>
                    <span className="mono">{failure.file}</span>: {failure.problem}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Close
          </button>
          <button type="submit" data-testid="verify-start" disabled={busy}>
            {busy ? 'Checking…' : 'Verify'}
          </button>
        </div>
      </form>
    </div>
  );
}
