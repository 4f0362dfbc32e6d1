import { describe, expect, it } from 'vitest';
import { ocrLanguage } from '../../../../engine/ocr/ocr-language.ts';

const box = { x0: 0, y0: 0, x1: 10, y1: 10 };
const words = (list: [string, number][]) => list.map(([text, confidence]) => ({ text, confidence, bbox: box }));

describe('the language given to an image read by OCR', () => {
  it('is the language of its searched words when they are most of what OCR read', () => {
    const read = words([['Give', 96], ['me', 95], ['your', 97], ['passport', 96], ['tonight', 94], ['RR', 20]]);
    expect(ocrLanguage({ words: read, searchableText: 'Give me your passport tonight' }).lang).toBe('eng');
  });

  it('is unknown when the searched words are a few strays among a photo\'s noise', () => {
    // 3 of 10 words passed the threshold: a language named after them would be a guess.
    const read = words([['Pero', 62], ['con', 55], ['sea', 51], ['RR', 12], ['EE', 20], ['Bs', 15], ['ee', 27], ['a', 9], ['gs', 30], ['TE', 22]]);
    expect(ocrLanguage({ words: read, searchableText: 'Pero con sea' })).toMatchObject({ lang: 'und' });
  });

  it('is unknown when nothing was searched', () => {
    expect(ocrLanguage({ words: words([['~', 80], ['|', 90]]), searchableText: '' }).lang).toBe('und');
    expect(ocrLanguage({ words: [], searchableText: '' }).lang).toBe('und');
  });
});
