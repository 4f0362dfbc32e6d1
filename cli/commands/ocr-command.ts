import { ocrFiles } from '../../engine/ocr/ocr-files.ts';
import type { OcrFileOutcome } from '../../engine/ocr/ocr-files.ts';
import { resolveOcrSettings } from '../../engine/ocr/ocr-options.ts';
import { AppError } from '../../shared/errors.ts';
import { EXIT_FAILED, EXIT_OK } from '../exit-codes.ts';
import { cancelOnInterrupt } from '../interrupt.ts';

export interface OcrCommandOptions {
  lang?: string;
  tessdata?: string;
  json?: boolean;
}

/**
 * `threadline ocr <image>...` (CLI.md). One JSON line per image, in the order given, printed as
 * soon as it and every image before it are done; a failed image gets a line with "error" and
 * makes the exit code 1 once all the others have been processed.
 */
export async function runOcr(images: string[], options: OcrCommandOptions): Promise<number> {
  if (images.length === 0) throw new AppError('E_USAGE', 'Give at least one image');
  const settings = resolveOcrSettings(options);
  const lang = settings.langs.join('+');
  const controller = new AbortController();
  const stopListening = cancelOnInterrupt('text recognition', () => controller.abort());
  const pending = new Map<number, OcrFileOutcome>();
  let nextToPrint = 0;
  let failed = 0;
  const print = (outcome: OcrFileOutcome): void => {
    if (!outcome.ok) failed++;
    process.stdout.write(options.json === true ? `${JSON.stringify(toContractJson(outcome, lang))}\n` : describe(outcome));
  };
  try {
    await ocrFiles(images, {
      ...settings,
      onOutcome(outcome, index) {
        pending.set(index, outcome);
        for (let ready = pending.get(nextToPrint); ready !== undefined; ready = pending.get(nextToPrint)) {
          pending.delete(nextToPrint++);
          print(ready);
        }
      },
    }, ({ done, total, file }) => {
      process.stderr.write(process.stderr.isTTY === true ? `\rocr ${done}/${total} ${file}`.padEnd(80).slice(0, 200) : `progress: ocr ${done}/${total} ${file}\n`);
    }, controller.signal);
  } finally {
    stopListening();
    if (process.stderr.isTTY === true) process.stderr.write('\n');
  }
  return failed > 0 ? EXIT_FAILED : EXIT_OK;
}

function toContractJson(outcome: OcrFileOutcome, lang: string): unknown {
  if (!outcome.ok) return { file: outcome.file, lang, error: outcome.error.message, code: outcome.error.code };
  const { result } = outcome;
  return {
    file: outcome.file,
    text: result.text,
    confidence: result.confidence,
    lang,
    tookMs: result.tookMs,
    // Beyond the contract's fields: the words a case searches and tags (parameters.searchable),
    // and how the text was made, for the record.
    searchableText: result.searchableText,
    engine: result.engine,
    traineddata: result.traineddata,
    parameters: result.parameters,
  };
}

function describe(outcome: OcrFileOutcome): string {
  if (!outcome.ok) return `== ${outcome.file}: FAILED: ${outcome.error.message} [${outcome.error.code}]\n`;
  const { result } = outcome;
  return `== ${outcome.file} (confidence ${result.confidence}, ${result.tookMs} ms)\n${result.text}\n`;
}
