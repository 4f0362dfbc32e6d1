import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FRANC_VERSION, languageToolProvenance } from '../../../../shared/language/provenance.ts';
import { detectLanguage } from '../../../../shared/language/detect.ts';
import { readEvalSet } from '../../../../scripts/language-dev-data.ts';
import { detectItems } from '../../../../workers/language/detect-language.ts';

describe('language worker batch', () => {
  it('detects each item with its context and the case languages', () => {
    const results = detectItems(
      [
        { rowid: 1, text: 'Gdzie jest mój paszport?' },
        { rowid: 2, text: 'ok', context: ['mergem la Bologna maine dimineata', 'ai bilet de autocar'] },
        { rowid: 3, text: '👍' },
      ],
      ['pol', 'ron', 'eng'],
      () => undefined,
    );
    expect(results).toMatchObject([
      { rowid: 1, lang: 'pol', script: 'Latn' },
      { rowid: 2, lang: 'ron', method: 'context' },
      { rowid: 3, lang: 'und', confidence: 0, method: 'none' },
    ]);
  });

  it('checks for cancellation between chunks', () => {
    let checks = 0;
    detectItems(Array.from({ length: 1200 }, (_, rowid) => ({ rowid, text: 'שלום' })), undefined, () => {
      checks += 1;
    });
    expect(checks).toBe(3);
  });

  it('records the tool, the franc release it scores with and the candidates', () => {
    const installed = (JSON.parse(readFileSync('node_modules/franc/package.json', 'utf8')) as { version: string }).version;
    expect(FRANC_VERSION).toBe(installed);
    const provenance = languageToolProvenance(['ron', 'eng']);
    expect(provenance).toMatchObject({ tool: 'threadline-language', parameters: { franc: installed, candidates: 'ron,eng' } });
  });

  it('gives each item the answer it would get alone, though a batch analyses each line once', () => {
    // Words from the evaluation set as a chat: short lines whose neighbours are their context.
    const lines = readEvalSet('dev').filter((item) => item.length !== 'sentences').slice(0, 600).map((item) => item.text);
    const items = lines.map((text, index) => ({ rowid: index, text, context: [lines[index - 1], lines[index + 1]].filter((line): line is string => line !== undefined) }));
    const batch = detectItems(items, undefined, () => undefined);
    items.forEach((item, index) => {
      const alone = detectLanguage(item.text, { context: item.context });
      expect(batch[index], item.text).toMatchObject({ lang: alone.lang, confidence: alone.confidence, method: alone.method });
    });
    expect(new Set(batch.map((result) => result.method))).toContain('context');
  });
});
