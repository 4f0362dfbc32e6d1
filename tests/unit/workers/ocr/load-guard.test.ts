import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';

const BOOTSTRAP = new URL('../../../../workers/runtime/tsx-bootstrap.mjs', import.meta.url);
const PROBE = new URL('../../../support/load-guard-probe.ts', import.meta.url);

describe('the model-load guard', () => {
  it('turns an uncaught exception during a load into a failed load, and swallows tesseract.js follow-ups', async () => {
    const worker = new Worker(BOOTSTRAP, { workerData: { entry: PROBE.href } });
    const messages: unknown[] = [];
    const exit = new Promise<number>((resolve) => worker.on('exit', resolve));
    let errored: unknown = null;
    worker.on('error', (error) => {
      errored = error;
    });
    await new Promise<void>((resolve) => {
      worker.on('message', (message: { step: string }) => {
        messages.push(message);
        if (message.step === 'alive') resolve();
      });
      void exit.then(() => resolve());
    });
    await worker.terminate();
    expect(errored).toBeNull();
    expect(messages).toEqual([{ step: 'load', outcome: 'rejected: thrown by a message listener during the load' }, { step: 'alive' }]);
  });
});
