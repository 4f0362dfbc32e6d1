import { readFileSync } from 'node:fs';

/** Peak resident set size of this process so far (Linux VmHWM), in MB; falls back to current RSS. */
export function peakRssMb(): number {
  try {
    const match = /VmHWM:\s+(\d+) kB/u.exec(readFileSync('/proc/self/status', 'utf8'));
    if (match?.[1] !== undefined) return Math.round(Number(match[1]) / 1024);
  } catch {
    /* not Linux */
  }
  return Math.round(process.memoryUsage().rss / 1024 / 1024);
}

export function percentiles(samples: number[]): { p50: number; p95: number; p99: number; mean: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (fraction: number): number => sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? Number.NaN;
  const round = (value: number): number => Math.round(value * 1000) / 1000;
  return { p50: round(at(0.5)), p95: round(at(0.95)), p99: round(at(0.99)), mean: round(sorted.reduce((sum, value) => sum + value, 0) / Math.max(1, sorted.length)) };
}

export async function timed<T>(work: () => Promise<T> | T): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}
