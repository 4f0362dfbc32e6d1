import { basename, resolve } from 'node:path';
import type { CsvMappingSpec, DateOrder, ImportOptions, ImportSourceSummary, ImportSummary } from '../../shared/domain/import.ts';
import { normaliseDeviceLabel } from '../../shared/domain/device.ts';
import { messagesOf, type TimeZoneOrigin } from '../../shared/domain/source.ts';
import type { SourceProgressState } from '../../shared/domain/task.ts';
import { AppError, isCancellation, serializeError } from '../../shared/errors.ts';
import { isValidTimeZone } from '../../shared/time/zoned-time.ts';
import type { CaseSession } from '../case/case-session.ts';
import type { SourceProgressPatch, SourceTracker } from '../tasks/source-tracker.ts';
import type { TaskHandle } from '../tasks/task-manager.ts';
import { unreferencedInOwnedFolders } from './owned-folders.ts';
import { collectFiles } from './collect-files.ts';
import { companionCandidates } from './database-files.ts';
import { otherPartsOf, zipsOf } from './split-download-parts.ts';
import type { CollectedFile } from './collect-files.ts';
import { detectSourceLanguages } from './detect-languages.ts';
import { sha256File } from '../package/hashing.ts';
import { hashFile } from './hash-file.ts';
import { newSourceRecord } from './new-source-record.ts';
import { tagSource } from '../markers/tag-source.ts';

/** Issues carried on a source's progress entry; the full list is in the summary and the case. */
const ISSUE_SAMPLES = 5;

/** What importOne tells the task as it goes: the source's own step and the import's overall line. */
interface ProgressReport {
  source(state: SourceProgressState, patch?: SourceProgressPatch): void;
  overall(stage: string, done: number, total: number | null): void;
  /** Bytes of this source read so far, shown overall as bytes of the whole import. */
  bytes(done: number): void;
}

/** A zone typed by the analyst that no clock knows is refused by name, before anything is read. */
export function assertKnownTimeZone(timeZone: string | undefined): void {
  if (timeZone !== undefined && !isValidTimeZone(timeZone)) {
    throw new AppError('E_USAGE', `Unknown time zone "${timeZone}": use an IANA name such as Europe/Bucharest or UTC`);
  }
}

/**
 * Imports files into an open case, one source at a time. A source that fails is recorded and
 * the rest carry on. Cancelling the task stops after the current batch and leaves earlier
 * sources intact; cancelling one source drops what it wrote and goes on with the next.
 */
