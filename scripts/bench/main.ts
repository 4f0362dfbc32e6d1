// `npm run bench -- <suite> [--messages N] [--large] [--queries N] [--json]`
// Every figure is measured in the run that prints it, against baselines measured in the same run.
import { benchSearch } from './search-bench.ts';

const args = process.argv.slice(2);
const suite = args.find((arg) => !arg.startsWith('--')) ?? 'search';
const option = (name: string): string | undefined => {
  const index = args.indexOf(`--${name}`);
  return index === -1 ? undefined : args[index + 1];
};
const json = args.includes('--json');

async function main(): Promise<number> {
  switch (suite) {
    case 'search': {
      const messages = option('messages');
      const sizes = messages !== undefined ? [Number(messages)] : args.includes('--large') ? [100_000, 1_000_000, 10_000_000] : [100_000, 1_000_000];
      const engines = (option('engines') ?? 'threadline,fts5,fts4,scan').split(',');
      const met = await benchSearch({ sizes, queries: Number(option('queries') ?? 300), json, engines });
      return met ? 0 : 1;
    }
    default:
      process.stderr.write(`unknown benchmark suite "${suite}" (available: search)\n`);
      return 2;
  }
}

process.exitCode = await main();
