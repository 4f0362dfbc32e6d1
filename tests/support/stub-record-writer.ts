import type { MessageBatch, NewChat } from '../../shared/contracts/db-worker.ts';
import type { ImportJob } from '../../shared/contracts/import-worker.ts';
import type { CallContext } from '../../shared/worker/serve.ts';
import { RecordWriter } from '../../workers/import/record-writer.ts';
import { folderFiles } from '../../workers/import/source-files.ts';

/** What a RecordWriter sends the db worker, as a test's stub sees it. */
export interface StubDbCall {
  batch?: MessageBatch;
  chats?: NewChat[];
}

export interface StubSource {
  path: string;
  format: string;
  timeZone?: string;
  sha256?: string;
  casePath?: string;
}

/**
 * A RecordWriter for a source at `path` whose db worker is `onCall` and which has no index
 * worker. A stored batch is answered with consecutive rowids unless `onCall` answers it itself;
 * anything else with null.
 */
export function stubRecordWriter(source: StubSource, onCall: (method: string, params: StubDbCall) => unknown = () => undefined): RecordWriter {
  let stored = 0;
  const db = {
    call: async (method: string, params: StubDbCall) => {
      const answer: unknown = await onCall(method, params);
      if (answer !== undefined) return answer;
      if (method !== 'insertMessages' || params.batch === undefined) return null;
      const { count } = params.batch.rows;
      stored += count;
      return { rowids: Array.from({ length: count }, (_row, index) => stored - count + index + 1) };
    },
  };
  // The source's path and (undeclared) device: what a chat with a merge key is identified by (chat-identity.ts).
  const job = { source: { id: 'src-1', sha256: source.sha256 ?? 'c'.repeat(64), timeZone: source.timeZone ?? 'UTC', path: source.path, device: null }, path: source.path, casePath: source.casePath ?? '/tmp/case', format: source.format } as unknown as ImportJob;
  const context = { throwIfCancelled: () => undefined, progress: () => undefined } as unknown as CallContext;
  return new RecordWriter(job, { db: db as never, index: [] }, context, folderFiles(source.path));
}
