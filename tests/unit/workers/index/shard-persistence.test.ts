import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../../../shared/search/query.ts';
import { ShardIndex } from '../../../../workers/index/shard-index.ts';
import { loadShard, saveShard } from '../../../../workers/index/shard-persistence.ts';

function shardOf(count: number): ShardIndex {
  const shard = new ShardIndex();
  shard.add(
    Array.from({ length: count }, (_unused, index) => ({
      rowid: index + 1,
      text: `mesaj ${index % 7 === 0 ? 'pașaport' : 'bani'} "citat" \\ ${index}`,
      time: Date.UTC(2024, 0, 1) + index * 60_000,
      chatId: `c-${index % 3}`,
      sender: index % 2 === 0 ? 'Ana' : 'Mihai',
      sourceId: 'src-1',
      lang: 'ron',
      flags: 0,
    })),
  );
  return shard;
}

describe('shard persistence', () => {
  it.each([0, 1, 20_000, 20_001, 41_000])('saves and loads %i documents with the same texts and answers', async (count) => {
    const folder = mkdtempSync(join(tmpdir(), 'threadline-shard-'));
    try {
      const shard = shardOf(count);
      await saveShard(shard, folder);
      expect(JSON.parse(readFileSync(join(folder, 'texts.json'), 'utf8'))).toEqual(shard.texts);
      const loaded = loadShard(folder);
      expect(loaded.size).toBe(count);
      const request = { query: parseQuery('pasaport sender:ana'), chatIds: null, sourceIds: null, sort: 'newest' as const, limit: 5, facets: true };
      expect(loaded.query(request)).toEqual(shard.query(request));
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
