import { describe, expect, it } from 'vitest';
import { compilePacks, createMarkerTagger, tagText, analyseText } from '../../../../shared/markers/index.ts';
import type { MarkerTag } from '../../../../shared/markers/index.ts';

/** A small pack per test keeps each behaviour visible; the shipped packs are tested elsewhere. */
function testPack(rules: unknown[], extra: Record<string, unknown> = {}): unknown {
  return {
    marker: 'document-control',
    version: '9.9.9',
    description: 'Indicator: test',
    lexicon: {
      document: { note: 'documents', terms: { eng: ['passport*', 'id card'], ron: ['pașaport*'], rus: ['паспорт*'], deu: ['ausweis*', 'pässe'] } },
      kept: { note: 'kept', terms: { eng: ['with me', 'i keep'], ron: ['la mine'], rus: ['у меня'], deu: ['bei mir'] } },
    },
    rules,
    ...extra,
  };
}

const near = { id: 'document-control/*/kept', lang: '*', kind: 'near', all: ['@document', '@kept'], window: 5, weight: 0.7, note: 'n' };

function tags(packs: unknown[], text: string): MarkerTag[] {
  return tagText(compilePacks(packs), text);
}

function spanTexts(text: string, tag: MarkerTag | undefined): string[] {
  return (tag?.spans ?? []).map(([start, end]) => text.slice(start, end));
}

describe('term rules', () => {
  it('match exact words and stems after folding, and report rule, score, language and version', () => {
    const pack = testPack([{ id: 'document-control/*/doc', lang: '*', kind: 'term', terms: '@document', weight: 0.6, note: 'n' }]);
    const [tag] = tags([pack], 'Your PASSPORTS and ID card');
    expect(tag).toMatchObject({ marker: 'document-control', score: 0.6, rule: 'document-control/*/doc', lang: 'eng', packVersion: '9.9.9' });
    expect(spanTexts('Your PASSPORTS and ID card', tag)).toEqual(['PASSPORTS', 'ID card']);
    expect(tags([pack], 'passage and passing')).toEqual([]);
  });

  it('match a word written with a direction mark or BOM inside it, the span ending on the word', () => {
    const pack = testPack([{ id: 'document-control/*/doc', lang: '*', kind: 'term', terms: '@document', weight: 0.6, note: 'n' }]);
    const text = 'ai pașa\u200fportul\u200f meu';
    expect(spanTexts(text, tags([pack], text)[0])).toEqual(['pașa\u200fportul']);
    expect(tags([pack], 'pass\ufeffport')).toHaveLength(1);
  });

  it('need `min` distinct terms', () => {
    const pack = testPack([{ id: 'document-control/*/two', lang: '*', kind: 'term', terms: ['passport', 'visa', 'ticket'], min: 2, weight: 0.6, note: 'n' }]);
    expect(tags([pack], 'passport passport')).toEqual([]);
    expect(tags([pack], 'passport and visa')).toHaveLength(1);
  });

  it('treat #num as any number', () => {
    const pack = testPack([{ id: 'document-control/*/price', lang: '*', kind: 'phrase', sequence: ['#num', ['euro', '€']], weight: 0.6, note: 'n' }]);
    expect(spanTexts('only 3000€ now', tags([pack], 'only 3000€ now')[0])).toEqual(['3000€']);
    expect(tags([pack], 'three euro')).toEqual([]);
  });
});

describe('near rules', () => {
  it('match slots in any order within the window', () => {
    expect(tags([testPack([near])], 'with me stays your passport')).toHaveLength(1);
    expect(tags([testPack([near])], 'your passport, as we agreed, stays with me')).toEqual([]);
  });

  it('need one occurrence per slot that does not overlap another', () => {
    const pack = testPack([{ id: 'document-control/*/two-docs', lang: '*', kind: 'near', all: ['@document', '@document'], window: 5, weight: 0.6, note: 'n' }]);
    expect(tags([pack], 'passport')).toEqual([]);
    expect(tags([pack], 'passport and id card')).toHaveLength(1);
  });

  it('with sameLanguage, need every slot filled in one language', () => {
    const strict = testPack([{ ...near, sameLanguage: true }]);
    expect(tags([strict], 'паспорт у меня')).toHaveLength(1);
    expect(tags([strict], 'passport у меня')).toEqual([]);
    expect(tags([testPack([near])], 'passport у меня')).toHaveLength(1);
  });
});

