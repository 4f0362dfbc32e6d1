import type { MessageBatch, NewChat } from '../../shared/contracts/db-worker.ts';
import type { ImportJob } from '../../shared/contracts/import-worker.ts';
import type { IndexDocument } from '../../shared/contracts/index-worker.ts';
import { unpackRows, type PackedValue } from '../../shared/contracts/packed-rows.ts';
import type { ParseOutcome, ParserInput, SourceParser } from '../../shared/contracts/parsed-source.ts';
import type { CallContext } from '../../shared/worker/serve.ts';
import { RecordWriter } from '../../workers/import/record-writer.ts';
import { folderFiles } from '../../workers/import/source-files.ts';

/** What a parser's records come to in the case: the rows and chats the db worker was given, and the import's issues. */
export interface StoredImport {
  rows: PackedValue[][];
  chats: NewChat[];
  /** What the search index was given (one shard). */
  documents: IndexDocument[];
  issues: string[];
  outcome: ParseOutcome | { thrown: string };
}

/**
 * Runs a parser into a real RecordWriter whose db worker and index shard keep what they are
 * given: the rows as stored (every column, as packed) and the index documents, for comparing two
 * ways of reading one source down to the byte.
 */
export async function storedImport(parser: SourceParser, input: ParserInput, format: string): Promise<StoredImport> {
  const rows: PackedValue[][] = [];
  const chats: NewChat[] = [];
  const documents: IndexDocument[] = [];
  const index = { call: async (_method: string, params: { documents: IndexDocument[] }) => void documents.push(...params.documents) };
  const db = {
    call: async (method: string, params: { batch?: MessageBatch; chats?: NewChat[] }) => {
      if (method === 'insertChats') chats.push(...(params.chats ?? []));
      if (method !== 'insertMessages' || params.batch === undefined) return null;
      const batch = unpackRows(params.batch.rows);
      rows.push(...batch);
      return { rowids: batch.map((_row, index) => rows.length - batch.length + index + 1) };
    },
  };
  const job = { source: { id: 'src-1', sha256: 'd'.repeat(64), timeZone: 'UTC', device: 'test phone' }, path: `/e/${input.displayName}`, casePath: '/tmp/case', format } as unknown as ImportJob;
  const context = { throwIfCancelled: () => undefined, progress: () => undefined } as unknown as CallContext;
  const writer = new RecordWriter(job, { db: db as never, index: [index as never] }, context, folderFiles(job.path));
  let outcome: StoredImport['outcome'];
  try {
    outcome = await parser.parse(input, writer, {});
    await writer.flush();
  } catch (error) {
    outcome = { thrown: error instanceof Error ? error.message : String(error) };
  }
  return { rows, chats, documents, issues: writer.issues.map((issue) => `${issue.place}: ${issue.reason}`), outcome };
}
