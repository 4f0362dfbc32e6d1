import type { CaseSession } from '../case/case-session.ts';

const PAGE = 4000;
const BATCH = 1000;

/**
 * Detects the language of every message of a source on the language worker pool, a page at a
 * time, and records the tool and parameters once per source as provenance.
 */
export async function detectSourceLanguages(session: CaseSession, sourceId: string, signal: AbortSignal, onProgress: (done: number) => void): Promise<number> {
  const pool = session.languagePool();
  let afterRowid = 0;
  let done = 0;
  let tool: Awaited<ReturnType<typeof pool.call<'detect'>>>['tool'] | null = null;
  for (;;) {
    const page = await session.db.client.call('languagePending', { sourceId, afterRowid, limit: PAGE });
    const last = page[page.length - 1];
    if (last === undefined) break;
    const batches: (typeof page)[] = [];
    for (let start = 0; start < page.length; start += BATCH) batches.push(page.slice(start, start + BATCH));
    const outcomes = await Promise.all(batches.map((items) => pool.call('detect', { items }, { signal })));
    for (const outcome of outcomes) {
      await session.db.client.call('setLanguages', { results: outcome.results });
      await session.index.update(outcome.results.map((result) => ({ rowid: result.rowid, lang: result.lang })));
      tool = outcome.tool;
    }
    done += page.length;
    onProgress(done);
    afterRowid = last.rowid;
  }
  if (tool !== null) await session.db.client.call('addProvenance', { sourceId, stage: 'language', tool: tool.tool, toolVersion: tool.toolVersion, parameters: tool.parameters });
  return done;
}

