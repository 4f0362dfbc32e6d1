// Runs a TypeScript worker entry from source: registers tsx's loader in this worker thread (Node's
// module hooks are per thread) and then imports the entry named in workerData. Built bundles
// (Electron packages) load their compiled .js workers directly and never use this file.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
