// `npm run bench -- <suite> [--messages N] [--runs R] [--large] [--queries N] [--engine] [--json]`
// Every figure is measured in the run that prints it, against baselines measured in the same run.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { benchImport } from './import-bench.ts';
import { benchSearch } from './search-bench.ts';

/** Suites that live in scripts of their own; they get the remaining arguments. */
const SCRIPT_SUITES: Record<string, string> = {
  hash: '../bench-hash.ts',
  ocr: '../bench-ocr.ts',
  markers: '../eval-markers.ts',
};

function runScript(script: string, rest: string[]): number {
  const tsx = fileURLToPath(new URL('../../node_modules/tsx/dist/cli.mjs', import.meta.url));
  const result = spawnSync(process.execPath, [tsx, fileURLToPath(new URL(script, import.meta.url)), ...rest], { stdio: 'inherit' });
  return result.status ?? 1;
}

const args = process.argv.slice(2);
const suite = args.find((arg) => !arg.startsWith('--')) ?? 'search';
const option = (name: string): string | undefined => {
  const index = args.indexOf(`--${name}`);
  return index === -1 ? undefined : args[index + 1];
};
const json = args.includes('--json');

function positiveInteger(text: string, name: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 1) throw new Error(`--${name} must be a whole number of at least 1, not "${text}"`);
  return value;
}

async function main(): Promise<number> {
  switch (suite) {
    case 'search': {
      const messages = option('messages');
      const sizes = messages !== undefined ? [Number(messages)] : args.includes('--large') ? [100_000, 1_000_000, 10_000_000] : [100_000, 1_000_000];
      const engines = (option('engines') ?? 'threadline,fts5,fts4,scan').split(',');
      const met = await benchSearch({ sizes, queries: Number(option('queries') ?? 300), json, engines });
      return met ? 0 : 1;
    }
    case 'import': {
      const met = await benchImport({ messages: Number(option('messages') ?? 1_000_000), runs: positiveInteger(option('runs') ?? '3', 'runs'), engine: args.includes('--engine'), json });
      return met ? 0 : 1;
    }
    default: {
      const script = SCRIPT_SUITES[suite];
      if (script !== undefined) return runScript(script, args.filter((arg) => arg !== suite));
      process.stderr.write(`unknown benchmark suite "${suite}" (available: search, import, ${Object.keys(SCRIPT_SUITES).join(', ')})\n`);
      return 2;
    }
  }
}

process.exitCode = await main();
