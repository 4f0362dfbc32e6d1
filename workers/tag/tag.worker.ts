import { parentPort } from 'node:worker_threads';
import type { TagWorkerApi } from '../../shared/contracts/tag-worker.ts';
import { BugError } from '../../shared/errors.ts';
import { extractIdentifiers } from '../../shared/identifiers/extract.ts';
import { createMarkerTagger, MARKER_TAGGER } from '../../shared/markers/index.ts';
import type { Handlers } from '../../shared/worker/serve.ts';
import { serve } from '../../shared/worker/serve.ts';

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
    return { results, tagger: { ...MARKER_TAGGER, packVersions: { ...tagger.packVersions } } };
  },
};

if (parentPort === null) throw new BugError('tag.worker must run in a worker thread');
serve<TagWorkerApi>(parentPort, handlers);