describe('phrase rules', () => {
  const phrase = { id: 'document-control/eng/keep-doc', lang: 'eng', kind: 'phrase', sequence: [['i keep'], ['your', 'ur'], '@document'], gap: 1, weight: 0.7, note: 'n' };

  it('match slots in order with at most `gap` words between them', () => {
    expect(tags([testPack([phrase])], 'I keep your passport')).toHaveLength(1);
    expect(tags([testPack([phrase])], 'I keep all your old passport')).toHaveLength(1);
    expect(tags([testPack([phrase])], 'your passport I keep')).toEqual([]);
    expect(tags([testPack([phrase])], 'I keep it, your brother has a passport')).toEqual([]);
  });

  it('restrict concepts to the rule language', () => {
    expect(tags([testPack([phrase])], 'I keep your pașaport')).toEqual([]);
  });
});

describe('spans', () => {
  it('are UTF-16 offsets into the original text after diacritics, Cyrillic and emoji', () => {
    for (const text of ['Pașaportul tău e la mine', 'Ой 😱👀 паспорт у меня', '🇷🇴 ȘTIU: pașaport… la mine', 'Dein Ausweis bleibt bei mir']) {
      const [tag] = tags([testPack([near])], text);
      expect(tag, text).toBeDefined();
      for (const span of spanTexts(text, tag)) expect(span.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()).toMatch(/pasaport|паспорт|ausweis|la mine|у меня|bei mir/);
    }
    const text = '😱 паспорт у меня';
    expect(tags([testPack([near])], text)[0]?.spans).toEqual([[3, 10], [11, 17]]);
  });
});

describe('spellings', () => {
  it('find Cyrillic terms written in Latin chat spellings', () => {
    const pack = testPack([{ ...near, all: ['@document', '@kept'] }]);
    expect(tags([pack], 'pasport u menya')).toHaveLength(1);
    expect(tags([pack], 'tvoi pasport u menia')).toHaveLength(1);
  });

  it('find German umlauts written as ae/oe/ue', () => {
    const pack = testPack([{ id: 'document-control/deu/p', lang: 'deu', kind: 'term', terms: '@document', weight: 0.6, note: 'n' }]);
    expect(tags([pack], 'die Paesse')).toHaveLength(1);
    expect(tags([pack], 'die Pässe')).toHaveLength(1);
  });
});

describe('Arabic and Hebrew', () => {
  const arabicPack = (): unknown =>
    testPack([{ id: 'document-control/ara/p', lang: 'ara', kind: 'near', all: [['جواز', 'جوازك', 'الإقامة', 'باسبورك'], ['معي', 'عندي']], window: 4, weight: 0.7, note: 'n' }]);

  it('fold harakat, niqqud, alef forms, tatweel, ta marbuta and alef maqsura, in terms and messages alike', () => {
    for (const text of ['جَوَازُكَ مَعِي', 'جواز معى', 'جـــواز معي', 'الاقامه عندي', 'الإقامة عندي', 'باسبورك معي', 'باسبورک معی'])
      expect(tags([arabicPack()], text), text).toHaveLength(1);
    const hebrew = testPack([{ id: 'document-control/heb/p', lang: 'heb', kind: 'near', all: [['הדרכון'], ['אצלי']], window: 4, weight: 0.7, note: 'n' }]);
    expect(tags([hebrew], 'הַדַּרְכּוֹן שֶׁלְּךָ אֶצְלִי')).toHaveLength(1);
    expect(tags([hebrew], 'הדרכון שלך אצלי')).toHaveLength(1);
  });

  it('fold a combining mark written after its letter (NFD) as foldText does', () => {
    expect(tags([testPack([near])], 'pas\u0327aportul e la mine'.normalize('NFD'))).toHaveLength(1);
    expect(tags([testPack([near])], 'pașaportul e la mine'.normalize('NFD'))).toHaveLength(1);
  });

  it('read Arabic-Indic and Eastern Arabic-Indic digits as numbers', () => {
    const pack = testPack([{ id: 'document-control/*/price', lang: '*', kind: 'phrase', sequence: ['#num', ['يورو', 'euro']], weight: 0.6, note: 'n' }]);
    for (const text of ['٥٠٠ يورو', '۵۰۰ يورو', '500 يورو']) expect(tags([pack], text), text).toHaveLength(1);
    expect(tags([pack], 'خمسمية يورو')).toEqual([]);
  });

  it('report spans on the right words of right-to-left text, in UTF-16 offsets', () => {
    const text = '\u200fجَوَازُكَ 😶 مَعِي';
    const [tag] = tags([arabicPack()], text);
    expect(spanTexts(text, tag)).toEqual(['جَوَازُكَ', 'مَعِي']);
  });

  it('label a message detected as Standard Arabic (arb) with the rule language ara', () => {
    const pack = testPack([{ id: 'document-control/*/p', lang: '*', kind: 'term', terms: '@document', weight: 0.7, note: 'n' }]);
    const packWithArabic = { ...(pack as Record<string, unknown>), lexicon: { document: { note: 'd', terms: { ara: ['جواز'], eng: ['passport'] } } } };
    expect(tagText(compilePacks([packWithArabic]), 'جواز', 'arb')[0]?.lang).toBe('ara');
  });
});

