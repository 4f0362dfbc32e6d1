/**
 * A compact implementation of the Unicode Bidirectional Algorithm (UAX #9) for one paragraph
 * without explicit embeddings or isolates: enough to lay out chat text that mixes Arabic or
 * Hebrew with Latin words and numbers in the PDF (pdfkit has no bidi of its own). Rules W1-W7,
 * N1-N2, I1-I2 and L1-L2 are applied; the character classes cover the scripts we ship fonts for.
 */
export type BidiClass = 'L' | 'R' | 'AL' | 'EN' | 'AN' | 'ES' | 'ET' | 'CS' | 'NSM' | 'WS' | 'ON';

export type Level = number;

const isMark = /\p{M}/u;
const isLetterOrNumber = /[\p{L}\p{N}]/u;
const isSpace = /\s/u;

function inRange(cp: number, ranges: readonly (readonly [number, number])[]): boolean {
  return ranges.some(([from, to]) => cp >= from && cp <= to);
}

const HEBREW_LIKE: [number, number][] = [[0x0590, 0x05ff], [0x07c0, 0x085f], [0xfb1d, 0xfb4f], [0x10800, 0x10fff], [0x1e800, 0x1efff]];
const ARABIC_LIKE: [number, number][] = [[0x0600, 0x07bf], [0x0860, 0x08ff], [0xfb50, 0xfdff], [0xfe70, 0xfeff]];
const EUROPEAN_DIGITS: [number, number][] = [[0x30, 0x39], [0xb2, 0xb3], [0xb9, 0xb9], [0x06f0, 0x06f9], [0x2070, 0x2079], [0x2080, 0x2089], [0xff10, 0xff19]];
const ARABIC_DIGITS: [number, number][] = [[0x0660, 0x0669], [0x066b, 0x066c]];
const TERMINATORS: [number, number][] = [[0x23, 0x25], [0xa2, 0xa5], [0xb0, 0xb1], [0x2030, 0x2034], [0x20a0, 0x20cf], [0x066a, 0x066a]];
const SEPARATORS: [number, number][] = [[0x2c, 0x2c], [0x2e, 0x2f], [0x3a, 0x3a], [0xa0, 0xa0], [0x060c, 0x060c], [0x202f, 0x202f]];

export function bidiClass(cp: number): BidiClass {
  const char = String.fromCodePoint(cp);
  if (cp === 0x200e) return 'L';
  if (cp === 0x200f) return 'R';
  if (cp === 0x061c) return 'AL';
  if (inRange(cp, EUROPEAN_DIGITS)) return 'EN';
  if (inRange(cp, ARABIC_DIGITS)) return 'AN';
  if (isMark.test(char)) return 'NSM';
  if (cp === 0x2b || cp === 0x2d || cp === 0x2212) return 'ES';
  if (inRange(cp, TERMINATORS)) return 'ET';
  if (inRange(cp, SEPARATORS)) return 'CS';
  if (isSpace.test(char)) return 'WS';
  if (inRange(cp, HEBREW_LIKE)) return isLetterOrNumber.test(char) ? 'R' : 'ON';
  if (inRange(cp, ARABIC_LIKE)) return isLetterOrNumber.test(char) ? 'AL' : 'ON';
  return isLetterOrNumber.test(char) ? 'L' : 'ON';
}

export function isRightToLeftClass(type: BidiClass): boolean {
  return type === 'R' || type === 'AL';
}

/** P2-P3: the level of the first strong character; left-to-right when there is none. */
export function paragraphLevel(types: readonly BidiClass[]): Level {
  for (const type of types) {
    if (type === 'L') return 0;
    if (isRightToLeftClass(type)) return 1;
  }
  return 0;
}

/** Embedding levels of each character of one paragraph (W1-W7, N1-N2, I1-I2). */
export function resolveLevels(input: readonly BidiClass[], base: Level): Level[] {
  const sos: BidiClass = base % 2 === 0 ? 'L' : 'R';
  const types = [...input];
  let previous: BidiClass = sos;
  for (let i = 0; i < types.length; i++) {
    if (types[i] === 'NSM') types[i] = previous; // W1
    previous = types[i] ?? previous;
  }
  let lastStrong: BidiClass = sos;
  for (let i = 0; i < types.length; i++) {
    const type = types[i];
    if (type === 'L' || type === 'R' || type === 'AL') lastStrong = type;
    else if (type === 'EN' && lastStrong === 'AL') types[i] = 'AN'; // W2
  }
  for (let i = 0; i < types.length; i++) if (types[i] === 'AL') types[i] = 'R'; // W3
  for (let i = 1; i < types.length - 1; i++) { // W4
    const [before, here, after] = [types[i - 1], types[i], types[i + 1]];
    if (here === 'ES' && before === 'EN' && after === 'EN') types[i] = 'EN';
    else if (here === 'CS' && before === after && (before === 'EN' || before === 'AN')) types[i] = before;
  }
  for (let i = 0; i < types.length; i++) { // W5
    if (types[i] !== 'ET') continue;
    let end = i;
    while (end < types.length && types[end] === 'ET') end++;
    if (types[i - 1] === 'EN' || types[end] === 'EN') types.fill('EN', i, end);
    i = end - 1;
  }
  for (let i = 0; i < types.length; i++) if (types[i] === 'ES' || types[i] === 'ET' || types[i] === 'CS') types[i] = 'ON'; // W6
  lastStrong = sos;
  for (let i = 0; i < types.length; i++) { // W7
    const type = types[i];
    if (type === 'L' || type === 'R') lastStrong = type;
    else if (type === 'EN' && lastStrong === 'L') types[i] = 'L';
  }
  const direction = (type: BidiClass | undefined): 'L' | 'R' | null => (type === 'L' ? 'L' : type === 'R' || type === 'EN' || type === 'AN' ? 'R' : null);
  for (let i = 0; i < types.length; i++) { // N1-N2
    if (direction(types[i]) !== null) continue;
    let end = i;
    while (end < types.length && direction(types[end]) === null) end++;
    const before = i === 0 ? direction(sos) : direction(types[i - 1]);
    const after = end === types.length ? direction(sos) : direction(types[end]);
    types.fill(before === after && before !== null ? before : sos, i, end);
    i = end - 1;
  }
  return types.map((type) => { // I1-I2
    if (base % 2 === 0) return type === 'R' ? base + 1 : type === 'AN' || type === 'EN' ? base + 2 : base;
    return type === 'L' || type === 'EN' || type === 'AN' ? base + 1 : base;
  });
}

/**
 * L1-L2 for one line: trailing white space goes to the paragraph level, then every run at or
 * above each odd level is reversed, from the highest level down. Returns logical indexes in
 * visual (left-to-right) order.
 */
export function visualOrder(levels: readonly Level[], types: readonly BidiClass[], base: Level): number[] {
  const lineLevels = [...levels];
  for (let i = lineLevels.length - 1; i >= 0 && types[i] === 'WS'; i--) lineLevels[i] = base;
  const order = lineLevels.map((_, index) => index);
  const highest = Math.max(0, ...lineLevels);
  const lowestOdd = Math.min(...lineLevels.filter((level) => level % 2 === 1), highest + 1);
  for (let level = highest; level >= lowestOdd; level--) {
    for (let i = 0; i < order.length; i++) {
      if ((lineLevels[order[i] ?? 0] ?? 0) < level) continue;
      let end = i;
      while (end < order.length && (lineLevels[order[end] ?? 0] ?? 0) >= level) end++;
      const reversed = order.slice(i, end).reverse();
      order.splice(i, reversed.length, ...reversed);
      i = end - 1;
    }
  }
  return order;
}
