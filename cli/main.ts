import { Argument, Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { APP_VERSION } from '../engine/engine.ts';
import { AppError } from '../shared/errors.ts';
import { runImport } from './commands/import-command.ts';
import type { ImportCommandOptions } from './commands/import-command.ts';
import { BENCH_SUITES, runBench } from './commands/bench-command.ts';
import type { BenchCommandOptions, BenchSuite } from './commands/bench-command.ts';
import { runExport } from './commands/export-command.ts';
import type { ExportCommandOptions } from './commands/export-command.ts';
import { runLang } from './commands/lang-command.ts';
import { runOcr } from './commands/ocr-command.ts';
import { runReview } from './commands/review-command.ts';
import { runRetagCase } from './commands/retag-command.ts';
import { runTag } from './commands/tag-command.ts';
import type { ReviewCommandOptions } from './commands/review-command.ts';
import { runSearch } from './commands/search-command.ts';
import { runVerify } from './commands/verify-command.ts';
import type { SearchCommandOptions } from './commands/search-command.ts';
import { runServe } from './commands/serve-command.ts';
import { EXIT_FAILED, EXIT_USAGE } from './exit-codes.ts';

function positiveInteger(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) throw new InvalidArgumentError('expected a whole number');
  return parsed;
}

/**
 * CLI.md writes the input of lang and tag as `[--jsonl <file> | -]`: a bare `-` is standard
 * input, the same as `--jsonl -`. A file is named only with --jsonl.
 */
function jsonlInput(bare: string | undefined, jsonl: string | undefined): string | undefined {
  if (bare === undefined) return jsonl;
  if (bare !== '-') throw new AppError('E_USAGE', `Name an input file with --jsonl ${bare}; the only bare argument is - (standard input)`);
  if (jsonl !== undefined && jsonl !== '-') throw new AppError('E_USAGE', 'Give either --jsonl <file> or -, not both');
  return '-';
}

