import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EVAL_LANGUAGES, EVAL_LENGTHS, readEvalSet } from '../../../../scripts/language-dev-data.ts';

/** The issue asks for at least 150 per language and length; each part holds half. */
const PER_PART = 75;

describe('fixtures/language evaluation set', () => {
  for (const part of ['dev', 'test'] as const) {
    it(`${part} part covers every language and length`, () => {
      const items = readEvalSet(part);
      for (const lang of EVAL_LANGUAGES) {
        for (const length of EVAL_LENGTHS) {
          expect(items.filter((item) => item.lang === lang && item.length === length).length, `${part} ${lang} ${length}`).toBeGreaterThanOrEqual(PER_PART);
        }
      }
    });
  }

  it('keeps the parts apart and the lengths honest', () => {
    const dev = new Set(readEvalSet('dev').map((item) => `${item.lang}|${item.text}`));
    const test = readEvalSet('test');
    expect(test.filter((item) => dev.has(`${item.lang}|${item.text}`))).toEqual([]);
    for (const item of test) {
      const words = item.text.split(/\s+/u).length;
      if (item.length === 'words') expect(words, item.where).toBeLessThanOrEqual(item.lang === 'vie' ? 2 : 1);
      if (item.length === 'pairs') expect(words, item.where).toBeLessThanOrEqual(2);
      if (item.length === 'sentences') expect(words, item.where).toBeGreaterThanOrEqual(3);
    }
  });

  it('names the file and line of a malformed file', () => {
    const directory = mkdtempSync(join(tmpdir(), 'lang-eval-'));
    mkdirSync(join(directory, 'dev'));
    for (const lang of EVAL_LANGUAGES) writeFileSync(join(directory, 'dev', `${lang}.txt`), lang === 'ron' ? '# comment\nno header here\n' : '[words]\nok\n');
    expect(() => readEvalSet('dev', directory)).toThrow(/dev\/ron\.txt:2/u);
  });
});
