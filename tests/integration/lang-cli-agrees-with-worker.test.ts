import { afterAll, describe, expect, it } from 'vitest';
import { WorkerPool } from '../../engine/workers/worker-pool.ts';
import type { LanguageItem, LanguageResult, LanguageWorkerApi } from '../../shared/contracts/language-worker.ts';
import { detectLanguage } from '../../shared/language/detect.ts';
import { readEvalSet } from '../../scripts/language-dev-data.ts';
import { langCliAnswers as cli } from '../support/lang-cli.ts';

/**
 * `threadline lang` must answer as an import does: the language worker with fastText lid.176,
 * not the pure detector alone. The inputs are the evaluation set's test part, chosen where it
 * matters: short pairs and single words that fastText decides differently from the detector
 * alone, plus sentences, lines with neighbouring messages as context, and a language list.
 */
const evalSet = readEvalSet('test');
const alone = (text: string, caseLanguages?: string[]): string => detectLanguage(text, caseLanguages === undefined ? {} : { caseLanguages }).lang;

const pool = new WorkerPool<LanguageWorkerApi>('language', 1);
afterAll(() => pool.terminate());

async function worker(items: LanguageItem[], caseLanguages?: string[]): Promise<LanguageResult[]> {
  return (await pool.call('detect', { items, ...(caseLanguages === undefined ? {} : { caseLanguages }) })).results;
}

function asWorkerAnswers(answers: Awaited<ReturnType<typeof cli>>): LanguageResult[] {
  return answers.map(({ id, lang, confidence, method, script }) => ({ rowid: id, lang, confidence, method, ...(script === undefined ? {} : { script }) }));
}

describe('threadline lang and the language worker', () => {
  // Short texts where fastText changes the answer: the CLI without fastText would get each wrong.
  const fastTextMatters = evalSet.filter((item) => item.length !== 'sentences' && alone(item.text) !== item.lang).slice(0, 400);
  const sentences = evalSet.filter((item) => item.length === 'sentences').filter((_, index) => index % 10 === 0);
  const items: LanguageItem[] = [...fastTextMatters, ...sentences].map((item, index) => ({ rowid: index, text: item.text }));

  it('agree on short ambiguous texts and sentences, and fastText is what decides them', async () => {
    const fromWorker = await worker(items);
    const fromCli = await cli(items);
    expect(asWorkerAnswers(fromCli)).toEqual(fromWorker);
    // Without fastText these lines are all wrong; with it (the worker, so the CLI) many are right.
    const nowRight = fastTextMatters.filter((item, index) => fromCli[index]?.lang === item.lang);
    expect(nowRight.length, 'short texts fastText gets right').toBeGreaterThanOrEqual(fastTextMatters.length / 3);
    expect(fastTextMatters.length).toBeGreaterThanOrEqual(100);
  }, 120_000);

  it('agree with neighbouring messages as context and with a language list', async () => {
    const sameLanguage = (lang: string): string[] => evalSet.filter((item) => item.lang === lang && item.length === 'sentences').slice(0, 2).map((item) => item.text);
    const withContext = fastTextMatters.slice(0, 60).map((item, index) => ({ rowid: index, text: item.text, context: sameLanguage(item.lang) }));
    expect(asWorkerAnswers(await cli(withContext))).toEqual(await worker(withContext));
    const short = items.slice(0, 80);
    expect(asWorkerAnswers(await cli(short, 'ron, bul'))).toEqual(await worker(short, ['ron', 'bul']));
  }, 120_000);
});
