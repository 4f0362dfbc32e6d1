import { Worker } from 'node:worker_threads';

/**
 * One digest computed on a thread of its own, from the chunks the caller reads: a large source
 * is hashed by two cores instead of one (MD5 alone takes as long as SHA-256 and SHA-1 together
 * on a CPU with SHA instructions), and every digest is still of the very bytes the caller read
 * (the thread never opens the file, so a file changing under the import cannot give digests of
 * different contents).
 *
 * The thread's code is a few lines of plain JavaScript evaluated in place: it needs nothing but
 * node:crypto, and a worker module of its own would cost the TypeScript loader's start-up (a
 * large part of hashing a file of a few tens of megabytes) on every import.
 */
const THREAD_CODE = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const hash = createHash(workerData.algorithm);
parentPort.on('message', (message) => {
  if (message === 'digest') {
    parentPort.postMessage({ digest: hash.digest('hex') });
    return;
  }
  hash.update(message);
  parentPort.postMessage({ hashed: message.byteLength });
});
`;

/** Chunks handed over and not yet hashed before update waits: bounds the memory queued for a slower thread. */
const MAX_QUEUED_CHUNKS = 8;

type ThreadReply = { hashed: number } | { digest: string };

export class DigestThread {
  private readonly worker: Worker;
  private queued = 0;
  private roomWaiter: (() => void) | null = null;
  private digestWaiter: ((digest: string) => void) | null = null;
  private failure: Error | null = null;
  private failureWaiters: ((error: Error) => void)[] = [];

  constructor(algorithm: 'md5' | 'sha1' | 'sha256') {
    this.worker = new Worker(THREAD_CODE, { eval: true, workerData: { algorithm } });
    this.worker.on('message', (reply: ThreadReply) => this.received(reply));
    this.worker.on('error', (error) => this.failed(error));
    this.worker.on('exit', (code) => this.failed(new Error(`the ${algorithm} thread stopped (exit code ${code})`)));
  }

  /** Hands a copy of the chunk to the thread; resolves once the thread has room for another. */
  async update(chunk: Uint8Array): Promise<void> {
    this.throwIfFailed();
    const copy = new Uint8Array(chunk);
    this.worker.postMessage(copy, [copy.buffer]);
    this.queued += 1;
    if (this.queued < MAX_QUEUED_CHUNKS) return;
    await this.whileRunning(new Promise<void>((resolve) => (this.roomWaiter = resolve)));
  }

  /** The digest of every chunk handed over, in hex; the thread ends with it. */
  async digest(): Promise<string> {
    this.throwIfFailed();
    const digest = new Promise<string>((resolve) => (this.digestWaiter = resolve));
    this.worker.postMessage('digest');
    try {
      return await this.whileRunning(digest);
    } finally {
      await this.close();
    }
  }

  /** Ends the thread (after a digest, or when the caller gives up: cancelled, unreadable file). */
  async close(): Promise<void> {
    this.failure ??= new Error('the digest thread was closed');
    await this.worker.terminate();
  }

  private received(reply: ThreadReply): void {
    if ('digest' in reply) {
      this.digestWaiter?.(reply.digest);
      return;
    }
    this.queued -= 1;
    const waiter = this.roomWaiter;
    this.roomWaiter = null;
    waiter?.();
  }

  private failed(error: Error): void {
    if (this.failure !== null) return;
    this.failure = error;
    for (const waiter of this.failureWaiters.splice(0)) waiter(error);
  }

  private throwIfFailed(): void {
    if (this.failure !== null) throw this.failure;
  }

  /** The promise's value, or the thread's failure if it fails first (a thread that dies must not leave the import waiting). */
  private whileRunning<T>(promise: Promise<T>): Promise<T> {
    return Promise.race([promise, new Promise<never>((_resolve, reject) => this.failureWaiters.push(reject))]);
  }
}
