import { existsSync, statSync } from 'node:fs';
import { delimiter, resolve } from 'node:path';
import { AppError } from '../../shared/errors.ts';

/** Same rule as the OCR worker: a language code becomes a file name, so no path characters. */
const LANG_CODE = /^[A-Za-z][A-Za-z0-9_]{1,31}$/;

export const DEFAULT_OCR_LANGS = ['eng'] as const;

export interface OcrSettings {
  langs: string[];
  tessdataDirs: string[];
}

/**
 * Turns `--lang eng+ron` and `--tessdata <dir>` (plus THREADLINE_TESSDATA, a list separated like
 * PATH) into validated settings. The --tessdata folder comes first, so it wins over the variable.
 */
export function resolveOcrSettings(flags: { lang?: string; tessdata?: string }, env: NodeJS.ProcessEnv = process.env): OcrSettings {
  const langs = flags.lang === undefined ? [...DEFAULT_OCR_LANGS] : flags.lang.split('+').map((code) => code.trim()).filter((code) => code !== '');
  if (langs.length === 0) throw new AppError('E_USAGE', 'Give at least one OCR language, e.g. --lang eng+ron');
  for (const lang of langs) {
    if (!LANG_CODE.test(lang)) throw new AppError('E_USAGE', `Not a Tesseract language code: ${JSON.stringify(lang)} (expected e.g. eng, ron, chi_sim)`);
  }
  const fromEnv = (env['THREADLINE_TESSDATA'] ?? '').split(delimiter).filter((dir) => dir !== '');
  const dirs = [...(flags.tessdata === undefined ? [] : [flags.tessdata]), ...fromEnv].map((dir) => resolve(dir));
  for (const dir of dirs) {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new AppError('E_USAGE', `The tessdata folder ${dir} does not exist (from --tessdata or THREADLINE_TESSDATA)`);
  }
  return { langs: [...new Set(langs)], tessdataDirs: [...new Set(dirs)] };
}
