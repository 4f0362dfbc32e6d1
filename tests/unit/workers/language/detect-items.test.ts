import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FRANC_VERSION, languageToolProvenance } from '../../../../shared/language/provenance.ts';
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
});