export async function importFiles(session: CaseSession, paths: string[], options: ImportOptions, task: TaskHandle): Promise<ImportSummary> {
  assertKnownTimeZone(options.timeZone);
  const devices = checkDevices(options);
  const collected = await collectFiles(paths, { caseFolder: session.path });
  const { problems } = collected;
  // Loose media and documents go last, so the ones that are attachments of a chat in the same
  // import (an export's folder: its photos, voice notes, contact cards) are recognised as such.
  const files = [...collected.files].sort((a, b) => Number(isAttachmentName(a.path)) - Number(isAttachmentName(b.path)));
  const tracker = task.trackSources();
  const summaries: ImportSourceSummary[] = problems.map((problem) => {
    const summary = failedSummary(problem.path, problem.code ?? 'E_IMPORT_READ', `${problem.path} ${problem.reason}`);
    tracker.add(problem.path, 0, finalProgress(summary));
    return summary;
  });
  for (const item of collected.skipped) {
    const summary = skippedSummary(item.path, item.reason);
    tracker.add(item.path, 0, finalProgress(summary));
    summaries.push(summary);
  }
  // Files of an unzipped UFDR that its report names nowhere are listed, not silently left out;
  // so is a report that could no longer be read to tell, unless it is imported below (its own row
  // says what became of it; the files it may name say it could not be read): one row per file.
  const owned = await unreferencedInOwnedFolders(collected.ownedFolders);
  const queuedPaths = new Set(files.map((file) => file.path));
  for (const problem of owned.problems.filter((each) => !queuedPaths.has(each.path))) {
    const summary = failedSummary(problem.path, 'E_IMPORT_READ', `${problem.path} ${problem.reason}`);
    tracker.add(problem.path, 0, finalProgress(summary));
    summaries.push(summary);
  }
  for (const file of owned.files) {
    const summary = skippedSummary(file.path, file.reason);
    tracker.add(file.path, file.size, finalProgress(summary));
    summaries.push(summary);
  }
  const queued = files.map((file) => ({ file, index: tracker.add(file.path, file.size, { device: devices(file.path), timeZone: declaredTimeZone(options, file.path), dateOrder: declaredDateOrder(options, file.path), csvMapping: declaredCsvMapping(options, file.path) }) }));
  const candidates = companionCandidates(files);
  const zips = zipsOf(files);
  const totalBytes = files.reduce((sum, file) => sum + file.size, 0);
  let doneBytes = 0;
  let indexChanged = false;
  for (const { file, index } of queued) {
    const signal = tracker.signal(index);
    const report: ProgressReport = {
      source: (state, patch = {}) => tracker.update(index, { ...patch, state }),
      overall: (stage, done, total) => task.progress(stage, done, total),
      bytes: (done) => task.progress(`importing ${basename(file.path)}`, doneBytes + done, totalBytes),
    };
    const importedWith = candidates.filter((other) => other !== file.path);
    const summary = signal.aborted
      ? cancelledSummary(file.path, whyCancelled(tracker, task, index, 'not imported'))
      : await importOne(session, file, options, { device: devices(file.path), signal, report, importedWith, otherArchives: otherPartsOf(file.path, zips, devices), byUser: () => cancelledByUser(tracker, task, index), whyCancelled: () => whyCancelled(tracker, task, index, 'nothing of this source was kept') });
    tracker.update(index, finalProgress(summary));
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

/** Checks the declared devices up front (a bad name fails the import before anything is read); gives each file its device. */
function checkDevices(options: ImportOptions): (path: string) => string | null {
  const checked = (label: string | undefined): string | null => {
    try {
      return normaliseDeviceLabel(label);
    } catch (error) {
      throw new AppError('E_USAGE', `Device "${String(label).slice(0, 80)}": ${(error as Error).message}`);
    }
  };
  const device = checked(options.device);
  const byPath = new Map(Object.entries(options.deviceByPath ?? {}).map(([path, label]) => [resolve(path), checked(label)]));
  return (path) => byPath.get(path) ?? device;
}

/** The signal a source's work honours, how it reports, and who stopped it and how to word that. */
interface SourceRun {
  /** The device the analyst declared this file comes from, or null (ADR 0014). */
  device: string | null;
  signal: AbortSignal;
  report: ProgressReport;
  /** The other databases of this import: where a companion of this source (or its owner) may be found by content. */
  importedWith: string[];
  /** The other zips of this import of the same declared device (or none, like this one): parts of a split download an attachment may lie in. */
  otherArchives: string[];
  /** True when the user cancelled this source or the whole import; false when the case was closed under it. */
  byUser(): boolean;
  whyCancelled(): string;
}

function cancelledByUser(tracker: SourceTracker, task: TaskHandle, index: number): boolean {
  return tracker.cancelledAlone(index) || task.cancelCause() !== 'closing';
}

function whyCancelled(tracker: SourceTracker, task: TaskHandle, index: number, outcome: string): string {
  if (tracker.cancelledAlone(index)) return `this source was cancelled by the user; ${outcome}`;
  if (task.cancelCause() === 'closing') return `the case was closed during the import; ${outcome} ("Retry failed" imports it again)`;
  return `the import was cancelled; ${outcome}`;
}

async function importOne(session: CaseSession, file: CollectedFile, options: ImportOptions, run: SourceRun): Promise<ImportSourceSummary> {
  const { path } = file;
  const { signal, report, importedWith } = run;
  let digests;
  try {
    report.bytes(0);
    report.source('hashing', { bytesDone: 0 });
    digests = await hashFile(path, signal, (done) => report.source('hashing', { bytesDone: done }));
  } catch (error) {
    if (signal.aborted) return cancelledSummary(path, run.whyCancelled());
    return failedSummary(path, 'E_IMPORT_READ', `${path} cannot be read: ${String(error)}`);
  }
  const existing = await session.db.client.call('findSourceByHash', { sha256: digests.sha256 });
  if (existing !== null) {
    return { path, sourceId: existing.id, format: existing.format, sha256: digests.sha256, status: 'already-imported', messages: 0, attachments: 0, unparsed: 0, issues: [{ place: path, reason: `identical bytes were already imported as ${existing.displayName} (${existing.id})` }], error: null };
  }
  // Sniffing the content is the first read of the source.
  report.source('reading', { bytesDone: 0 });
  const importer = await session.importer();
  const csvMapping = declaredCsvMapping(options, path);
  let detected;
  try {
    detected = await importer.client.call('detectFormat', { path, importedWith, ...(csvMapping === null ? {} : { csvMapping }) }, { signal });
  } catch (error) {
    if (signal.aborted) return { ...cancelledSummary(path, run.whyCancelled()), sha256: digests.sha256 };
    throw error;
  }
  // Cancelled while sniffing: nothing is recorded for a source that never started.
  if (signal.aborted) return { ...cancelledSummary(path, run.whyCancelled()), sha256: digests.sha256 };
  if (detected.format === null && detected.companionOf !== undefined) {
    return { path, sourceId: null, format: 'companion', sha256: digests.sha256, status: 'skipped', messages: 0, attachments: 0, unparsed: 0, issues: [{ place: path, reason: detected.reason }], error: null };
  }
  // A file of an export's folder that a message of the case holds already (a photo, a voice note,
  // a contact card, a document) is that message's attachment, not a source that failed.
  if (detected.format === 'image' || detected.format === null) {
    const attached = await session.db.client.call('findAttachmentByHash', { sha256: digests.sha256 });
    if (attached !== null) {
      return { path, sourceId: null, format: detected.format ?? 'attachment', sha256: digests.sha256, status: 'skipped', messages: 0, attachments: 0, unparsed: 0, issues: [{ place: path, reason: `already in the case as an attachment in "${attached.chatTitle}" (${attached.messageId})` }], error: null };
    }
  }
  if (detected.format === null) {
    const code = detected.reason === 'the file is empty' ? 'E_IMPORT_EMPTY' : 'E_IMPORT_FORMAT';
    const message = detected.reason.startsWith(path) ? detected.reason : `${path}: ${detected.reason}`;
    const failure = { ...failedSummary(path, code, message), sha256: digests.sha256 };
    session.audit.append(session.actor, 'source.rejected', { path, sha256: digests.sha256, reason: detected.reason });
    return failure;
  }
  const { timeZone, origin } = chooseTimeZone(session, options, path);
  const dateOrder = declaredDateOrder(options, path);
  const source = newSourceRecord(path, detected.format, digests, timeZone, origin, run.device, dateOrder, detected.format === 'csv' ? csvMapping : null);
  report.source('reading', { format: source.format, sourceId: source.id });
  await session.db.client.call('beginSource', { source });
  session.audit.append(session.actor, 'source.import.started', { sourceId: source.id, path, sha256: source.sha256, size: source.size, format: source.format, timeZone, timeZoneOrigin: origin, device: source.device });
  try {
    const outcome = await importer.client.call(
      'importSource',
      {
        source,
        path,
        casePath: session.path,
        format: detected.format,
        importedWith,
        ...(source.format === 'zip' && run.otherArchives.length > 0 ? { otherArchives: run.otherArchives } : {}),
        ...(dateOrder === null ? {} : { dateOrder }),
        ...(csvMapping === null ? {} : { csvMapping }),
      },
      {
        signal,
        onProgress: (progress) => {
          const read = Math.min(progress.done, file.size);
          report.bytes(read);
          // The worker reports every byte read before it stores the last batch, the issues and the provenance.
          report.source(read >= file.size ? 'storing' : 'reading', { bytesDone: read, ...(progress.items === undefined ? {} : { messages: progress.items }) });
        },
      },
    );
    report.source('detecting-languages', { bytesDone: file.size, messages: outcome.messages, unparsed: outcome.unparsed, attachments: outcome.attachments, messagesDone: 0, ...issueProgress(outcome.issues) });
    report.overall(`detecting languages in ${basename(path)}`, 0, outcome.messages);
    await detectSourceLanguages(session, source.id, signal, (done) => {
      report.source('detecting-languages', { messagesDone: done });
      report.overall(`detecting languages in ${basename(path)}`, done, outcome.messages);
    });
    report.source('tagging', { messagesDone: 0 });
    await tagSource(session, source.id, signal, (done) => {
      report.source('tagging', { messagesDone: done });
      report.overall(`looking for indicators in ${basename(path)}`, done, outcome.messages);
    });
    // Hash again after reading: proves the evidence was not altered while Threadline read it.
    report.source('verifying-hash', { bytesDone: 0 });
    const after = await sha256File(path, signal, (done) => report.source('verifying-hash', { bytesDone: done }));
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
      chats: outcome.chats,
    });
    session.audit.append(session.actor, 'source.import.finished', { sourceId: source.id, sha256: source.sha256, sha256After: after.sha256, hashVerified, records: finished.messageCount, messages: messagesOf(finished), unparsed: finished.unparsedCount, issues: issues.length });
    return { path, sourceId: source.id, format: source.format, sha256: source.sha256, status: 'imported', messages: outcome.messages, attachments: outcome.attachments, unparsed: outcome.unparsed, issues: issues.map(({ place, reason }) => ({ place, reason })), error: null };
  } catch (error) {
    const cancelled = isCancellation(error) || signal.aborted;
    const serialized = serializeError(error);
    // A cancel is the user's decision ('cancelled', never retried by "Retry failed"); a cancel
    // because the case was closed under the import is an interruption, like a crash.
    const status = !cancelled ? 'failed' : run.byUser() ? 'cancelled' : 'interrupted';
    const abandonReason = status === 'failed' ? serialized.message : status === 'cancelled' ? 'cancelled by the user' : 'the case was closed during the import';
    await session.db.client.call('abandonSource', { sourceId: source.id, status, reason: abandonReason });
    // Rows already sent to the index stay there marked dead (persisted too), so they never match.
    await session.index.dropSources([source.id]);
    const reason = cancelled ? run.whyCancelled() : serialized.message;
    session.audit.append(session.actor, `source.import.${status}`, { sourceId: source.id, path, code: cancelled ? 'E_CANCELLED' : serialized.code, reason });
    if (cancelled) return { ...cancelledSummary(path, reason), sha256: source.sha256, sourceId: source.id, format: source.format };
    return { ...failedSummary(path, serialized.code, serialized.message), sha256: source.sha256, sourceId: source.id, format: source.format };
  }
}

