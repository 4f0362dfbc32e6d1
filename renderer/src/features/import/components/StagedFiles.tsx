import { formatNumber } from '../../../app/format.ts';
import type { DetectedFile, StagedImport } from '../state/use-import.ts';
import { DetectedFileItem } from './DetectedFileItem.tsx';

/** The zone the next import reads device times in: the one typed in the options, else the case's. */
export interface StagedZone {
  name: string;
  declared: boolean;
}

/**
 * Dropped or picked files before they are imported: the format each one's content shows (or why
 * it is not recognised), the device they will be recorded as and the zone their wall-clock times
 * will be read in, then Import or Discard.
 */
export function StagedFiles({ staged, device, zone, onStart, onDiscard }: { staged: StagedImport; device: string; zone: StagedZone; onStart: () => void; onDiscard: () => void }) {
  const { detected } = staged;
  const recognised = detected?.filter((item) => item.format !== null && item.format !== 'companion').length ?? 0;
  const deviceName = device.trim();
  const count = detected === null ? staged.paths.length : fileCount(detected);
  return (
    <section className="staged-import" aria-label="Files ready to import" data-testid="import-staged">
      {detected === null ? (
        <p role="status">Checking {formatNumber(staged.paths.length)} file{staged.paths.length === 1 ? '' : 's'}…</p>
      ) : (
        <>
          <p>
            {formatNumber(recognised)} of {formatNumber(count)} recognised, to be recorded as{' '}
            {deviceName === '' ? <span className="muted">no device declared</span> : <>device <bdi>{deviceName}</bdi></>}
            , times read in zone <span className="mono" data-testid="import-staged-zone">{zone.name}</span> <span className="muted">({zone.declared ? 'declared' : 'case setting'})</span>
          </p>
          <ul className="detected-list" data-testid="import-staged-list">
            {detected.map((item) => (
              <DetectedFileItem key={item.path} item={item} />
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

/** Files, not rows: past the preview's limit one row stands for the files not listed, and says how many. */
function fileCount(detected: DetectedFile[]): number {
  return detected.reduce((sum, item) => sum + (item.unlisted ?? 1), 0);
}
