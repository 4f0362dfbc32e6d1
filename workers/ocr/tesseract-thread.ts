import { pathToFileURL } from 'node:url';

/** Status names of the messages our wrapper injects into tesseract.js's progress stream. */
export const THREAD_LOG = 'threadline-log';
export const THREAD_FATAL = 'threadline-fatal';

/**
 * The script of the thread tesseract.js spawns (its `workerPath`): a small ES module that
 * prepares the thread and then imports tesseract.js's own Node worker script from node_modules.
 *
 * - The WebAssembly core prints diagnostics ("Error opening data file ...", "Estimating
 *   resolution ...") with console.log, and a worker's console goes to the process's stdout, where
 *   it would corrupt `threadline ocr --json`. The wrapper forwards them as progress messages,
 *   which tesseract.js hands to our `logger`, so they end up in error messages instead.
 * - fetch is replaced by a refusal before tesseract.js captures it, so a misconfigured path can
 *   never turn into a download.
 * - A crash in the thread is reported the same way, so a load can fail fast instead of timing out.
 * - tesseract.js hands out the thread's Worker object only after a successful load; the
 *   BroadcastChannel lets us stop the thread of a load that failed or hung.
 *
 * It is passed as a data: URL so it needs no file of its own next to the bundled worker.
 */
export function tesseractThreadUrl(workerScript: string, stopChannel: string): URL {
  const source = `
import { BroadcastChannel, parentPort } from 'node:worker_threads';
const post = (status, level, message) => parentPort.postMessage({ status: 'progress', data: { status, level, message } });
const forward = (level) => (...args) => post(${JSON.stringify(THREAD_LOG)}, level, args.map(String).join(' '));
console.log = forward('info'); console.info = forward('info'); console.debug = forward('debug');
console.warn = forward('warn'); console.error = forward('error');
globalThis.fetch = () => Promise.reject(new Error('Threadline OCR never downloads: network access is disabled in this thread'));
const fatal = (error) => { post(${JSON.stringify(THREAD_FATAL)}, 'error', String(error && error.stack || error)); setTimeout(() => process.exit(1), 50); };
process.on('uncaughtException', fatal);
process.on('unhandledRejection', fatal);
const stop = new BroadcastChannel(${JSON.stringify(stopChannel)});
stop.unref();
stop.onmessage = () => process.exit(0);
await import(${JSON.stringify(pathToFileURL(workerScript).href)});
`;
  return new URL(`data:text/javascript,${encodeURIComponent(source)}`);
}
