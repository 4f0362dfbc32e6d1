import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CsvMappingSpec, ImportSummary } from '../../shared/domain/import.ts';
import { normaliseDeviceLabel } from '../../shared/domain/device.ts';
import { AppError } from '../../shared/errors.ts';
import { Engine } from '../../engine/engine.ts';
import { detectFiles } from '../../engine/import/detect-files.ts';
import { resolveOcrSettings } from '../../engine/ocr/ocr-options.ts';
import type { OcrSettings } from '../../engine/ocr/ocr-options.ts';
import type { OcrCaseSummary } from '../../engine/ocr/ocr-case.ts';
import { createImportProgressPrinter } from './import-progress.ts';
import { EXIT_FAILED, EXIT_OK } from '../exit-codes.ts';
import { actorName } from '../actor.ts';
import { cancelOnInterrupt } from '../interrupt.ts';

export interface ImportCommandOptions {
  /** JSON (or a file of JSON) naming the CSV columns: {"timestamp":"date","sender":"user","text":"message"}. */
  csvMap?: string;
  /** Only report what each file is, import nothing. */
  check?: boolean;
  tz?: string;
  /** The seized device (exhibit) the files come from (ADR 0014). */
  device?: string;
  /** false with --no-ocr. */
  ocr?: boolean;
  ocrLang?: string;
  tessdata?: string;
  retryFailed?: boolean;
  dateOrder?: 'dmy' | 'mdy' | 'ymd';
  json?: boolean;
}

export async function runImport(caseDir: string, paths: string[], options: ImportCommandOptions): Promise<number> {
  // Bad usage is refused before the case is opened, so a mistyped command creates no case and
  // leaves no setting behind (a new case takes --ocr-lang as its own).
  const csvMapping = options.csvMap === undefined ? undefined : readCsvMapping(options.csvMap);
  checkOcrFlags(options);
  checkDevice(options.device);
  const engine = new Engine({ mode: 'cli', actor: actorName() });
  const progress = createImportProgressPrinter();
  engine.tasks.on('update', (task) => progress.update(task));
  const creating = !existsSync(join(caseDir, 'case.sqlite'));
  try {
    // A new case takes --ocr-lang as its setting; later imports use the case setting unless told otherwise.
    const session = await engine.openCase(caseDir, creating, options.tz, options.ocrLang === undefined ? undefined : options.ocrLang.split('+'));
    if (options.tz === undefined && session.settings.timeZone === 'UTC') {
      process.stderr.write('note: no --tz given and the case time zone is UTC: device times are read as UTC (recorded on each source)\n');
    }
    if (options.check === true) {
      const found = await detectFiles(session, paths);
      process.stdout.write(options.json === true ? `${JSON.stringify({ case: session.path, files: found })}\n` : found.map((item) => `${(item.format ?? 'not recognised').padEnd(24)} ${item.path}  (${item.reason})`).join('\n') + '\n');
      return EXIT_OK;
    }
    const importOptions = {
      ...(options.tz === undefined ? {} : { timeZone: options.tz }),
      ...(options.dateOrder === undefined ? {} : { dateOrder: options.dateOrder }),
      ...(options.device === undefined ? {} : { device: options.device }),
      ...(csvMapping === undefined ? {} : { csvMapping }),
    };
    const retried = options.retryFailed === true ? await engine.sourcesToRetry() : { paths: [], deviceByPath: {}, timeZoneByPath: {}, dateOrderByPath: {}, csvMappingByPath: {} };
    const retry = retried.paths;
    if (options.retryFailed === true) {
      process.stderr.write(`retrying ${retry.length} failed or interrupted source(s)\n`);
      // Cancelled on purpose, so not retried; named so the examiner can import them by path.
      const cancelled = (await engine.cancelledSourcePaths()).filter((path) => !paths.includes(path));
      for (const path of cancelled) process.stderr.write(`not retried (cancelled by the user; name it to import it again): ${path}\n`);
    }
    const all = [...new Set([...paths, ...retry])];
    if (all.length === 0) {
      process.stdout.write(options.json === true ? `${JSON.stringify({ case: session.path, sources: [], totals: { sources: 0, messages: 0, attachments: 0, unparsed: 0, issues: 0 } })}\n` : 'Nothing to import.\n');
      return EXIT_OK;
    }
    // Settings are checked before importing, so a bad --ocr-lang or --tessdata fails fast.
    const ocrSettings = options.ocr === false ? null : resolveOcrSettings({ lang: options.ocrLang ?? session.settings.ocrLanguages.join('+'), ...(options.tessdata === undefined ? {} : { tessdata: options.tessdata }) });
    // A retried file keeps the device, the zone and the day/month order its earlier attempt was
    // declared with; a file named here takes --device, --tz and --date-order (or the case setting).
    const deviceByPath = Object.fromEntries(Object.entries(retried.deviceByPath).filter(([path]) => !paths.includes(path)));
    const timeZoneByPath = Object.fromEntries(Object.entries(retried.timeZoneByPath).filter(([path]) => !paths.includes(path)));
    const dateOrderByPath = Object.fromEntries(Object.entries(retried.dateOrderByPath).filter(([path]) => !paths.includes(path)));
    const csvMappingByPath = Object.fromEntries(Object.entries(retried.csvMappingByPath).filter(([path]) => !paths.includes(path)));
    const started = engine.startImport(all, { ...importOptions, deviceByPath, timeZoneByPath, dateOrderByPath, csvMappingByPath });
    const stopListening = cancelOnInterrupt('the import', () => engine.tasks.cancel(started.taskId));
    let summary: ImportSummary;
    try {
      summary = await started.done;
    } finally {
      stopListening();
    }
    const cancelled = summary.sources.some((source) => source.status === 'cancelled');
    const ocr = ocrSettings !== null && !cancelled ? await readImages(engine, ocrSettings) : null;
    progress.finish();
    process.stdout.write(options.json === true ? `${JSON.stringify(toContractJson(summary, ocr))}\n` : describe(summary) + describeOcr(ocr));
    // Exit 0 only when every source was imported (or needed no import): a cancelled one was not.
    return summary.sources.some((source) => source.status === 'failed' || source.status === 'cancelled') ? EXIT_FAILED : EXIT_OK;
  } finally {
    await engine.dispose();
  }
}

