// One engine of the search benchmark, in a process of its own so its peak RSS is its own.
import { queryMix } from './corpus.ts';
import { benchFts4, benchFts5, benchScan, benchThreadline } from './search-engines.ts';

const [engine, messagesArgument, queryCountArgument] = process.argv.slice(2);
const messages = Number(messagesArgument);
const queries = queryMix(Number(queryCountArgument ?? 300));
const report =
  engine === 'threadline' ? await benchThreadline(messages, queries)
  : engine === 'scan' ? await benchScan(messages, queries, 30)
  : engine === 'fts5' ? await benchFts5(messages, queries)
  : engine === 'fts4' ? await benchFts4(messages, queries)
  : null;
if (report === null) {
  process.stderr.write(`unknown engine ${engine ?? ''}\n`);
  process.exit(2);
}
process.stdout.write(`${JSON.stringify(report)}\n`);
process.exit(0);
