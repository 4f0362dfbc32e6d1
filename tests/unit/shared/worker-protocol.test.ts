import { MessageChannel } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors.ts';
import { createWorkerClient } from '../../../shared/worker/client.ts';
import type { CallContext } from '../../../shared/worker/serve.ts';
import { serve } from '../../../shared/worker/serve.ts';

interface TestApi {
  add: { params: { a: number; b: number }; result: number };
  fail: { params: { code: 'E_IMPORT_FORMAT' }; result: never };
  slow: { params: { steps: number }; result: number };
}

const channels: MessageChannel[] = [];
afterEach(() => {
  for (const channel of channels.splice(0)) {
    channel.port1.close();
    channel.port2.close();
  }
});

function connect() {
  const channel = new MessageChannel();
  channels.push(channel);
  serve<TestApi>(channel.port2, {
    add: async ({ a, b }) => a + b,
    fail: async ({ code }) => {
      throw new AppError(code, 'bad file.txt:3');
    },
    slow: async ({ steps }, context: CallContext) => {
      for (let step = 1; step <= steps; step++) {
        await new Promise((resolve) => setTimeout(resolve, 5));
        context.throwIfCancelled();
        context.progress({ stage: 'working', done: step, total: steps });
      }
      return steps;
    },
  });
  return createWorkerClient<TestApi>(channel.port1, { name: 'test' });
}

describe('worker protocol', () => {
  it('returns results for concurrent calls by sequence id', async () => {
    const client = connect();
    const results = await Promise.all([client.call('add', { a: 1, b: 2 }), client.call('add', { a: 10, b: 20 })]);
    expect(results).toEqual([3, 30]);
  });

  it('carries the error code and message across the boundary', async () => {
    const client = connect();
    await expect(client.call('fail', { code: 'E_IMPORT_FORMAT' })).rejects.toMatchObject({ code: 'E_IMPORT_FORMAT', message: 'bad file.txt:3' });
  });

  it('reports progress and ends with the final step', async () => {
    const client = connect();
    const seen: number[] = [];
    await client.call('slow', { steps: 3 }, { onProgress: (progress) => seen.push(progress.done) });
    expect(seen.at(-1)).toBe(3);
  });

  it('cancels a running call with E_CANCELLED', async () => {
    const client = connect();
    const controller = new AbortController();
    const call = client.call('slow', { steps: 200 }, { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await expect(call).rejects.toMatchObject({ code: 'E_CANCELLED' });
  });

  it('rejects pending and later calls when the worker dies', async () => {
    const client = connect();
    const call = client.call('slow', { steps: 100 });
    client.failAll(new AppError('E_WORKER_DIED', 'gone', { expected: false }));
    await expect(call).rejects.toMatchObject({ code: 'E_WORKER_DIED' });
    await expect(client.call('add', { a: 1, b: 1 })).rejects.toMatchObject({ code: 'E_WORKER_DIED' });
  });
});
