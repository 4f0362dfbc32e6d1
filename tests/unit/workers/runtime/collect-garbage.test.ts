import { describe, expect, it } from 'vitest';
import { collectGarbage } from '../../../../workers/runtime/collect-garbage.ts';

describe('collectGarbage', () => {
  it('frees the memory of a byte array nothing refers to any more (what sql.js leaves behind as its file grows)', () => {
    const before = process.memoryUsage().arrayBuffers;
    let stale: Uint8Array | null = new Uint8Array(256 * 1024 * 1024).fill(1);
    expect(process.memoryUsage().arrayBuffers - before).toBeGreaterThan(200 * 1024 * 1024);
    stale = null;
    collectGarbage();
    expect(stale).toBeNull();
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(64 * 1024 * 1024);
  });
});
