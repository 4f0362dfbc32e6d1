import { parentPort } from 'node:worker_threads';
import type { LanguageWorkerApi } from '../../shared/contracts/language-worker.ts';
import { BugError } from '../../shared/errors.ts';
import type { Handlers } from '../../shared/worker/serve.ts';
import { serve } from '../../shared/worker/serve.ts';
import { detectLanguage, LANGUAGE_TOOL } from './detect-language.ts';

const handlers: Handlers<LanguageWorkerApi> = {
  async detect({ items }, context) {
    const results = items.map((item, position) => {
      if (position % 500 === 0) context.throwIfCancelled();
      return { rowid: item.rowid, ...detectLanguage(item.text) };
    });
    return { results, tool: { tool: LANGUAGE_TOOL.tool, toolVersion: LANGUAGE_TOOL.toolVersion, parameters: { ...LANGUAGE_TOOL.parameters } } };
  },
};

if (parentPort === null) throw new BugError('language.worker must run in a worker thread');
serve<LanguageWorkerApi>(parentPort, handlers);
