// Runs inside a worker thread started by tests/unit/workers/ocr/load-guard.test.ts, so that the
// uncaught exceptions it provokes hit this thread's process handlers and not the test runner's.
import { parentPort } from 'node:worker_threads';
import { guardModelLoad } from '../../workers/ocr/load-guard.ts';

const report = (message: unknown): void => parentPort?.postMessage(message);

// 1. An exception that escapes while a model loads fails that load.
let failLoad: (error: unknown) => void = () => {};
const outcome = await guardModelLoad((error) => failLoad(error), () => new Promise<string>((_resolve, reject) => {
  failLoad = reject;
  setTimeout(() => {
    throw new Error('thrown by a message listener during the load');
  }, 5);
})).then(() => 'resolved', (error: unknown) => `rejected: ${error instanceof Error ? error.message : String(error)}`);
report({ step: 'load', outcome });

// 2. The follow-up tesseract.js throws right after a failed load is swallowed.
const stray = new TypeError("Cannot read properties of undefined (reading 'resolve')");
stray.stack = `${stray.message}\n    at Worker.<anonymous> (/app/node_modules/tesseract.js/src/createWorker.js:208:27)`;
setTimeout(() => {
  throw stray;
}, 5);
setTimeout(() => report({ step: 'alive' }), 100);
