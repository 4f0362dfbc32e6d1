import { describe, expect, it } from 'vitest';
import { bidiClass, paragraphLevel, resolveLevels, visualOrder } from '../../../../engine/package/bidi.ts';

/** The string in visual (left-to-right on the page) order, as the bidi algorithm lays it out. */
function visual(text: string): string {
  const chars = Array.from(text);
  const types = chars.map((char) => bidiClass(char.codePointAt(0) ?? 0));
  const base = paragraphLevel(types);
  return visualOrder(resolveLevels(types, base), types, base).map((index) => chars[index]).join('');
}

describe('bidi', () => {
  it('classifies the scripts the report draws', () => {
    expect(['a', 'ș', 'Ж', 'ế', 'Ω'].map((char) => bidiClass(char.codePointAt(0) ?? 0))).toEqual(['L', 'L', 'L', 'L', 'L']);
    expect(['ש', 'م', '5', '٥', ' ', ',', '\u064e'].map((char) => bidiClass(char.codePointAt(0) ?? 0))).toEqual(['R', 'AL', 'EN', 'AN', 'WS', 'CS', 'NSM']);
  });

  it('takes the paragraph direction from the first strong character', () => {
    expect(paragraphLevel(Array.from('123 שלום').map((char) => bidiClass(char.codePointAt(0) ?? 0)))).toBe(1);
    expect(paragraphLevel(Array.from('"Bună" שלום').map((char) => bidiClass(char.codePointAt(0) ?? 0)))).toBe(0);
  });

  it('leaves left-to-right text alone', () => {
    expect(visual('Tiếng Việt, 12 ș ț')).toBe('Tiếng Việt, 12 ș ț');
  });

  it('reverses Hebrew but keeps numbers inside it left to right', () => {
    expect(visual('שלום 123')).toBe('123 םולש');
    expect(visual('ב-12 במרץ')).toBe('ץרמב 12-ב');
  });

  it('keeps numbers after Arabic letters in reading order (W2: EN becomes AN)', () => {
    const reversed = (text: string): string => Array.from(text).reverse().join('');
    expect(visual('السعر 300 دولار')).toBe(`${reversed('دولار')} 300 ${reversed('السعر')}`);
    expect(visual('السعر ٣٠٠')).toBe(`٣٠٠ ${reversed('السعر')}`);
  });

  it('reverses an Arabic phrase inside a left-to-right sentence in place', () => {
    expect(visual('He wrote مرحبا بك today')).toBe('He wrote كب ابحرم today');
  });

  it('keeps trailing punctuation of a right-to-left paragraph on the left', () => {
    expect(visual('שלום!')).toBe('!םולש');
  });
});
