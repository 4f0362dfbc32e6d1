import type { ImportJob, ImportOutcome } from '../../shared/contracts/import-worker.ts';
import { AppError } from '../../shared/errors.ts';
import type { CallContext } from '../../shared/worker/serve.ts';
import { fileInput } from './file-input.ts';
import { parserFor } from './parsers.ts';
import type { Sinks } from './record-writer.ts';
import { RecordWriter } from './record-writer.ts';

/** Runs the parser of the job's format over the source and streams its records into the case. */
export async function importSource(job: ImportJob, sinks: Sinks, context: CallContext): Promise<ImportOutcome> {
  const parser = parserFor(job.format);
  if (parser === undefined) throw new AppError('E_IMPORT_FORMAT', `${job.path}: no importer for format ${job.format}`);
  context.progress({ stage: 'reading', done: 0, total: job.source.size });
  const writer = new RecordWriter(job, sinks, context);
  const outcome = await parser.parse(fileInput(job.path, job.source.size), writer, job.dateOrder === undefined ? {} : { dateOrder: job.dateOrder });
  await writer.flush();
  if (writer.messages + writer.unparsed === 0) {
    throw new AppError('E_IMPORT_EMPTY', `${job.source.displayName}: the ${job.format} export holds no messages`);
  }
  if (writer.messages === 0) {
    throw new AppError('E_IMPORT_FORMAT', `${job.source.displayName}:1: nothing in the file could be read as a ${job.format} message (${writer.unparsed} records kept raw)`);
  }
  context.progress({ stage: 'importing', done: job.source.size, total: job.source.size });
  if (writer.issues.length > 0) await sinks.db.call('addIssues', { issues: writer.issues });
  await sinks.db.call('addProvenance', {
    sourceId: job.source.id,
    stage: 'parse',
    tool: `threadline-${parser.format}`,
    toolVersion: parser.parserVersion,
    parameters: { dateOrder: job.dateOrder ?? 'inferred', timeZone: job.source.timeZone, timeZoneOrigin: job.source.timeZoneOrigin },
  });
  return {
    parser: `threadline-${parser.format}`,
    parserVersion: parser.parserVersion,
    formatVersion: outcome.formatVersion,
    messages: writer.messages,
    unparsed: writer.unparsed,
    attachments: writer.attachments,
    issues: writer.issues,
    details: outcome.details,
  };
}
