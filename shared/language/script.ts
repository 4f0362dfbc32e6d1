/**
 * Which writing system a text is in, counted letter by letter with plain code-point ranges:
 * one pass, no regular expressions, because this runs on every message of a case and settles
 * most non-Latin, non-Cyrillic messages on its own.
 */

/** ISO 15924 codes; `Zyyy` collects letters of scripts we do not route specially. */
export type Script =
  | 'Latn' | 'Cyrl' | 'Grek' | 'Arab' | 'Hebr' | 'Geor' | 'Armn' | 'Thai' | 'Hang' | 'Kana' | 'Hani'
  | 'Deva' | 'Beng' | 'Ethi' | 'Mymr' | 'Zyyy';

export const SCRIPTS: readonly Script[] = [
  'Latn', 'Cyrl', 'Grek', 'Arab', 'Hebr', 'Geor', 'Armn', 'Thai', 'Hang', 'Kana', 'Hani', 'Deva', 'Beng', 'Ethi', 'Mymr', 'Zyyy',
];

/** [first, last, script]; sorted, so a binary search finds a code point's script. */
const RANGES: readonly (readonly [number, number, Script])[] = [
  [0x0041, 0x005a, 'Latn'], [0x0061, 0x007a, 'Latn'], [0x00aa, 0x00aa, 'Latn'], [0x00ba, 0x00ba, 'Latn'],
  [0x00c0, 0x00d6, 'Latn'], [0x00d8, 0x00f6, 'Latn'], [0x00f8, 0x02af, 'Latn'],
  [0x0370, 0x0373, 'Grek'], [0x0376, 0x03ff, 'Grek'],
  [0x0400, 0x0482, 'Cyrl'], [0x048a, 0x052f, 'Cyrl'],
  [0x0531, 0x058f, 'Armn'], [0x05d0, 0x05f4, 'Hebr'],
  [0x0620, 0x064a, 'Arab'], [0x066e, 0x06d3, 'Arab'], [0x06d5, 0x06ff, 'Arab'], [0x0750, 0x077f, 'Arab'], [0x08a0, 0x08ff, 'Arab'],
  [0x0900, 0x097f, 'Deva'], [0x0980, 0x09ff, 'Beng'], [0x0a00, 0x0dff, 'Zyyy'], [0x0e01, 0x0e5b, 'Thai'], [0x0e80, 0x0fff, 'Zyyy'],
  [0x1000, 0x109f, 'Mymr'], [0x10a0, 0x10ff, 'Geor'], [0x1100, 0x11ff, 'Hang'], [0x1200, 0x139f, 'Ethi'],
  [0x13a0, 0x1c7f, 'Zyyy'], [0x1c80, 0x1c8f, 'Cyrl'], [0x1c90, 0x1cbf, 'Geor'],
  [0x1e00, 0x1eff, 'Latn'], [0x1f00, 0x1fff, 'Grek'], [0x2c60, 0x2c7f, 'Latn'], [0x2d00, 0x2d2f, 'Geor'], [0x2de0, 0x2dff, 'Cyrl'],
  [0x3041, 0x30ff, 'Kana'], [0x3131, 0x318e, 'Hang'], [0x31f0, 0x31ff, 'Kana'], [0x3400, 0x4dbf, 'Hani'], [0x4e00, 0x9fff, 'Hani'],
  [0xa640, 0xa69f, 'Cyrl'], [0xa720, 0xa7ff, 'Latn'], [0xac00, 0xd7a3, 'Hang'], [0xf900, 0xfaff, 'Hani'],
  [0xfb1d, 0xfb4f, 'Hebr'], [0xfb50, 0xfdff, 'Arab'], [0xfe70, 0xfefc, 'Arab'], [0xff21, 0xff3a, 'Latn'], [0xff41, 0xff5a, 'Latn'],
  [0xff66, 0xff9d, 'Kana'], [0x20000, 0x3134f, 'Hani'],
];

function scriptOf(codePoint: number): Script | undefined {
  let low = 0;
  let high = RANGES.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const range = RANGES[middle];
    if (range === undefined) return undefined;
    if (codePoint < range[0]) high = middle - 1;
    else if (codePoint > range[1]) low = middle + 1;
    else return range[2];
  }
  return undefined;
}

export interface ScriptProfile {
  /** Letters per script (marks, digits, punctuation and emoji are not counted). */
  counts: Partial<Record<Script, number>>;
  letters: number;
  /** The script with most letters; `undefined` when the text has no letters. */
  dominant: Script | undefined;
}

/** Code points below this are ASCII: the common case, decided without the range search. */
const ASCII_END = 0x80;

export function scriptProfile(text: string): ScriptProfile {
  const counts: Partial<Record<Script, number>> = {};
  let letters = 0;
  let latin = 0;
  for (let index = 0; index < text.length; index += 1) {
    let codePoint = text.charCodeAt(index);
    if (codePoint < ASCII_END) {
      if ((codePoint | 0x20) >= 0x61 && (codePoint | 0x20) <= 0x7a) latin += 1;
      continue;
    }
    if (codePoint >= 0xd800 && codePoint <= 0xdbff && index + 1 < text.length) {
      codePoint = text.codePointAt(index) ?? codePoint;
      index += 1;
    }
    const script = scriptOf(codePoint);
    if (script === undefined) continue;
    counts[script] = (counts[script] ?? 0) + 1;
    letters += 1;
  }
  if (latin > 0) counts.Latn = (counts.Latn ?? 0) + latin;
  letters += latin;
  let dominant: Script | undefined;
  let best = 0;
  for (const script of SCRIPTS) {
    const count = counts[script] ?? 0;
    if (count > best) {
      best = count;
      dominant = script;
    }
  }
  return { counts, letters, dominant };
}
