import { describe, expect, it } from 'vitest';
import type { Database } from 'sql.js';
import type { ImportJob } from '../../../../shared/contracts/import-worker.ts';
import type { ParsedChat, ParsedMessage } from '../../../../shared/contracts/parsed-source.ts';
import type { CallContext } from '../../../../shared/worker/serve.ts';
import { run, selectAll } from '../../../../workers/db/repos/rows.ts';
import { RecordWriter } from '../../../../workers/import/record-writer.ts';
import { folderFiles } from '../../../../workers/import/source-files.ts';
import { memoryCaseWithSource } from '../../../support/memory-case-db.ts';
import { caseDbClient } from '../../../support/case-db-client.ts';

/**
 * A UFDR Chat whose Name comes after its Messages is announced with a provisional title and
 * again, at its end, with `retitle`. The source that gave the title may replace it; a later
 * source merged into the same conversation (same device, same app chat) may not. A ChatType
 * written after the Messages is announced the same way, with `kindStated`, and follows the same rule.
 */

async function caseWithTwoSources(): Promise<Database> {
  const db = await memoryCaseWithSource({ id: 'src-1', path: '/e/a/report.xml', format: 'ufdr', sha256: 'a'.repeat(64), status: 'importing' });
  run(
    db,
    `INSERT INTO sources (id, path, display_name, format, parser, parser_version, size, sha256, status, imported_at, time_zone, time_zone_origin, details, message_count, unparsed_count)
     VALUES ('src-2', '/e/b/report.xml', 'report.xml', 'ufdr', 'p', '1', 1, ?, 'importing', '2024-01-01', 'UTC', 'flag', '{}', 0, 0)`,
    ['b'.repeat(64)],
  );
  return db;
}

const MESSAGE: ParsedMessage = { chatKey: 'chat:WhatsApp:1', kind: 'message', sender: 'Ana', time: null, timestampText: '', text: 'hi', attachments: [], deleted: false, edited: false, locator: { kind: 'xml-path', file: 'report.xml', path: '/project', line: 1, column: 1 } };

/** Imports one source's announcements (and a message after each) through a RecordWriter, as the import worker does. */
async function importInto(db: Database, source: { id: string; sha256: string; path: string }, announcements: ParsedChat[]): Promise<void> {
  const client = caseDbClient(db);
  // One declared device: the chats of both sources with one mergeKey are one conversation.
  const job = { source: { ...source, timeZone: 'UTC', device: 'Phone A' }, path: source.path, casePath: '/tmp/case', format: 'ufdr' } as unknown as ImportJob;
  const context = { throwIfCancelled: () => undefined, progress: () => undefined } as unknown as CallContext;
  const writer = new RecordWriter(job, { db: client as never, index: [] }, context, folderFiles(source.path));
  for (const chat of announcements) {
    writer.chat(chat);
    await writer.message(MESSAGE);
    // Each announcement in a batch of its own, as when a long chat's Name comes at its end.
    await writer.flush();
  }
}

const titles = (db: Database): string[] => selectAll(db, 'SELECT title FROM chats ORDER BY id').map((row) => String(row['title']));

const PROVISIONAL: ParsedChat = { key: 'chat:WhatsApp:1', mergeKey: 'WhatsApp\n1', title: 'WhatsApp: Ana', kind: 'private' };
const SETTLED: ParsedChat = { ...PROVISIONAL, title: 'WhatsApp: Job in Milan', retitle: true };

describe('insertChats and a title settled after the chat was stored', () => {
  it('replaces the title the same source gave first', async () => {
    const db = await caseWithTwoSources();
    await importInto(db, { id: 'src-1', sha256: 'a'.repeat(64), path: '/e/a/report.xml' }, [PROVISIONAL, SETTLED]);
    expect(titles(db)).toEqual(['WhatsApp: Job in Milan']);
  });

  it('keeps the title when announced again without retitle (a later announcement is not a rename)', async () => {
    const db = await caseWithTwoSources();
    await importInto(db, { id: 'src-1', sha256: 'a'.repeat(64), path: '/e/a/report.xml' }, [PROVISIONAL, { ...PROVISIONAL, title: 'WhatsApp: Other', participants: [{ name: 'Bo', id: '2' }] }]);
    expect(titles(db)).toEqual(['WhatsApp: Ana']);
  });

  it("never replaces the title another source gave the same conversation", async () => {
    const db = await caseWithTwoSources();
    await importInto(db, { id: 'src-1', sha256: 'a'.repeat(64), path: '/e/a/report.xml' }, [{ ...PROVISIONAL, title: 'WhatsApp: First report' }]);
    await importInto(db, { id: 'src-2', sha256: 'b'.repeat(64), path: '/e/b/report.xml' }, [PROVISIONAL, SETTLED]);
    expect(titles(db)).toEqual(['WhatsApp: First report']);
    expect(selectAll(db, 'SELECT source_id FROM chat_sources ORDER BY source_id').map((row) => row['source_id'])).toEqual(['src-1', 'src-2']);
  });
});

const kinds = (db: Database): string[] => selectAll(db, 'SELECT kind FROM chats ORDER BY id').map((row) => String(row['kind']));

describe('insertChats and a kind the source states after the chat was stored with a guessed one', () => {
  const STATED: ParsedChat = { ...PROVISIONAL, kind: 'group', kindStated: true };

  it('replaces the kind the same source guessed first, even when stored in an earlier batch', async () => {
    const db = await caseWithTwoSources();
    await importInto(db, { id: 'src-1', sha256: 'a'.repeat(64), path: '/e/a/report.xml' }, [PROVISIONAL, STATED]);
    expect(kinds(db)).toEqual(['group']);
  });

  it('keeps a known kind when announced again with a guess (no kindStated)', async () => {
    const db = await caseWithTwoSources();
    await importInto(db, { id: 'src-1', sha256: 'a'.repeat(64), path: '/e/a/report.xml' }, [PROVISIONAL, { ...PROVISIONAL, kind: 'group' }]);
    expect(kinds(db)).toEqual(['private']);
  });

  it('keeps the kind another source gave the conversation', async () => {
    const db = await caseWithTwoSources();
    await importInto(db, { id: 'src-1', sha256: 'a'.repeat(64), path: '/e/a/report.xml' }, [PROVISIONAL]);
    await importInto(db, { id: 'src-2', sha256: 'b'.repeat(64), path: '/e/b/report.xml' }, [PROVISIONAL, STATED]);
    expect(kinds(db)).toEqual(['private']);
  });
});
