import { describe, expect, it } from 'vitest';
import type { NewMessage } from '../../../../shared/contracts/db-worker.ts';
import { encodeMessageBatch } from '../../../../workers/import/message-batch.ts';
import { insertChats, insertMessages } from '../../../../workers/db/repos/messages.ts';
import { abandonSource } from '../../../../workers/db/repos/sources.ts';
import { run, selectAll } from '../../../../workers/db/repos/rows.ts';
import { memoryCaseWithSource } from '../../../support/memory-case-db.ts';

function rows(sourceId: string, count: number, from: number): NewMessage[] {
  return Array.from({ length: count }, (_value, offset) => ({
    id: `m-${sourceId}-${from + offset}`, sourceId, chatId: `c-${sourceId}`, seq: from + offset, sourcePosition: from + offset, kind: 'message',
    sender: 'Ana', senderId: null, direction: null, timestamp: null, timestampText: '', text: `t${from + offset}`, lang: 'und', langConfidence: 0,
    attachments: [], deleted: false, edited: false, locator: { kind: 'csv-row', file: 'x.csv', row: from + offset, line: from + offset }, extra: null,
  }));
}

async function twoSourcesInterleaved(): Promise<Awaited<ReturnType<typeof memoryCaseWithSource>>> {
  const db = await memoryCaseWithSource({ id: 'src-a', path: '/e/a.csv', format: 'csv', sha256: 'a', status: 'imported' });
  run(db, "INSERT INTO sources (id, path, display_name, format, parser, parser_version, size, sha256, status, imported_at, time_zone, time_zone_origin) VALUES ('src-b', '/e/b.csv', 'b.csv', 'csv', 'p', '1', 1, 'b', 'importing', '2024-01-01', 'UTC', 'flag')");
  insertChats(db, [{ id: 'c-src-a', sourceId: 'src-a', title: 'A', kind: 'private', participants: [] }, { id: 'c-src-b', sourceId: 'src-b', title: 'B', kind: 'private', participants: [] }]);
  insertMessages(db, encodeMessageBatch(rows('src-a', 30, 0)));
  insertMessages(db, encodeMessageBatch(rows('src-b', 20, 0)));
  insertMessages(db, encodeMessageBatch(rows('src-a', 12, 30)));
  insertMessages(db, encodeMessageBatch(rows('src-b', 5, 20)));
  return db;
}

const countsBySource = (db: Awaited<ReturnType<typeof memoryCaseWithSource>>): unknown[] => selectAll(db, 'SELECT source_id, count(*) AS n FROM messages GROUP BY source_id ORDER BY source_id');

describe('dropping a source (cancelled, failed, interrupted)', () => {
  it('records where each import began, and drops only the rows from there that are the source\'s own', async () => {
    const db = await twoSourcesInterleaved();
    expect(selectAll(db, 'SELECT id, first_rowid FROM sources ORDER BY id')).toEqual([{ id: 'src-a', first_rowid: 1 }, { id: 'src-b', first_rowid: 31 }]);
    run(db, "INSERT INTO tags (message_rowid, message_id, chat_id, marker, score, rule, rules, spans, lang, pack_version, tagger, created_at) VALUES (35, 'm-src-b-4', 'c-src-b', 'debt', 1, 'r', '[]', '[]', 'und', '1', 't', '2024'), (51, 'm-src-a-30', 'c-src-a', 'debt', 1, 'r', '[]', '[]', 'und', '1', 't', '2024')");
    abandonSource(db, 'src-b', 'interrupted', 'the import was interrupted', '2024-01-02');
    expect(countsBySource(db)).toEqual([{ source_id: 'src-a', n: 42 }]);
    expect(selectAll(db, 'SELECT message_id FROM tags')).toEqual([{ message_id: 'm-src-a-30' }]);
    // A retry records where its own rows begin.
    expect(selectAll(db, "SELECT first_rowid FROM sources WHERE id = 'src-b'")).toEqual([{ first_rowid: null }]);
  });

  it('still drops every row of a source recorded before its first rowid was kept', async () => {
    const db = await twoSourcesInterleaved();
    run(db, "UPDATE sources SET first_rowid = NULL WHERE id = 'src-b'");
    abandonSource(db, 'src-b', 'failed', 'failed', '2024-01-02');
    expect(countsBySource(db)).toEqual([{ source_id: 'src-a', n: 42 }]);
  });

  it('reads only the rowids from the first one on, not every message of the case', async () => {
    const db = await twoSourcesInterleaved();
    const plan = selectAll(db, 'EXPLAIN QUERY PLAN DELETE FROM messages WHERE rowid >= ? AND source_id = ?', [31, 'src-b']).map((row) => String(row['detail']));
    expect(plan.join(' ')).toMatch(/SEARCH messages USING INTEGER PRIMARY KEY \(rowid>\?\)/u);
  });
});
