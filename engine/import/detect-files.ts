import type { CsvMappingSpec } from '../../shared/domain/import.ts';
import type { ResponseOf } from '../../shared/ipc/contract.ts';
import type { CaseSession } from '../case/case-session.ts';
import { collectFiles } from './collect-files.ts';
import { companionCandidates } from './database-files.ts';
import { unreferencedInOwnedFolders } from './owned-folders.ts';

const MAX_LISTED = 2000;

type DetectedFile = ResponseOf<'import.detect'>[number];

/**
 * What an import would find, before it starts: every file and the format its content shows. With
 * the CSV column mapping the import would take, a table holding the mapped columns shows as CSV.
 */
export async function detectFiles(session: CaseSession, paths: string[], csvMapping?: CsvMappingSpec): Promise<DetectedFile[]> {
  const { files, problems, ownedFolders, skipped } = await collectFiles(paths, { caseFolder: session.path });
  const importer = await session.importer();
  const found: DetectedFile[] = problems.map((problem) => ({ path: problem.path, size: 0, format: null, reason: problem.reason }));
  for (const item of skipped) found.push({ path: item.path, size: 0, format: null, reason: item.reason });
  const candidates = companionCandidates(files);
  for (const file of files.slice(0, MAX_LISTED)) {
    const importedWith = candidates.filter((other) => other !== file.path);
    const detected = await importer.client.call('detectFormat', { path: file.path, importedWith, ...(csvMapping === undefined ? {} : { csvMapping }) });
    found.push({ path: file.path, size: file.size, format: detected.companionOf === undefined ? detected.format : 'companion', reason: detected.reason });
  }
  const owned = await unreferencedInOwnedFolders(ownedFolders);
  // A report among the files (detected above, or counted in the row for the rest) is not listed
  // again: one row per file (the files it may name say it could not be read).
  const collectedPaths = new Set(files.map((file) => file.path));
  for (const problem of owned.problems.filter((each) => !collectedPaths.has(each.path))) found.push({ path: problem.path, size: 0, format: null, reason: problem.reason });
  for (const file of owned.files) found.push({ path: file.path, size: file.size, format: null, reason: file.reason });
  // One row stands for the rest; it says how many, so the UI counts files, not rows.
  if (files.length > MAX_LISTED) found.push({ path: `… ${files.length - MAX_LISTED} more files`, size: 0, format: null, reason: 'not checked in this preview', unlisted: files.length - MAX_LISTED });
  return found;
}
