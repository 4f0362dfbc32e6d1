import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { Engine } from '../../engine/engine.ts';
import { searchCase } from '../../engine/search/search-case.ts';
import { describePlace } from '../../shared/domain/locator.ts';
import { senderLabel } from '../../shared/domain/sender-label.ts';
import type { SearchResult } from '../../shared/domain/search.ts';
import type { SearchSort } from '../../shared/contracts/index-worker.ts';
import { csvRow, UTF8_BOM } from '../../shared/text/csv.ts';
import { AppError } from '../../shared/errors.ts';
import { actorName } from '../actor.ts';
import { EXIT_FAILED, EXIT_OK } from '../exit-codes.ts';

export interface SearchCommandOptions {
  queries?: string;
  limit: number;
  offset?: number;
  sort?: SearchSort;
  /** Writes every hit of every query to this CSV file (batch search results for a spreadsheet). */
  csv?: string;
  json?: boolean;
}

const CSV_HEADER = ['query', 'rank', 'message_id', 'timestamp_utc', 'sender', 'chat', 'source', 'lang', 'locator', 'text'];

export async function runSearch(caseDir: string, query: string | undefined, options: SearchCommandOptions): Promise<number> {
  const queries = options.queries === undefined ? [] : readQueries(options.queries);
  if (query !== undefined) queries.unshift(query);
  if (queries.length === 0) throw new AppError('E_USAGE', 'Give a query or --queries <file>');
  const engine = new Engine({ mode: 'cli', actor: actorName() });
  try {
    const session = await engine.openCase(caseDir, false);
    const csv = options.csv === undefined ? null : openSync(options.csv, 'w');
    let failed = 0;
    try {
      if (csv !== null) writeSync(csv, `${UTF8_BOM}${csvRow(CSV_HEADER)}`);
      for (const text of queries) {
        let result: SearchResult;
        try {
          result = await searchCase(session, text, options.limit, options.offset ?? 0, options.sort === undefined ? {} : { sort: options.sort });
        } catch (error) {
          // One bad line of a batch must not cost the other queries their answers.
          if (!(error instanceof AppError) || error.code !== 'E_QUERY_SYNTAX') throw error;
          failed++;
          process.stdout.write(options.json === true ? `${JSON.stringify({ query: text, error: error.message })}\n` : `${text}: ${error.message}\n`);
          process.stderr.write(`threadline: query "${text}": ${error.message}\n`);
          continue;
        }
        process.stdout.write(options.json === true ? `${JSON.stringify(toContractJson(result))}\n` : describe(result));
        if (csv !== null) {
          result.hits.forEach((hit, rank) => writeSync(csv, csvRow([text, rank + 1 + (options.offset ?? 0), hit.id, hit.timestamp, hit.sender, hit.chat, hit.source, hit.lang, describePlace(hit.locator), hit.text])));
        }
      }
    } finally {
      if (csv !== null) closeSync(csv);
    }
    return failed > 0 ? EXIT_FAILED : EXIT_OK;
  } finally {
    await engine.dispose();
  }
}

function readQueries(file: string): string[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new AppError('E_USAGE', `Cannot read --queries file ${file}: ${String(error)}`);
  }
  return text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '' && !line.startsWith('#'));
}

function toContractJson(result: SearchResult): unknown {
  return {
    query: result.query,
    total: result.total,
    tookMs: result.tookMs,
    hits: result.hits.map((hit) => ({
      id: hit.id, source: hit.source, chat: hit.chat, sender: hit.sender, direction: hit.direction, timestamp: hit.timestamp, text: hit.text,
      lang: hit.lang, markers: hit.markers, locator: hit.locator, highlights: hit.highlights, ...(hit.ocr === undefined ? {} : { ocr: hit.ocr }),
    })),
  };
}

function describe(result: SearchResult): string {
  const lines = [`${result.query}: ${result.total} hits (${result.tookMs} ms)`];
  for (const hit of result.hits) {
    const where = describePlace(hit.locator);
    lines.push(`  ${hit.timestamp ?? '(no time)'}  ${hit.chat}  ${senderLabel(hit, hit.source)}: ${hit.text.replace(/\s+/g, ' ').slice(0, 160)}  [${where}]`);
  }
  return `${lines.join('\n')}\n`;
}
