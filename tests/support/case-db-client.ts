import type { Database } from 'sql.js';
import type { MessageBatch, NewChat } from '../../shared/contracts/db-worker.ts';
import { insertChats, insertMessages } from '../../workers/db/repos/messages.ts';

/**
 * The db worker as a RecordWriter talks to it, answered straight from a case database in memory:
 * chats and message batches are stored as the worker would store them.
 */
export function caseDbClient(db: Database): { call: (method: string, params: { batch?: MessageBatch; chats?: NewChat[] }) => Promise<unknown> } {
  return {
    call: async (method, params) => {
      if (method === 'insertChats') {
        insertChats(db, params.chats ?? []);
        return null;
      }
      return { rowids: insertMessages(db, params.batch as MessageBatch) };
    },
  };
}