/** Names of the files an export's folder holds beside the export: media, contact cards, documents. The name only orders the work; content decides. */
function isAttachmentName(path: string): boolean {
  return /\.(jpe?g|png|gif|webp|bmp|tiff?|heic|opus|ogg|oga|mp3|m4a|aac|amr|wav|mp4|3gp|mov|mkv|webm|avi|pdf|vcf|docx?|xlsx?|pptx?)$/iu.test(path);
}

function chooseTimeZone(session: CaseSession, options: ImportOptions, path: string): { timeZone: string; origin: TimeZoneOrigin } {
  const declared = declaredTimeZone(options, path);
  if (declared !== null) return { timeZone: declared, origin: 'flag' };
  return { timeZone: session.settings.timeZone, origin: 'case-setting' };
}

/** The zone the analyst declared for this file (for the import, or kept for it by a retry); null: the case setting. */
function declaredTimeZone(options: ImportOptions, path: string): string | null {
  if (options.timeZone !== undefined) return options.timeZone;
  // A retried source keeps the zone the analyst declared for it: its times must not silently shift.
  return Object.entries(options.timeZoneByPath ?? {}).find(([each]) => resolve(each) === path)?.[1] ?? null;
}

/** The day/month order the analyst declared for this file (for the import, or kept for it by a retry); null: inferred. */
function declaredDateOrder(options: ImportOptions, path: string): DateOrder | null {
  if (options.dateOrder !== undefined) return options.dateOrder;
  return Object.entries(options.dateOrderByPath ?? {}).find(([each]) => resolve(each) === path)?.[1] ?? null;
}

