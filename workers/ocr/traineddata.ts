import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import type { OcrTraineddata } from '../../shared/contracts/ocr-worker.ts';
import { AppError } from '../../shared/errors.ts';
import { bundledLanguage } from './local-files.ts';

const gunzipAsync = promisify(gunzip);

/** Language codes become file names: letters, digits and '_' only, so no code can name a path. */
const LANG_CODE = /^[A-Za-z][A-Za-z0-9_]{1,31}$/;
/** Larger than any published model (the biggest "best" models are ~100 MB). */
const MAX_TRAINEDDATA_BYTES = 512 * 1024 * 1024;
/** A real model is megabytes; anything this small is a stub or an error page. */
const MIN_TRAINEDDATA_BYTES = 1024;
/** Tesseract 4/5 files have 24 components; older and newer layouts stay well below this. */
const MAX_COMPONENTS = 64;
/** Index of the LSTM network in the component table (TessdataType TESSDATA_LSTM). */
const LSTM_COMPONENT = 17;

/** Where a language's model lives, found but not yet read. */
export interface TraineddataLocation {
  lang: string;
  file: string;
  source: string;
  size: number;
  mtimeMs: number;
}

export interface LoadedTraineddata {
  info: OcrTraineddata;
  /** The model, gunzipped when the file was compressed, validated. */
  data: Uint8Array;
}

export function assertLanguageCode(lang: string): void {
  if (!LANG_CODE.test(lang)) throw new AppError('E_INVALID_REQUEST', `Not a Tesseract language code: ${JSON.stringify(lang)}`, { details: { lang } });
}

/**
 * Finds <lang>.traineddata (or .traineddata.gz) in the user's folders, in order, then in the
 * bundled @tesseract.js-data package. A user folder wins so an analyst can replace a model.
 */
export function locateTraineddata(lang: string, tessdataDirs: readonly string[]): TraineddataLocation {
  assertLanguageCode(lang);
  const candidates: { file: string; source: string }[] = [];
  for (const folder of tessdataDirs.map((dir) => resolve(dir))) {
    candidates.push({ file: join(folder, `${lang}.traineddata`), source: `dir:${folder}` });
    candidates.push({ file: join(folder, `${lang}.traineddata.gz`), source: `dir:${folder}` });
  }
  const bundled = bundledLanguage(lang);
  if (bundled !== null) candidates.push({ file: bundled.file, source: `npm:${bundled.packageName}` });
  for (const candidate of candidates) {
    const stat = statSync(candidate.file, { throwIfNoEntry: false });
    if (stat?.isFile() === true) return { lang, ...candidate, size: stat.size, mtimeMs: stat.mtimeMs };
  }
  const folders = tessdataDirs.length === 0 ? 'no --tessdata folder was given' : `looked in ${tessdataDirs.map((dir) => resolve(dir)).join(', ')}`;
  throw new AppError('E_NOT_FOUND', `No traineddata for language '${lang}': ${folders}, and @tesseract.js-data/${lang} is not installed. Put ${lang}.traineddata in a folder and pass --tessdata <folder> (or set THREADLINE_TESSDATA).`, { details: { lang } });
}

/** Reads, hashes and validates a model before tesseract ever sees it (see assertPlausibleModel). */
export async function readTraineddata(location: TraineddataLocation): Promise<LoadedTraineddata> {
  const { lang, file } = location;
  if (location.size < MIN_TRAINEDDATA_BYTES) throw broken(lang, file, `the file has only ${location.size} bytes`);
  if (location.size > MAX_TRAINEDDATA_BYTES) throw broken(lang, file, `the file is larger than ${MAX_TRAINEDDATA_BYTES} bytes`);
  let raw: Buffer;
  try {
    raw = await readFile(file);
  } catch (error) {
    throw new AppError('E_NOT_FOUND', `Cannot read traineddata for '${lang}' at ${file}: ${String(error)}`, { details: { lang, file }, cause: error });
  }
  const sha256 = createHash('sha256').update(raw).digest('hex');
  let data: Uint8Array = raw;
  if (raw[0] === 0x1f && raw[1] === 0x8b) {
    try {
      data = await gunzipAsync(raw, { maxOutputLength: MAX_TRAINEDDATA_BYTES });
    } catch (error) {
      throw broken(lang, file, `it is gzip-compressed but does not decompress (${error instanceof Error ? error.message : String(error)})`);
    }
  }
  assertPlausibleModel(data, lang, file);
  return { info: { lang, file, sha256, bytes: raw.length, source: location.source }, data };
}

/**
 * Checks the component table at the head of a traineddata file: a count, then one 64-bit offset
 * per component (-1 when absent). A truncated or foreign file fails here with a clear message;
 * handed to tesseract.js instead it aborts the WebAssembly core or never settles.
 */
export function assertPlausibleModel(data: Uint8Array, lang: string, file: string): void {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  if (data.byteLength < 4) throw broken(lang, file, 'it is too short to hold a component table');
  const count = view.getInt32(0, true);
  const tableEnd = 4 + count * 8;
  if (count < 1 || count > MAX_COMPONENTS || tableEnd > data.byteLength) throw broken(lang, file, `its header does not describe a model (component count ${count})`);
  const offsets: number[] = [];
  for (let index = 0; index < count; index++) offsets.push(Number(view.getBigInt64(4 + index * 8, true)));
  let previous = tableEnd - 1;
  for (const offset of offsets) {
    if (offset === -1) continue;
    if (offset <= previous) throw broken(lang, file, 'its component table is out of order');
    if (offset >= data.byteLength) throw broken(lang, file, `it is truncated (a component starts at byte ${offset} of ${data.byteLength})`);
    previous = offset;
  }
  const lstm = offsets[LSTM_COMPONENT];
  if (lstm === undefined || lstm === -1) throw broken(lang, file, 'it has no LSTM model (a Tesseract 3 legacy-only file); Threadline runs the LSTM engine, use a Tesseract 4+ model');
  const lstmEnd = offsets.slice(LSTM_COMPONENT + 1).find((offset) => offset !== -1) ?? data.byteLength;
  if (lstmEnd - lstm < MIN_TRAINEDDATA_BYTES) throw broken(lang, file, 'its LSTM model is too small to be real');
}

function broken(lang: string, file: string, reason: string): AppError {
  return new AppError('E_IMPORT_FORMAT', `The traineddata for '${lang}' (${basename(file)} in ${dirname(file)}) is not usable: ${reason}.`, { details: { lang, file } });
}
