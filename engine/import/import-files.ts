import { basename } from 'node:path';
import type { ImportOptions, ImportSourceSummary, ImportSummary } from '../../shared/domain/import.ts';
import type { SourceRecord, TimeZoneOrigin } from '../../shared/domain/source.ts';
import { AppError, isCancellation, serializeError } from '../../shared/errors.ts';
import { isValidTimeZone } from '../../shared/time/zoned-time.ts';
import type { CaseSession } from '../case/case-session.ts';
import type { TaskHandle } from '../tasks/task-manager.ts';
import { collectFiles } from './collect-files.ts';
import type { CollectedFile } from './collect-files.ts';
import { detectSourceLanguages } from './detect-languages.ts';
import { hashFile } from './hash-file.ts';
import { tagSource } from '../markers/tag-source.ts';

/**
 * Imports files into an open case, one source at a time. A source that fails is recorded and
 * the rest carry on; a cancel stops after the current batch and leaves earlier sources intact.
 */
export async function importFiles(session: CaseSession, paths: string[], options: ImportOptions, task: TaskHandle): Promise<ImportSummary> {
  if (options.timeZone !== undefined && !isValidTimeZone(options.timeZone)) {
    throw new AppError('E_USAGE', `Unknown time zone "${options.timeZone}": use an IANA name such as Europe/Bucharest or UTC`);
  }
  const collected = collectFiles(paths);
  const { problems } = collected;
  // Loose images go last, so the ones that are attachments of a chat in the same import are recognised as such.
  const files = [...collected.files].sort((a, b) => Number(isImageName(a.path)) - Number(isImageName(b.path)));
  const summaries: ImportSourceSummary[] = problems.map((problem) => failedSummary(problem.path, 'E_IMPORT_READ', `${problem.path} ${problem.reason}`));
  const totalBytes = files.reduce((sum, file) => sum + file.size, 0);
  let doneBytes = 0;
  let indexChanged = false;
  for (const file of files) {
    if (task.signal.aborted) {
      summaries.push({ ...failedSummary(file.path, 'E_CANCELLED', 'not imported: the import was cancelled'), status: 'cancelled' });
      continue;
    }
    const summary = await importOne(session, file, options, task, (done) => task.progress(`importing ${basename(file.path)}`, doneBytes + done, totalBytes));
    indexChanged ||= summary.status === 'imported';
    summaries.push(summary);
    doneBytes += file.size;
  }
  if (indexChanged) {
    task.progress('saving the search index', totalBytes, totalBytes);
    const { sources } = await session.db.client.call('caseSummary', {});
    await session.index.persist(sources.filter((source) => source.status === 'imported').map((source) => source.id));
  }
  return {
    case: session.path,
    sources: summaries,
    totals: {
      sources: summaries.length,
      messages: sum(summaries, (s) => s.messages),
      attachments: sum(summaries, (s) => s.attachments),
      unparsed: sum(summaries, (s) => s.unparsed),
      issues: sum(summaries, (s) => s.issues.length),
    },
  };
}

