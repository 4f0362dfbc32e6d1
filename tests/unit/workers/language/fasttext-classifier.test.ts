import { afterAll, describe, expect, it } from 'vitest';
import { WorkerPool } from '../../../../engine/workers/worker-pool.ts';
import type { LanguageWorkerApi } from '../../../../shared/contracts/language-worker.ts';
import { detectLanguage } from '../../../../shared/language/detect.ts';
import { AppError } from '../../../../shared/errors.ts';
import { fastTextFiles, loadFastTextClassifier } from '../../../../workers/language/fasttext-classifier.ts';

const classifier = await loadFastTextClassifier();

describe('fastText lid.176 classifier', () => {
  it('loads from node_modules and names languages with public ISO 639-3 codes', () => {
    expect(classifier.description).toMatch(/^fasttext lid\.176\.ftz \(fasttext\.wasm \d+\.\d+\.\d+\)$/u);
    const { listed, unlisted } = classifier.classify('Where are you? I have been waiting at the station for an hour.');
    expect([...listed.keys()][0]).toBe('eng');
    expect(listed.get('eng')).toBeGreaterThan(0.9);
    expect(unlisted).toBeLessThan(0.01);
    expect(classifier.classify('Gdzie jesteś? Czekam na dworcu od godziny.').listed.get('pol')).toBeGreaterThan(0.5);
    expect(classifier.classify('Де ти? Я чекаю на вокзалі вже годину.').listed.get('ukr')).toBeGreaterThan(0.5);
  });

  it('reads one line: a newline does not cut the text', () => {
    const { listed } = classifier.classify('ok\nIch warte seit einer Stunde am Bahnhof auf dich');
    expect([...listed.keys()][0]).toBe('deu');
  });

  it('names the missing file when the package is incomplete', async () => {
    const files = { ...fastTextFiles(), model: '/nonexistent/lid.176.ftz' };
    await expect(loadFastTextClassifier(files)).rejects.toThrow(AppError);
    await expect(loadFastTextClassifier(files)).rejects.toMatchObject({ code: 'E_NOT_FOUND', message: expect.stringContaining('/nonexistent/lid.176.ftz') });
  });

  it('tips short chat where the detector alone is unsure, and leaves script-settled text alone', () => {
    expect(detectLanguage('spasibo bolshoe', { classifier }).lang).toBe('rus');
    expect(detectLanguage('Thank you so much', { classifier }).lang).toBe('eng');
    expect(detectLanguage('שלום', { classifier })).toMatchObject({ lang: 'heb', method: 'script' });
  });
});

describe('language worker', () => {
  const pool = new WorkerPool<LanguageWorkerApi>('language', 1);
  afterAll(() => pool.terminate());

  it('loads fastText inside its worker thread and records it as provenance', async () => {
    const { results, tool } = await pool.call('detect', { items: [{ rowid: 1, text: 'Where is my passport? You promised to give it back.' }, { rowid: 2, text: 'дякую' }] });
    expect(results.map((result) => result.lang)).toEqual(['eng', 'ukr']);
    expect(tool.parameters['classifier']).toMatch(/^fasttext lid\.176\.ftz/u);
  }, 30_000);
});
