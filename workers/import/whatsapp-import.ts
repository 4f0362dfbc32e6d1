import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { DbWorkerApi, NewMessage } from '../../shared/contracts/db-worker.ts';
import type { ImportJob, ImportOutcome } from '../../shared/contracts/import-worker.ts';
import type { IndexWorkerApi } from '../../shared/contracts/index-worker.ts';
import type { ImportIssue } from '../../shared/domain/source.ts';
import { AppError } from '../../shared/errors.ts';
import { isValidWallTime, wallTimeToUtc } from '../../shared/time/zoned-time.ts';
import type { WorkerClient } from '../../shared/worker/client.ts';
import type { CallContext } from '../../shared/worker/serve.ts';
import { chatTitleFromFileName } from './chat-title.ts';
import { parseWhatsAppText } from './whatsapp/index.ts';
import type { WhatsAppRecord } from './whatsapp/index.ts';

export const WHATSAPP_TEXT_PARSER = { name: 'threadline-whatsapp-txt', version: '1.0.0' } as const;

/** Messages per round trip to the db and index workers: big enough to amortise, small enough to cancel promptly. */
const BATCH_SIZE = 2000;

export interface Sinks {
  db: WorkerClient<DbWorkerApi>;
  index: WorkerClient<IndexWorkerApi>;
}

/** Stable across re-imports of the same bytes: the source hash plus the record's first byte. */
export function messageId(sourceSha256: string, byteStart: number): string {
  return `m-${createHash('sha256').update(`${sourceSha256}:${byteStart}`).digest('hex').slice(0, 24)}`;
}

export async function importWhatsAppText(job: ImportJob, sinks: Sinks, context: CallContext): Promise<ImportOutcome> {
  const { source } = job;
  context.progress({ stage: 'reading', done: 0, total: source.size });
  // Read-only: the evidence file is opened with 'r' and never written.
  const bytes = readFileSync(job.path, { flag: 'r' });
  context.throwIfCancelled();
  context.progress({ stage: 'parsing', done: 0, total: source.size });
  const parsed = parseWhatsAppText(bytes, job.dateOrder === undefined ? {} : { dateOrder: job.dateOrder });
  const fileName = basename(job.path);
  const issues: ImportIssue[] = parsed.warnings.map((warning) => ({ sourceId: source.id, place: `${fileName}:${warning.line}`, reason: warning.message }));

  if (parsed.lineCount === 0) throw new AppError('E_IMPORT_EMPTY', `${fileName} is empty: there is nothing to import`);
  if (!parsed.records.some((record) => record.kind !== 'unparsed')) {
    throw new AppError('E_IMPORT_FORMAT', `${fileName}:1: no line looks like a WhatsApp message header ("date, time - name: text"); this is not a WhatsApp chat export`);
  }

  const chatId = `c-${source.sha256.slice(0, 16)}`;
  await sinks.db.call('insertChats', { chats: [{ id: chatId, sourceId: source.id, title: chatTitleFromFileName(fileName) }] });

  let unparsed = 0;
  let attachments = 0;
  let batch: NewMessage[] = [];
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    const { rowids } = await sinks.db.call('insertMessages', { messages: batch });
    await sinks.index.call('add', { documents: batch.map((message, position) => ({ rowid: rowids[position] ?? -1, text: message.text })) });
    batch = [];
  };

  for (const [seq, record] of parsed.records.entries()) {
    const message = toMessage(record, seq, chatId, job, fileName, issues);
    if (message.kind === 'unparsed') unparsed++;
    if (message.media?.kind === 'attached') attachments++;
    batch.push(message);
    if (batch.length >= BATCH_SIZE) {
      context.throwIfCancelled();
      await flush();
      context.progress({ stage: 'importing', done: record.locator.byteEnd, total: source.size });
    }
  }
  context.throwIfCancelled();
  await flush();
  context.progress({ stage: 'importing', done: source.size, total: source.size });

  if (issues.length > 0) await sinks.db.call('addIssues', { issues });
  await sinks.db.call('addProvenance', { sourceId: source.id, stage: 'parse', tool: WHATSAPP_TEXT_PARSER.name, toolVersion: WHATSAPP_TEXT_PARSER.version, parameters: { dateOrder: parsed.dateOrder, dateOrderSource: parsed.dateOrderSource, timeZone: source.timeZone } });

  return {
    messages: parsed.records.length - unparsed,
    unparsed,
    attachments,
    issues,
    details: {
      platform: parsed.platform,
      dateOrder: parsed.dateOrder,
      dateOrderSource: parsed.dateOrderSource,
      dateOrderEvidence: parsed.dateOrderEvidence,
      clock: parsed.clock,
      lineCount: parsed.lineCount,
    },
  };
}

function toMessage(record: WhatsAppRecord, seq: number, chatId: string, job: ImportJob, fileName: string, issues: ImportIssue[]): NewMessage {
  const { source } = job;
  const place = `${fileName}:${record.locator.lineStart}`;
  let timestamp: string | null = null;
  if (record.wallClock !== null) {
    if (record.wallClock.year === 0) {
      issues.push({ sourceId: source.id, place, reason: `the export gives no year ("${record.timestampText}"); the message has no UTC time` });
    } else if (!isValidWallTime(record.wallClock)) {
      issues.push({ sourceId: source.id, place, reason: `"${record.timestampText}" is not a valid date under the ${job.dateOrder ?? 'inferred'} day/month order` });
    } else {
      const conversion = wallTimeToUtc(record.wallClock, source.timeZone);
      timestamp = new Date(conversion.utcMs).toISOString();
      if (conversion.ambiguity !== 'none') {
        issues.push({ sourceId: source.id, place, reason: `"${record.timestampText}" falls in a daylight-saving ${conversion.ambiguity} in ${source.timeZone}; read as ${timestamp}` });
      }
    }
  }
  if (record.kind === 'unparsed') issues.push({ sourceId: source.id, place, reason: record.reason ?? 'not a message' });
  return {
    id: messageId(source.sha256, record.locator.byteStart),
    sourceId: source.id,
    chatId,
    seq,
    kind: record.kind,
    sender: record.sender,
    timestamp,
    timestampText: record.timestampText,
    text: record.text,
    // Languages are detected afterwards by the language worker pool (engine/import/detect-languages.ts).
    lang: 'und',
    langConfidence: 0,
    media: record.media,
    deleted: record.deleted,
    edited: record.edited,
    locator: { kind: 'text-lines', file: fileName, ...record.locator },
  };
}
