/**
 * `threadline bench [import|search|ocr|hash] [--messages N] [--runs R] [--json]` (../shared/CLI.md): the
 * benchmarks of `npm run bench`, run from the command line. They live in scripts/bench/ (they
 * generate corpora and compare against baselines such as sha256sum), so the command runs that
 * script as a child process rather than loading benchmark code into the CLI.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { EXIT_FAILED } from '../exit-codes.ts';

export const BENCH_SUITES = ['import', 'search', 'ocr', 'hash'] as const;
export type BenchSuite = (typeof BENCH_SUITES)[number];

export interface BenchCommandOptions {
  messages?: number;
  /** Runs of each format (import); the target is checked on the median. */
  runs?: number;
  json?: boolean;
}

const BENCH_SCRIPT = fileURLToPath(new URL('../../scripts/bench/main.ts', import.meta.url));

/** The arguments scripts/bench/main.ts takes for this suite and these flags. */
export function benchScriptArguments(suite: BenchSuite, options: BenchCommandOptions): string[] {
  return [
    suite,
    ...(options.messages === undefined ? [] : ['--messages', String(options.messages)]),
    ...(options.runs === undefined ? [] : ['--runs', String(options.runs)]),
    ...(options.json === true ? ['--json'] : []),
  ];
}

export async function runBench(suite: BenchSuite, options: BenchCommandOptions): Promise<number> {
  // The script is TypeScript: run it through the same tsx that runs the CLI from source.
  const tsx = fileURLToPath(import.meta.resolve('tsx/cli'));
  const child = spawn(process.execPath, [tsx, BENCH_SCRIPT, ...benchScriptArguments(suite, options)], { stdio: 'inherit' });
  const [code] = (await once(child, 'exit')) as [number | null];
  // A script killed by a signal has no exit code: the benchmark did not finish.
  return code ?? EXIT_FAILED;
}
