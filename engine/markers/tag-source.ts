import type { CaseSession } from '../case/case-session.ts';
import { refreshIndexMarkers } from './index-markers.ts';

const PAGE = 8000;
const BATCH = 2000;

/**
 * Tags every message of a source with the marker packs (and extracts identifiers) on the tag
 * worker pool; stores the tags, tells the index which markers each message carries, and records
 * the tagger and pack versions as provenance.
 */
export async function tagSource(session: CaseSession, sourceId: string, signal: AbortSignal, onProgress: (done: number) => void): Promise<number> {
  const pool = session.tagPool();
  let afterRowid = 0;
  let done = 0;
  let tagger: { tool: string; toolVersion: string; packVersions: Record<string, string> } | null = null;
  for (;;) {
    const page = await session.db.client.call('taggingPending', { sourceId, afterRowid, limit: PAGE });
    const last = page[page.length - 1];
    if (last === undefined) break;
    const batches: (typeof page)[] = [];
    for (let start = 0; start < page.length; start += BATCH) batches.push(page.slice(start, start + BATCH));
    const outcomes = await Promise.all(batches.map((items) => pool.call('tag', { items }, { signal })));
    for (const outcome of outcomes) {
      tagger = outcome.tagger;
      await session.db.client.call('storeTagResults', { results: outcome.results, tagger: `${outcome.tagger.tool} ${outcome.tagger.toolVersion}` });
      await refreshIndexMarkers(session, outcome.results.map((result) => result.rowid));
    }
    done += page.length;
    onProgress(done);
    afterRowid = last.rowid;
  }
  if (tagger !== null) {
    await session.db.client.call('addProvenance', { sourceId, stage: 'markers', tool: tagger.tool, toolVersion: tagger.toolVersion, parameters: { packVersions: tagger.packVersions } });
  }
  return done;
}
