import { parentPort } from 'node:worker_threads';
import type { LanguageWorkerApi } from '../../shared/contracts/language-worker.ts';
import { BugError } from '../../shared/errors.ts';
import type { LanguageClassifier } from '../../shared/language/classifier.ts';
import { languageToolProvenance } from '../../shared/language/provenance.ts';
import type { Handlers } from '../../shared/worker/serve.ts';
import { serve } from '../../shared/worker/serve.ts';
import { detectItems } from './detect-language.ts';
import { loadFastTextClassifier } from './fasttext-classifier.ts';

// Loaded once per worker, on the first batch (≈100 ms). If the model cannot be loaded the
// worker still answers with the pure detector, and the provenance says no classifier was used.
let classifier: Promise<LanguageClassifier | undefined> | undefined;

function loadClassifier(): Promise<LanguageClassifier | undefined> {
  classifier ??= loadFastTextClassifier().catch((error: unknown) => {
    process.emitWarning(`language worker: fastText not loaded, detecting without it: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  });
  return classifier;
}

const handlers: Handlers<LanguageWorkerApi> = {
  async detect({ items, caseLanguages }, context) {
    const loaded = await loadClassifier();
    const results = detectItems(items, caseLanguages, () => context.throwIfCancelled(), loaded);
    return { results, tool: languageToolProvenance(caseLanguages, loaded) };
  },
};

if (parentPort === null) throw new BugError('language.worker must run in a worker thread');
serve<LanguageWorkerApi>(parentPort, handlers);
