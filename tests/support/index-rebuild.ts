import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Marks a closed case's search index as written in an older format, so the next open rebuilds it
 * from the case database (CaseSession.reconcileIndex), as it does after an upgrade.
 */
export function markIndexAsOlderFormat(casePath: string): void {
  const manifestPath = join(casePath, 'index', 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { format: number };
  writeFileSync(manifestPath, JSON.stringify({ ...manifest, format: manifest.format - 1 }));
}