/** The CSV mapping declared for this file (for the import, or kept for it by a retry); null: none. */
function declaredCsvMapping(options: ImportOptions, path: string): CsvMappingSpec | null {
  if (options.csvMapping !== undefined) return options.csvMapping;
  return Object.entries(options.csvMappingByPath ?? {}).find(([each]) => resolve(each) === path)?.[1] ?? null;
}

function failedSummary(path: string, code: string, message: string): ImportSourceSummary {
  return { path, sourceId: null, format: 'unknown', sha256: null, status: 'failed', messages: 0, attachments: 0, unparsed: 0, issues: [{ place: path, reason: message }], error: { code, message } };
}

/** A path listed with the reason it is not a source (not referenced by a report, the case's own folder). */
function skippedSummary(path: string, reason: string): ImportSourceSummary {
  return { path, sourceId: null, format: 'unknown', sha256: null, status: 'skipped', messages: 0, attachments: 0, unparsed: 0, issues: [{ place: path, reason }], error: null };
}

function cancelledSummary(path: string, message: string): ImportSourceSummary {
  return { ...failedSummary(path, 'E_CANCELLED', message), status: 'cancelled' };
}

const FINAL_STATE: Record<ImportSourceSummary['status'], SourceProgressState> = {
  imported: 'done',
  'already-imported': 'already-imported',
  skipped: 'skipped',
  failed: 'failed',
  cancelled: 'cancelled',
};

/** The progress entry of a source that has ended, from its summary. */
function finalProgress(summary: ImportSourceSummary): SourceProgressPatch {
  return {
    state: FINAL_STATE[summary.status],
    ...(summary.format === 'unknown' ? {} : { format: summary.format }),
    messages: summary.messages,
    unparsed: summary.unparsed,
    attachments: summary.attachments,
    ...issueProgress(summary.issues),
    error: summary.error,
    sourceId: summary.sourceId,
  };
}

function issueProgress(issues: { place: string; reason: string }[]): SourceProgressPatch {
  return { issues: issues.length, issueSamples: issues.slice(0, ISSUE_SAMPLES).map(({ place, reason }) => ({ place, reason })) };
}

function sum(summaries: ImportSourceSummary[], pick: (summary: ImportSourceSummary) => number): number {
  return summaries.reduce((total, summary) => total + pick(summary), 0);
}
