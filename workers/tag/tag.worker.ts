import { parentPort } from 'node:worker_threads';
import type { TagWorkerApi } from '../../shared/contracts/tag-worker.ts';
import { BugError } from '../../shared/errors.ts';
import { extractIdentifiers } from '../../shared/identifiers/extract.ts';
import { createMarkerTagger } from '../../shared/markers/index.ts';
import type { Handlers } from '../../shared/worker/serve.ts';
import { serve } from '../../shared/worker/serve.ts';

/** Bump when tagging output changes for reasons other than the packs (their versions are recorded too). */
export const TAGGER = { tool: 'threadline-markers', toolVersion: '1.0.0' } as const;
const CANCEL_CHECK_EVERY = 1000;

const tagger = createMarkerTagger();

const handlers: Handlers<TagWorkerApi> = {
  async tag({ items }, context) {
    const results = items.map((item, position) => {
      if (position % CANCEL_CHECK_EVERY === 0) context.throwIfCancelled();
      return {
        rowid: item.rowid,
        tags: tagger.tag(item.text, item.lang === 'und' ? undefined : item.lang).map((tag) => ({
          marker: tag.marker,
          score: tag.score,
          spans: tag.spans,
          rule: tag.rule,
          rules: tag.rules,
          lang: tag.lang,
          packVersion: tag.packVersion,
        })),
        identifiers: extractIdentifiers(item.text),
      };
    });
    return { results, tagger: { ...TAGGER, packVersions: { ...tagger.packVersions } } };
  },
};

if (parentPort === null) throw new BugError('tag.worker must run in a worker thread');
serve<TagWorkerApi>(parentPort, handlers);