async function importOne(session: CaseSession, file: CollectedFile, options: ImportOptions, task: TaskHandle, onBytes: (done: number) => void): Promise<ImportSourceSummary> {
  const { path } = file;
  let digests;
  try {
    onBytes(0);
    digests = await hashFile(path, task.signal);
  } catch (error) {
    if (task.signal.aborted) return { ...failedSummary(path, 'E_CANCELLED', 'not imported: the import was cancelled'), status: 'cancelled' };
    return failedSummary(path, 'E_IMPORT_READ', `${path} cannot be read: ${String(error)}`);
  }
  const existing = await session.db.client.call('findSourceByHash', { sha256: digests.sha256 });
  if (existing !== null) {
    return { path, sourceId: existing.id, format: existing.format, sha256: digests.sha256, status: 'already-imported', messages: 0, attachments: 0, unparsed: 0, issues: [{ place: path, reason: `identical bytes were already imported as ${existing.displayName} (${existing.id})` }], error: null };
  }
  const importer = await session.importer();
  const detected = await importer.client.call('detectFormat', { path, ...(options.csvMapping === undefined ? {} : { csvMapping: options.csvMapping }) });
  if (detected.format === null && detected.companionOf !== undefined) {
    return { path, sourceId: null, format: 'companion', sha256: digests.sha256, status: 'skipped', messages: 0, attachments: 0, unparsed: 0, issues: [{ place: path, reason: detected.reason }], error: null };
  }
  if (detected.format === 'image') {
    const attached = await session.db.client.call('findAttachmentByHash', { sha256: digests.sha256 });
    if (attached !== null) {
      return { path, sourceId: null, format: 'image', sha256: digests.sha256, status: 'skipped', messages: 0, attachments: 0, unparsed: 0, issues: [{ place: path, reason: `already in the case as an attachment in "${attached.chatTitle}" (${attached.messageId})` }], error: null };
    }
  }
  if (detected.format === null) {
    const code = detected.reason === 'the file is empty' ? 'E_IMPORT_EMPTY' : 'E_IMPORT_FORMAT';
    const message = detected.reason.startsWith(path) ? detected.reason : `${path}: ${detected.reason}`;
    const failure = { ...failedSummary(path, code, message), sha256: digests.sha256 };
    session.audit.append(session.actor, 'source.rejected', { path, sha256: digests.sha256, reason: detected.reason });
    return failure;
  }
  const { timeZone, origin } = chooseTimeZone(session, options);
  const source: SourceRecord = {
    id: `src-${digests.sha256.slice(0, 12)}-${Date.now().toString(36)}`,
    path,
    displayName: basename(path),
    format: detected.format,
    formatVersion: null,
    // Filled in from the parser's own name and version when the import finishes.
    parser: `threadline-${detected.format}`,
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
    timeZoneOrigin: origin,
    details: { md5: digests.md5, sha1: digests.sha1 },
  };
  await session.db.client.call('beginSource', { source });
  session.audit.append(session.actor, 'source.import.started', { sourceId: source.id, path, sha256: source.sha256, size: source.size, format: source.format, timeZone, timeZoneOrigin: origin });
  try {
    const outcome = await importer.client.call(
      'importSource',
      {
        source,
        path,
        casePath: session.path,
        format: detected.format,
        ...(options.dateOrder === undefined ? {} : { dateOrder: options.dateOrder }),
        ...(options.csvMapping === undefined ? {} : { csvMapping: options.csvMapping }),
      },
      { signal: task.signal, onProgress: (progress) => onBytes(Math.min(progress.done, file.size)) },
    );
    task.progress(`detecting languages in ${basename(path)}`, 0, outcome.messages);
    await detectSourceLanguages(session, source.id, task.signal, (done) => task.progress(`detecting languages in ${basename(path)}`, done, outcome.messages));
    await tagSource(session, source.id, task.signal, (done) => task.progress(`looking for indicators in ${basename(path)}`, done, outcome.messages));
    // Hash again after reading: proves the evidence was not altered while Threadline read it.
    const after = await hashFile(path);
    const hashVerified = after.sha256 === digests.sha256;
    const issues = [...outcome.issues];
    if (!hashVerified) issues.push({ sourceId: source.id, place: path, reason: `E_HASH_MISMATCH: the file changed during import (sha256 before ${digests.sha256}, after ${after.sha256})` });
    if (!hashVerified) await session.db.client.call('addIssues', { issues: issues.slice(-1) });
    const finished = await session.db.client.call('finishSource', {
      sourceId: source.id,
      status: 'imported',
      sha256After: after.sha256,
      hashVerified,
      parser: { name: outcome.parser, version: outcome.parserVersion, formatVersion: outcome.formatVersion },
      details: { ...source.details, ...outcome.details },
    });
    session.audit.append(session.actor, 'source.import.finished', { sourceId: source.id, sha256: source.sha256, sha256After: after.sha256, hashVerified, messages: finished.messageCount, unparsed: finished.unparsedCount, issues: issues.length });
    return { path, sourceId: source.id, format: source.format, sha256: source.sha256, status: 'imported', messages: outcome.messages, attachments: outcome.attachments, unparsed: outcome.unparsed, issues: issues.map(({ place, reason }) => ({ place, reason })), error: null };
  } catch (error) {
    const cancelled = isCancellation(error) || task.signal.aborted;
    const serialized = serializeError(error);
    await session.db.client.call('abandonSource', { sourceId: source.id, status: cancelled ? 'interrupted' : 'failed', reason: cancelled ? 'cancelled by the user' : serialized.message });
    // Rows already sent to the index stay there marked dead (persisted too), so they never match.
    await session.index.dropSources([source.id]);
    session.audit.append(session.actor, cancelled ? 'source.import.cancelled' : 'source.import.failed', { sourceId: source.id, path, code: serialized.code, reason: serialized.message });
    if (cancelled) return { ...failedSummary(path, 'E_CANCELLED', 'the import was cancelled; nothing of this source was kept'), sha256: source.sha256, sourceId: source.id, status: 'cancelled', format: source.format };
    return { ...failedSummary(path, serialized.code, serialized.message), sha256: source.sha256, sourceId: source.id, format: source.format };
  }
}

function isImageName(path: string): boolean {
  return /\.(jpe?g|png|gif|webp|bmp|tiff?|heic)$/iu.test(path);
}

function chooseTimeZone(session: CaseSession, options: ImportOptions): { timeZone: string; origin: TimeZoneOrigin } {
  if (options.timeZone !== undefined) return { timeZone: options.timeZone, origin: 'flag' };
  return { timeZone: session.settings.timeZone, origin: 'case-setting' };
}

function failedSummary(path: string, code: string, message: string): ImportSourceSummary {
  return { path, sourceId: null, format: 'unknown', sha256: null, status: 'failed', messages: 0, attachments: 0, unparsed: 0, issues: [{ place: path, reason: message }], error: { code, message } };
}

function sum(summaries: ImportSourceSummary[], pick: (summary: ImportSourceSummary) => number): number {
  return summaries.reduce((total, summary) => total + pick(summary), 0);
}
