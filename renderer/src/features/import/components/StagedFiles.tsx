import { formatNumber } from '../../../app/format.ts';
import type { StagedImport } from '../state/use-import.ts';

/**
 * Dropped or picked files before they are imported: the format each one's content shows (or why
 * it is not recognised) and the device they will be recorded as, then Import or Discard.
 */
export function StagedFiles({ staged, device, onStart, onDiscard }: { staged: StagedImport; device: string; onStart: () => void; onDiscard: () => void }) {
  const { detected } = staged;
  const recognised = detected?.filter((item) => item.format !== null && item.format !== 'companion').length ?? 0;
  const deviceName = device.trim();
  const count = detected?.length ?? staged.paths.length;
  return (
    <section className="staged-import" aria-label="Files ready to import" data-testid="import-staged">
      {detected === null ? (
        <p role="status">Checking {formatNumber(staged.paths.length)} file{staged.paths.length === 1 ? '' : 's'}…</p>
      ) : (
        <>
          <p>
            {formatNumber(recognised)} of {formatNumber(detected.length)} recognised, to be recorded as{' '}
            {deviceName === '' ? <span className="muted">no device declared</span> : <>device <bdi>{deviceName}</bdi></>}
          </p>
          <ul className="detected-list" data-testid="import-staged-list">
            {detected.map((item) => (
              <li key={item.path} className={item.format === null ? 'muted' : ''} title={item.reason} data-format={item.format ?? ''}>
                <span className="mono">{item.format ?? 'not recognised'}</span> <bdi>{item.path.split(/[/\\]/u).pop()}</bdi>
              </li>
            ))}
          </ul>
        </>
      )}
      <div className="inline-field">
        <button type="button" data-testid="import-staged-start" disabled={detected === null || detected.length === 0} onClick={onStart}>
          Import {formatNumber(count)} file{count === 1 ? '' : 's'}
        </button>
        <button type="button" data-testid="import-staged-discard" onClick={onDiscard}>
          Discard
        </button>
      </div>
    </section>
  );
}
