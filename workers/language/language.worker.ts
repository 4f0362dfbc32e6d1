import { parentPort } from 'node:worker_threads';
import type { LanguageWorkerApi } from '../../shared/contracts/language-worker.ts';
import { BugError } from '../../shared/errors.ts';
import { languageToolProvenance } from '../../shared/language/provenance.ts';
import type { Handlers } from '../../shared/worker/serve.ts';
import { serve } from '../../shared/worker/serve.ts';
import { detectItems } from './detect-language.ts';

const handlers: Handlers<LanguageWorkerApi> = {
  async detect({ items, caseLanguages }, context) {
    const results = detectItems(items, caseLanguages, () => context.throwIfCancelled());
    return { results, tool: languageToolProvenance(caseLanguages) };
  },
};

if (parentPort === null) throw new BugError('language.worker must run in a worker thread');
serve<LanguageWorkerApi>(parentPort, handlers);