function buildProgram(): Command {
  const program = new Command('threadline')
    .description('Offline triage of seized chat and phone exports. See ../shared/CLI.md for the full contract.')
    .version(APP_VERSION, '-v, --version')
    .exitOverride()
    .showHelpAfterError();

  program
    .command('import')
    .description('Import files, folders or zips into a case (created if it does not exist)')
    .argument('<case-dir>', 'the case folder')
    .argument('[path...]', 'files, folders or zips to import; the format is detected from the content')
    .option('--retry-failed', 'import again every source of the case whose import failed or was interrupted (not those cancelled by the user)')
    .option('--check', 'only say what each file is (format detected from its content); import nothing')
    .option('--csv-map <json|file>', 'import CSV files with this column mapping, e.g. {"timestamp":"date","sender":"user","text":"message","chat":"channel"}')
    .option('--tz <zone>', 'IANA time zone of the device clock (e.g. Europe/Bucharest); default: the case setting')
    .option('--device <name>', 'the seized device (exhibit) these files come from, e.g. "Phone 1"; conversations merge across files only within one device')
    .addOption(new Option('--date-order <order>', 'override the inferred day/month order').choices(['dmy', 'mdy', 'ymd']))
    .option('--ocr-lang <langs>', 'OCR languages for the images, e.g. eng+ron+rus (default eng)')
    .option('--tessdata <dir>', 'folder of extra .traineddata files (also THREADLINE_TESSDATA)')
    .option('--no-ocr', 'do not read text in images after the import')
    .option('--json', 'print the import summary as JSON')
    .action(async (caseDir: string, paths: string[], options: ImportCommandOptions) => {
      if (paths.length === 0 && options.retryFailed !== true) throw new AppError('E_USAGE', 'Name at least one file or folder to import, or use --retry-failed');
      process.exitCode = await runImport(caseDir, paths, options);
    });

  program
    .command('search')
    .description('Search a case; one query, or one per line of --queries (batch)')
    .argument('<case-dir>', 'the case folder')
    .argument('[query]', 'words, "exact phrases", -excluded, prefix*')
    .option('--queries <file>', 'a file with one query per line')
    .option('--limit <n>', 'hits per query', positiveInteger, 50)
    .option('--offset <n>', 'skip this many hits (paging)', positiveInteger, 0)
    .addOption(new Option('--sort <order>', 'order of hits (default: relevance for words, newest for filters only)').choices(['relevance', 'newest', 'oldest']))
    .option('--csv <file>', 'also write every hit of every query to a CSV file')
    .option('--json', 'print one JSON object per query (JSON Lines)')
    .action(async (caseDir: string, query: string | undefined, options: SearchCommandOptions) => {
      process.exitCode = await runSearch(caseDir, query, options);
    });

  program
    .command('ocr')
    .description('Read the text in images, offline (tesseract.js); one JSON line per image with --json')
    .argument('<image...>', 'image files')
    .option('--lang <langs>', 'languages, e.g. eng+ron+rus (default eng)')
    .option('--tessdata <dir>', 'folder of extra .traineddata files (also THREADLINE_TESSDATA)')
    .option('--json', 'print JSON Lines: {"file","text","confidence","lang","tookMs"}')
    .action(async (images: string[], options: { lang?: string; tessdata?: string; json?: boolean }) => {
      process.exitCode = await runOcr(images, options);
    });

  program
    .command('tag')
    .description('Find indicators in text: JSON Lines in ({"id","text","lang"?}), JSON Lines out ({"id","markers":[{"id","score","spans","rule"}]}); with --case, look for indicators again in a whole case')
    .argument('[-]', 'read standard input (the same as --jsonl -)')
    .option('--jsonl <file>', 'input file, or - for standard input (the default)')
    .option('--case <case-dir>', 'tag every message of the case and the text read from its images again (decisions are kept), as the app\'s "Look for indicators again"')
    .option('--json', 'with --case: print {"case","messages","ocrMessages"}')
    .action(async (bare: string | undefined, options: { jsonl?: string; case?: string; json?: boolean }) => {
      if (options.case !== undefined) {
        if (bare !== undefined || options.jsonl !== undefined) throw new AppError('E_USAGE', 'Give either --case <case-dir> or JSON Lines to tag (--jsonl <file> or -), not both');
        process.exitCode = await runRetagCase(options.case, options.json === true ? { json: true } : {});
        return;
      }
      if (options.json === true) throw new AppError('E_USAGE', '--json goes with --case; tagging JSON Lines always prints JSON Lines');
      const jsonl = jsonlInput(bare, options.jsonl);
      process.exitCode = await runTag(jsonl === undefined ? {} : { jsonl });
    });

  program
    .command('lang')
    .description('Identify the language of each line: JSON Lines in ({"id","text","context"?}), JSON Lines out ({"id","lang","confidence"})')
    .argument('[-]', 'read standard input (the same as --jsonl -)')
    .option('--jsonl <file>', 'input file, or - for standard input (the default)')
    .option('--languages <codes>', 'the languages expected in the case, e.g. ron,eng,rus (narrows the candidates)')
    .action(async (bare: string | undefined, options: { jsonl?: string; languages?: string }) => {
      const jsonl = jsonlInput(bare, options.jsonl);
      process.exitCode = await runLang({ ...options, ...(jsonl === undefined ? {} : { jsonl }) });
    });

  program
    .command('review')
    .description("Record an analyst's decision on a message or one of its indicators (kept in the custody log)")
    .argument('<case-dir>', 'the case folder')
    .requiredOption('--message <id>', 'the message id (as search and export print it)')
    .addOption(new Option('--decision <decision>', 'what the analyst decided').choices(['confirm', 'dismiss', 'note', 'bookmark', 'unbookmark']).makeOptionMandatory())
    .option('--marker <id>', 'the indicator the decision is about (confirm and dismiss: when left out, the only indicator of the message)')
    .option('--note <text>', 'a note (with any decision; required for note)')
    .option('--by <name>', 'the analyst (default: THREADLINE_EXAMINER or the OS account)')
    .option('--json', 'print the recorded decision as JSON')
    .action(async (caseDir: string, options: ReviewCommandOptions) => {
      process.exitCode = await runReview(caseDir, options);
    });

  program
    .command('export')
    .description('Write a court evidence package (BagIt) of selected messages with context, report and custody log')
    .argument('<case-dir>', 'the case folder')
    .requiredOption('--out <bag-dir>', 'the package folder to create (must not exist or be empty)')
    .option('--select <what>', 'all | reviewed | confirmed | bookmarked | marker:<id> | query:<q> | ids:<file>', 'all')
    .option('--context <n>', 'messages either side of each selected one', positiveInteger, 3)
    .option('--include-originals', 'copy the seized source files into the package too')
    .option('--reference <text>', 'the case reference the court knows')
    .option('--exhibit <ref...>', 'exhibit references')
    .option('--organisation <name>', 'examining organisation (or THREADLINE_ORGANISATION)')
    .option('--sign-key <pem>', "the examiner's Ed25519 private key: signs the tag manifest")
    .option('--pseudonyms <file>', 'names/numbers to replace, one "original<TAB>pseudonym" a line')
    .option('--pseudonym-map <file>', 'where to write the pseudonym key (outside the package)')
    .option('--json', 'print the result as JSON')
    .action(async (caseDir: string, options: ExportCommandOptions) => {
      process.exitCode = await runExport(caseDir, options);
    });

  program
    .command('verify')
    .description('Check a package: completeness, every hash, Payload-Oxum, custody chain, signature')
    .argument('<bag-dir>', 'the package folder')
    .option('--json', 'print the result as one JSON document')
    .action(async (bagDir: string, options: { json?: boolean }) => {
      process.exitCode = await runVerify(bagDir, options);
    });

  program
    .command('serve')
    .description('Serve the user interface on 127.0.0.1 with a per-launch token')
    .argument('[case-dir]', 'a case to open (created if it does not exist)')
    .option('--port <n>', 'port (0 picks a free one)', positiveInteger, 0)
    .option('--rebuild', 'rebuild the user interface first')
    .option('--reason <text>', 'a line printed before the address (used by npm start)')
    .action(async (caseDir: string | undefined, options: { port: number; rebuild?: boolean; reason?: string }) => {
      process.exitCode = await runServe(caseDir, options);
    });

  program
    .command('bench')
    .description('Measure speed on generated data against baselines measured in the same run (slow: minutes)')
    .addArgument(new Argument('[suite]', 'what to measure').choices(BENCH_SUITES).default('search'))
    .option('--messages <n>', 'messages to generate (import, search)', positiveInteger)
    .option('--runs <n>', 'runs of each format, checked on the median (import; default 3)', positiveInteger)
    .option('--json', 'print the measurements as JSON')
    .action(async (suite: BenchSuite, options: BenchCommandOptions) => {
      process.exitCode = await runBench(suite, options);
    });

  return program;
}

