import { describe, expect, it } from 'vitest';
import type { NewMessage } from '../../../../shared/contracts/db-worker.ts';
import { encodeMessageBatch } from '../../../../workers/import/message-batch.ts';
import { countMessages, insertChats, insertMessages } from '../../../../workers/db/repos/messages.ts';
import { completeSource } from '../../../../workers/db/repos/sources.ts';
import { run, selectAll, selectOne } from '../../../../workers/db/repos/rows.ts';
import { memoryCaseWithSource } from '../../../support/memory-case-db.ts';

function rows(sourceId: string, count: number, from: number): NewMessage[] {
  return Array.from({ length: count }, (_value, offset) => {
    const index = from + offset;
    return {
      id: `m-${sourceId}-${index}`, sourceId, chatId: `c-${sourceId}`, seq: offset, sourcePosition: offset, kind: index % 5 === 0 ? 'unparsed' : 'message',
      sender: 'Ana', senderId: null, direction: null, timestamp: null, timestampText: '', text: `t${index}`, lang: 'und', langConfidence: 0,
      attachments: [], deleted: false, edited: false, locator: { kind: 'csv-row', file: 'x.csv', row: index, line: index }, extra: null,
    };
  });
}

const FINISH = { status: 'imported' as const, sha256After: null, hashVerified: null, parser: { name: 'p', version: '1', formatVersion: null }, details: {}, finishedAt: '2024-01-02' };

describe('counting a source as its batches are stored (no index on messages.source_id)', () => {
  it('counts the rows and unparsed rows of each source onto its own row, batches of sources interleaved', async () => {
    const db = await memoryCaseWithSource({ id: 'src-a', path: '/e/a.csv', format: 'csv', sha256: 'a', status: 'importing' });
    run(db, "INSERT INTO sources (id, path, display_name, format, parser, parser_version, size, sha256, status, imported_at, time_zone, time_zone_origin) VALUES ('src-b', '/e/b.csv', 'b.csv', 'csv', 'p', '1', 1, 'b', 'importing', '2024-01-01', 'UTC', 'flag')");
    insertChats(db, [{ id: 'c-src-a', sourceId: 'src-a', title: 'A', kind: 'private', participants: [] }, { id: 'c-src-b', sourceId: 'src-b', title: 'B', kind: 'private', participants: [] }]);
    // Interleaved on purpose: a source's rows need not form one run.
    const a1 = insertMessages(db, encodeMessageBatch(rows('src-a', 30, 0)));
    insertMessages(db, encodeMessageBatch(rows('src-b', 20, 100)));
    insertMessages(db, encodeMessageBatch(rows('src-a', 12, 30)));
    // The figures grow while the import runs, before the source is finished.
    expect(selectOne(db, "SELECT message_count, unparsed_count, first_rowid FROM sources WHERE id = 'src-a'")).toEqual({ message_count: 42, unparsed_count: 9, first_rowid: a1[0] });
    completeSource(db, { ...FINISH, id: 'src-a' });
    completeSource(db, { ...FINISH, id: 'src-b' });
    const counts = selectAll(db, 'SELECT id, message_count, unparsed_count FROM sources ORDER BY id');
    expect(counts).toEqual([
      { id: 'src-a', message_count: 42, unparsed_count: 9 },
      { id: 'src-b', message_count: 20, unparsed_count: 4 },
    ]);
    // The same figures as counting every row again.
    expect(selectAll(db, "SELECT source_id AS id, count(*) AS message_count, sum(kind = 'unparsed') AS unparsed_count FROM messages GROUP BY source_id ORDER BY source_id")).toEqual(counts);
    // The case's figures as the import summary gives them: 62 records, 13 of them kept unparsed (regression: the header said 62 messages).
    expect(countMessages(db)).toEqual({ messages: 49, unparsed: 13 });
    expect(selectOne(db, "SELECT count(*) AS n FROM sqlite_schema WHERE name = 'messages_source'")?.['n']).toBe(0);
  });

  it('counts nothing of a batch that was refused', async () => {
    const db = await memoryCaseWithSource({ id: 'src-a', path: '/e/a.csv', format: 'csv', sha256: 'a', status: 'importing' });
    insertChats(db, [{ id: 'c-src-a', sourceId: 'src-a', title: 'A', kind: 'private', participants: [] }]);
    insertMessages(db, encodeMessageBatch(rows('src-a', 10, 0)));
    const refused = rows('src-a', 10, 10).map((row, index) => (index === 9 ? { ...row, kind: 'bogus' as NewMessage['kind'] } : row));
    expect(() => insertMessages(db, encodeMessageBatch(refused))).toThrow(/a (kind|direction) the case does not know/u);
    expect(selectOne(db, "SELECT message_count, unparsed_count FROM sources WHERE id = 'src-a'")).toEqual({ message_count: 10, unparsed_count: 2 });
  });

  it('refuses a batch whose rows name more than one source', async () => {
    const db = await memoryCaseWithSource({ id: 'src-a', path: '/e/a.csv', format: 'csv', sha256: 'a', status: 'importing' });
    run(db, "INSERT INTO sources (id, path, display_name, format, parser, parser_version, size, sha256, status, imported_at, time_zone, time_zone_origin) VALUES ('src-b', '/e/b.csv', 'b.csv', 'csv', 'p', '1', 1, 'b', 'importing', '2024-01-01', 'UTC', 'flag')");
    insertChats(db, [{ id: 'c-src-a', sourceId: 'src-a', title: 'A', kind: 'private', participants: [] }]);
    const mixed = [...rows('src-a', 2, 0), { ...rows('src-b', 1, 50)[0] as NewMessage, chatId: 'c-src-a' }];
    expect(() => insertMessages(db, encodeMessageBatch(mixed))).toThrow(/must be of one source/u);
  });
});
