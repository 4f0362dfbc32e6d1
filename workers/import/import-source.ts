import type { ImportJob, ImportOutcome } from '../../shared/contracts/import-worker.ts';
import { sharedExportFolders, type ParseOutcome } from '../../shared/contracts/parsed-source.ts';
import { AppError } from '../../shared/errors.ts';
import type { CallContext } from '../../shared/worker/serve.ts';
import { fileInput } from './file-input.ts';
import { createCsvParser, validateCsvMapping } from './csv/index.ts';
import { PARSERS, parserFor } from './parsers.ts';
import { folderFiles } from './source-files.ts';
import { SplitDownloadParts } from './zip/split-parts.ts';
import { importZip, ZIP_FORMAT } from './zip/zip-source.ts';
import type { Sinks } from './record-writer.ts';
import { RecordWriter } from './record-writer.ts';

/** Version of the container reader; each entry's own parser and version are in the details. */
// 1.4.0: an attachment a Meta DYI thread names by its path in the download may be found in another zip picked with it (split-parts.ts).
const ZIP_READER_VERSION = '1.4.0';

/**
 * Formats in which one source is one thread, and a thread read without a problem but with no
 * message is still a fact to keep: Meta writes a thread whose messages were all deleted (or that
 * only ever had participants) with "messages": [] and its title and participants (FORMATS.md §3).
 */
const THREAD_FORMATS = new Set(['meta-messages-json']);

/**
 * Whether an import with no message read a thread that has none, rather than nothing: the file
 * itself, without a problem, or a zip entry of such a format that was imported, not refused
 * (a zip of Meta threads whose messages were all deleted).
 */
function isEmptyThread(format: string, writer: RecordWriter, outcome: ParseOutcome): boolean {
  if (writer.chatCount === 0) return false;
  if (format !== ZIP_FORMAT) return THREAD_FORMATS.has(format) && writer.issues.length === 0;
  const entries = outcome.details['entries'];
  return Array.isArray(entries) && entries.some((entry: { format?: unknown; error?: unknown }) => typeof entry.format === 'string' && THREAD_FORMATS.has(entry.format) && entry.error === undefined);
}

/** Runs the parser of the job's format over the source and streams its records into the case. */
export async function importSource(job: ImportJob, sinks: Sinks, context: CallContext): Promise<ImportOutcome> {
  const parser = job.format === ZIP_FORMAT ? null : job.format === 'csv' ? createCsvParser(validateCsvMapping(job.csvMapping ?? {})) : parserFor(job.format);
  if (parser === undefined) throw new AppError('E_IMPORT_FORMAT', `${job.path}: no importer for format ${job.format}`);
  context.progress({ stage: 'reading', done: 0, total: job.source.size });
  const writer = new RecordWriter(job, sinks, context, folderFiles(job.path, sharedExportFolders(job.format, job.path)));
  const options = job.dateOrder === undefined ? {} : { dateOrder: job.dateOrder };
  let outcome;
  const otherParts = parser === null ? new SplitDownloadParts(job.otherArchives ?? [], job.casePath) : null;
  try {
    const importedWith = job.importedWith ?? [];
    outcome =
      parser === null
        ? await importZip(job.path, writer, PARSERS, options, importedWith, otherParts)
        : await parser.parse(fileInput(job.path, job.source.size, importedWith), writer, options);
  } catch (error) {
    // The engine drops a failed source's rows next: no batch of it may still be on its way.
    await writer.settle();
    throw error;
  } finally {
    await otherParts?.close();
  }
  await writer.flush();
  if (writer.messages + writer.unparsed === 0 && !isEmptyThread(job.format, writer, outcome)) {
    const why = writer.issues.length === 0 ? '' : ` (${writer.issues.slice(0, 3).map((issue) => `${issue.place}: ${issue.reason}`).join('; ')})`;
    throw new AppError('E_IMPORT_EMPTY', `${job.source.displayName}: the ${job.format} export holds no messages${why}`);
  }
  // A recognised file whose records could not be read is still imported: its records are kept
  // raw ('unparsed') and listed, never dropped.
  context.progress({ stage: 'importing', done: job.source.size, total: job.source.size });
  if (writer.issues.length > 0) await sinks.db.call('addIssues', { issues: writer.issues });
  const toolName = `threadline-${job.format}`;
  const toolVersion = parser === null ? ZIP_READER_VERSION : parser.parserVersion;
  await sinks.db.call('addProvenance', {
    sourceId: job.source.id,
    stage: 'parse',
    tool: toolName,
    toolVersion,
    parameters: { dateOrder: job.dateOrder ?? 'inferred', timeZone: job.source.timeZone, timeZoneOrigin: job.source.timeZoneOrigin },
  });
  return {
    parser: toolName,
    parserVersion: toolVersion,
    formatVersion: outcome.formatVersion,
    messages: writer.messages,
    unparsed: writer.unparsed,
    attachments: writer.attachments,
    issues: writer.issues,
    details: outcome.details,
    chats: writer.chatSummaries(),
  };
}