describe('scoring and suppression', () => {
  const weak = { id: 'document-control/*/doc', lang: '*', kind: 'term', terms: '@document', weight: 0.3, note: 'n' };
  const kept = { id: 'document-control/*/kept-word', lang: '*', kind: 'term', terms: '@kept', weight: 0.3, note: 'n' };

  it('combines rules by noisy-or and reports only at the threshold', () => {
    expect(tags([testPack([weak, kept])], 'passport')).toEqual([]);
    expect(tags([testPack([weak, kept])], 'passport, with me')[0]?.score).toBe(0.51);
    expect(tags([testPack([weak], { threshold: 0.3 })], 'passport')).toHaveLength(1);
  });

  it('multiplies the score by a matched suppression and explains it in the analysis', () => {
    const pack = testPack([near], { suppress: [{ id: 'document-control/*/airport', lang: '*', kind: 'term', terms: ['gate', '😅'], factor: 0.1, note: 'n' }] });
    const compiled = compilePacks([pack]);
    expect(tagText(compiled, 'passport with me')).toHaveLength(1);
    expect(tagText(compiled, 'passport with me 😅 gate 4')).toEqual([]);
    expect(analyseText(compiled, 'passport with me 😅')[0]).toMatchObject({ rawScore: 0.7, score: 0.07, reported: false, suppressedBy: ['document-control/*/airport'] });
  });

  it('applies context-pack suppressions to the markers they list', () => {
    const context = { marker: '*', version: '1.0.0', description: 'context', rules: [], suppress: [{ id: 'context/*/lol', lang: '*', kind: 'term', terms: ['lol'], factor: 0, markers: ['debt-bondage'], note: 'n' }] };
    expect(tags([testPack([near]), context], 'passport with me lol')).toHaveLength(1);
    const other = { ...context, suppress: [{ ...context.suppress[0], markers: ['document-control'] }] };
    expect(tags([testPack([near]), other], 'passport with me lol')).toEqual([]);
  });
});

describe('the shipped tagger', () => {
  const tagger = createMarkerTagger();
  const messages = ['ur passport stays in my safe till the debt is cleared', 'Ты должна за дорогу и квартиру 3000', 'turn ur location on and leave it on', 'ok'];

  it('is deterministic and independent of message order', () => {
    const first = messages.map((text) => tagger.tag(text));
    const reversed = [...messages].reverse().map((text) => tagger.tag(text)).reverse();
    expect(reversed).toEqual(first);
    expect(createMarkerTagger().tag(messages[0] ?? '')).toEqual(first[0]);
  });

  it('reports markers in taxonomy order with sorted, merged spans', () => {
    const [text] = messages;
    const result = tagger.tag(text ?? '');
    expect(result.map((tag) => tag.marker)).toEqual(['debt-bondage', 'document-control']);
    for (const tag of result) {
      const starts = tag.spans.map(([start]) => start);
      expect(starts).toEqual([...starts].sort((a, b) => a - b));
      for (const [start, end] of tag.spans) expect(end).toBeGreaterThan(start);
    }
  });

  it('reports the pack version of each marker', () => {
    for (const tag of tagger.tag(messages[1] ?? '')) expect(tag.packVersion).toBe(tagger.packVersions[tag.marker]);
  });
});
