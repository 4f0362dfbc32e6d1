import { AppError } from '../../shared/errors.ts';
import type { LoadOptions } from './tesseract-model.ts';
import { TesseractModel } from './tesseract-model.ts';
import { locateTraineddata, readTraineddata } from './traineddata.ts';

/**
 * Loaded models of this OCR worker, one per language set, reused across calls. Each holds a
 * WebAssembly heap of tens of megabytes, so only the most recently used few are kept.
 */
const MAX_MODELS = 2;

const models = new Map<string, Promise<TesseractModel>>();

/**
 * The model for `langs`, loading it when needed. The key includes each file's path, size and
 * modification time, so a traineddata replaced on disk is loaded (and hashed) afresh.
 */
export async function modelFor(langs: readonly string[], tessdataDirs: readonly string[], options: LoadOptions = {}): Promise<TesseractModel> {
  const unique = [...new Set(langs)];
  if (unique.length === 0) throw new AppError('E_INVALID_REQUEST', 'No OCR language given');
  const locations = unique.map((lang) => locateTraineddata(lang, tessdataDirs));
  const key = locations.map((location) => `${location.lang}=${location.file}:${location.size}:${location.mtimeMs}`).join('|');
  const existing = models.get(key);
  if (existing !== undefined) {
    const model = await existing.catch(() => null);
    if (model?.usable === true) {
      // Map order is our LRU order: move the entry to the end.
      models.delete(key);
      models.set(key, existing);
      return model;
    }
    if (models.get(key) === existing) models.delete(key);
  }
  const loading = Promise.all(locations.map(readTraineddata)).then((loaded) => TesseractModel.load(loaded, options));
  models.set(key, loading);
  try {
    const model = await loading;
    evictBeyondLimit();
    return model;
  } catch (error) {
    if (models.get(key) === loading) models.delete(key);
    throw error;
  }
}

function evictBeyondLimit(): void {
  while (models.size > MAX_MODELS) {
    const [oldestKey, oldest] = models.entries().next().value as [string, Promise<TesseractModel>];
    models.delete(oldestKey);
    void oldest.then((model) => model.terminate(), () => {});
  }
}

/** Stops every loaded model (used when the worker is asked to shut down, and by tests). */
export async function closeModels(): Promise<void> {
  const all = [...models.values()];
  models.clear();
  await Promise.all(all.map((entry) => entry.then((model) => model.terminate(), () => {})));
}
