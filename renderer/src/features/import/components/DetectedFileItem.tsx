import type { DetectedFile } from '../state/use-import.ts';

/**
 * One file as the engine sees it before an import: its format and name. When the format alone
 * does not say what will happen (a zip, which holds other exports; a file read only beside
 * another; a file not recognised), the engine's reason is written out, because a tooltip cannot
 * be read from the keyboard or on a screenshot, and a long reason would be cut there.
 */
export function DetectedFileItem({ item }: { item: DetectedFile }) {
  const explained = item.format === null || item.format === 'zip' || item.format === 'companion';
  return (
    <li className={item.format === null ? 'muted' : ''} title={item.reason} data-format={item.format ?? ''}>
      <span className="mono">{item.format ?? 'not recognised'}</span> <bdi dir="auto">{item.path.split(/[/\\]/u).pop()}</bdi>
      {explained && (
        <span className="detected-reason" data-testid="import-detected-reason" dir="auto">
          {' '}
          — {item.reason}
        </span>
      )}
    </li>
  );
}