/**
 * Reads the text in the case's images after the import. Ctrl-C stops only this reading: the
 * sources are imported, so the summary is still printed and the exit code still says how the
 * import went (the images left unread are read by a later import).
 */
async function readImages(engine: Engine, settings: OcrSettings): Promise<OcrCaseSummary | null> {
  const ocrTask = engine.startOcr(settings);
  const stopOcr = cancelOnInterrupt('text recognition', () => engine.tasks.cancel(ocrTask.taskId));
  try {
    const ocr = await ocrTask.done;
    if (ocr.images > 0) process.stderr.write(`ocr: ${ocr.recognised} of ${ocr.images} images read, ${ocr.failed} failed, ${ocr.skipped} not reachable\n`);
    return ocr;
  } catch (error) {
    if (!(error instanceof AppError && error.code === 'E_CANCELLED')) throw error;
    process.stderr.write(`ocr: ${error.message}; the others are read by a later import\n`);
    return null;
  } finally {
    stopOcr();
  }
}

/**
 * The JSON shape CLI.md promises, plus a few extra fields (status, sourceId, error), and "ocr"
 * when images were read: each image not read is named with its error, as a failed source is.
 */
function toContractJson(summary: ImportSummary, ocr: OcrCaseSummary | null): unknown {
  return {
    case: summary.case,
    sources: summary.sources.map((source) => ({
      path: source.path,
      format: source.format,
      sha256: source.sha256,
      messages: source.messages,
      attachments: source.attachments,
      unparsed: source.unparsed,
      issues: source.issues,
      status: source.status,
      sourceId: source.sourceId,
      error: source.error,
    })),
    totals: summary.totals,
    ...(ocr === null || ocr.images === 0 ? {} : { ocr }),
  };
}

/** The images whose text could not be read, each with its reason, under the sources. */
function describeOcr(ocr: OcrCaseSummary | null): string {
  if (ocr === null || ocr.images === 0) return '';
  const lines = [`OCR: ${ocr.recognised} of ${ocr.images} images read, ${ocr.failed} failed, ${ocr.skipped} not reachable`];
  for (const { file, error } of ocr.failures.slice(0, SHOWN_OCR_FAILURES)) lines.push(`    ${file}: ${error.message} [${error.code}]`);
  if (ocr.failures.length > SHOWN_OCR_FAILURES) lines.push(`    ... ${ocr.failures.length - SHOWN_OCR_FAILURES} more images not read (all are listed with --json)`);
  return `${lines.join('\n')}\n`;
}

/** As many as the issues shown per source. */
const SHOWN_OCR_FAILURES = 20;

function describe(summary: ImportSummary): string {
  const lines = [`Case ${summary.case}`];
  for (const source of summary.sources) {
    lines.push(`  ${source.status.padEnd(16)} ${source.path}`);
    if (source.sha256 !== null) lines.push(`    sha256 ${source.sha256}  format ${source.format}`);
    if (source.status === 'imported') lines.push(`    ${source.messages} messages, ${source.attachments} attachments, ${source.unparsed} unparsed`);
    for (const issue of source.issues.slice(0, 20)) lines.push(`    ${issue.place}: ${issue.reason}`);
    if (source.issues.length > 20) lines.push(`    ... ${source.issues.length - 20} more issues`);
  }
  const { totals } = summary;
  lines.push(`Total: ${totals.sources} sources, ${totals.messages} messages, ${totals.unparsed} unparsed, ${totals.issues} issues`);
  return `${lines.join('\n')}\n`;
}

/** --ocr-lang and --tessdata as given (resolveOcrSettings refuses a bad code or a missing folder as bad usage). */
function checkOcrFlags(options: ImportCommandOptions): void {
  if (options.ocrLang === undefined && (options.ocr === false || options.tessdata === undefined)) return;
  resolveOcrSettings({ ...(options.ocrLang === undefined ? {} : { lang: options.ocrLang }), ...(options.tessdata === undefined ? {} : { tessdata: options.tessdata }) });
}

/** --device as the engine will take it (a name too long, or with control characters, is bad usage). */
function checkDevice(device: string | undefined): void {
  try {
    normaliseDeviceLabel(device);
  } catch (error) {
    throw new AppError('E_USAGE', `--device "${String(device).slice(0, 80)}": ${error instanceof Error ? error.message : String(error)}`);
  }
}

function readCsvMapping(value: string): CsvMappingSpec {
  const text = value.trim().startsWith('{') ? value : readTextFile(value);
  try {
    const parsed = JSON.parse(text) as unknown;
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('expected a JSON object');
    return parsed as CsvMappingSpec;
  } catch (error) {
    throw new AppError('E_USAGE', `--csv-map must be JSON like {"timestamp":"date","sender":"user","text":"message"} or a file of it: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function readTextFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new AppError('E_USAGE', `Cannot read --csv-map file ${path}: ${String(error)}`);
  }
}
