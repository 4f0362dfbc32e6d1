import { describe, expect, it } from 'vitest';
import type { Database } from 'sql.js';
import type { ImportJob } from '../../../../shared/contracts/import-worker.ts';
import type { ParsedChat, ParsedMessage } from '../../../../shared/contracts/parsed-source.ts';
import type { CallContext } from '../../../../shared/worker/serve.ts';
import { conversationSourceFacts, listConversations } from '../../../../workers/db/repos/messages.ts';
import { run } from '../../../../workers/db/repos/rows.ts';
import { selectAll } from '../../../../workers/db/repos/rows.ts';
import { RecordWriter } from '../../../../workers/import/record-writer.ts';
import { folderFiles } from '../../../../workers/import/source-files.ts';
import { caseDbClient } from '../../../support/case-db-client.ts';
import { memoryCaseWithSource } from '../../../support/memory-case-db.ts';

/**
 * What a source keeps about a conversation beyond its title, kind and participants (a bugle_db
 * conversation's columns no reader knows) was dropped between the parser and the case: ParsedChat
 * had no place for it. It now goes from the parser (ParsedChat.extra) through the RecordWriter
 * and insertChats into chat_sources.extra (migration 0170), and comes back with the conversation.
 */
const SOURCE = { id: 'src-1', path: '/e/bugle_db', sha256: 'a'.repeat(64) };

async function importChats(db: Database, announcements: ParsedChat[]): Promise<void> {
  const job = { source: { ...SOURCE, timeZone: 'UTC' }, path: SOURCE.path, casePath: '/tmp/case', format: 'google-messages-db' } as unknown as ImportJob;
  const context = { throwIfCancelled: () => undefined, progress: () => undefined } as unknown as CallContext;
  const writer = new RecordWriter(job, { db: caseDbClient(db) as never, index: [] }, context, folderFiles(SOURCE.path));
  for (const chat of announcements) {
    writer.chat(chat);
    const message: ParsedMessage = { chatKey: chat.key, kind: 'message', sender: 'Ana', time: null, timestampText: '', text: 'hi', attachments: [], deleted: false, edited: false, locator: { kind: 'sqlite-row', file: 'bugle_db', table: 'messages', rowid: 1 } };
    await writer.message(message);
    await writer.flush();
  }
}

describe('a chat\'s source facts (ParsedChat.extra) from the parser to the case and back', () => {
  it('stores them with the source\'s link to the chat, keeps the first given, and lists them with the conversation', async () => {
    const db = await memoryCaseWithSource({ ...SOURCE, format: 'google-messages-db', status: 'imported' });
    await importChats(db, [
      { key: 'conversation:1', title: 'Ana', kind: 'private' },
      // Learnt after the first announcement: sent with the chat again.
      { key: 'conversation:1', title: 'Ana', extra: { otherColumns: { pinned_rank: 3, snippet_text: 'see you' } } },
      // A later announcement does not replace them.
      { key: 'conversation:1', title: 'Ana', extra: { otherColumns: { pinned_rank: 9 } } },
      { key: 'conversation:2', title: 'Crew', kind: 'group' },
    ]);
    expect(selectAll(db, 'SELECT extra FROM chat_sources ORDER BY extra').map((row) => row['extra'])).toEqual([null, '{"otherColumns":{"pinned_rank":3,"snippet_text":"see you"}}']);
    const conversations = listConversations(db);
    const ana = conversations.find((conversation) => conversation.title === 'Ana');
    expect(ana?.sourcesWithFacts).toBe(1);
    expect(conversationSourceFacts(db, ana?.id ?? '')).toEqual([{ sourceId: 'src-1', extra: { otherColumns: { pinned_rank: 3, snippet_text: 'see you' } } }]);
    const crew = conversations.find((conversation) => conversation.title === 'Crew');
    expect(crew).not.toHaveProperty('sourcesWithFacts');
    expect(conversationSourceFacts(db, crew?.id ?? '')).toEqual([]);
  });

  /**
   * conversations.list carried every conversation's facts on every refresh (review): a phone
   * database of thousands of conversations made the list megabytes, sent again while an import
   * runs. The list says how many sources kept facts; the header asks for one conversation's.
   */
  it('lists conversations without their facts, only how many sources kept some', async () => {
    const db = await memoryCaseWithSource({ ...SOURCE, format: 'google-messages-db', status: 'imported' });
    await importChats(db, [{ key: 'conversation:1', title: 'Ana', extra: { otherColumns: { snippet_text: 'see you' } } }]);
    const [listed] = listConversations(db);
    expect(JSON.stringify(listed)).not.toContain('see you');
    expect(listed).not.toHaveProperty('sourceFacts');
    expect(listed?.sourcesWithFacts).toBe(1);
  });

  it('gives no facts of a source that is not imported (cancelled, failed)', async () => {
    const db = await memoryCaseWithSource({ ...SOURCE, format: 'google-messages-db', status: 'imported' });
    await importChats(db, [{ key: 'conversation:1', title: 'Ana', extra: { otherColumns: { snippet_text: 'see you' } } }]);
    const chatId = listConversations(db)[0]?.id ?? '';
    run(db, "UPDATE sources SET status = 'cancelled'");
    expect(conversationSourceFacts(db, chatId)).toEqual([]);
  });
});
