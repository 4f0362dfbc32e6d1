import { parentPort } from 'node:worker_threads';
import type { OcrResult, OcrWorkerApi } from '../../shared/contracts/ocr-worker.ts';
import { BugError } from '../../shared/errors.ts';
import type { Handlers } from '../../shared/worker/serve.ts';
import { serve } from '../../shared/worker/serve.ts';
import { recognizeImage } from './recognize-image.ts';

/**
 * Calls run one after another: the Tesseract thread recognises one image at a time anyway, and
 * queuing here keeps at most one decoded image in memory and lets a cancel stop only its own call.
 */
let queue: Promise<unknown> = Promise.resolve();

const handlers: Handlers<OcrWorkerApi> = {
  recognize(request, context) {
    const run = queue.then(() => {
      context.throwIfCancelled();
      return recognizeImage(request, context);
    });
    queue = run.catch(() => {});
    return run satisfies Promise<OcrResult>;
  },
};

if (parentPort === null) throw new BugError('ocr.worker must run in a worker thread');
serve<OcrWorkerApi>(parentPort, handlers);