/** Runs the CLI and returns the exit code (0 ok, 1 the work failed, 2 bad usage). */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end through here with exit code 0.
      if (error.exitCode === 0) return 0;
      printJsonError(argv, 'E_USAGE', error.message.replace(/^error: /u, ''));
      return EXIT_USAGE;
    }
    if (error instanceof AppError) {
      process.stderr.write(`threadline: ${error.message} [${error.code}]\n`);
      printJsonError(argv, error.code, error.message);
      return error.code === 'E_USAGE' ? EXIT_USAGE : EXIT_FAILED;
    }
    process.stderr.write(`threadline: unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    printJsonError(argv, 'E_INTERNAL', error instanceof Error ? error.message : String(error));
    return EXIT_FAILED;
  }
}

/**
 * A --json run that fails before its work (bad usage, a locked or unreadable case) still prints
 * one JSON document, so a script piping it has something to parse: the error object, in the
 * {code, message} shape a failed source carries in the import summary. The human message stays
 * on stderr. The flag is read from the raw arguments, as a usage error may come before parsing.
 */
function printJsonError(argv: readonly string[], code: string, message: string): void {
  const end = argv.indexOf('--');
  if (!(end === -1 ? argv : argv.slice(0, end)).includes('--json')) return;
  process.stdout.write(`${JSON.stringify({ error: { code, message } })}\n`);
}
