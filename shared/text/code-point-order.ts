/**
 * Orders strings by Unicode code point, as SQLite's BINARY collation orders UTF-8 text. JavaScript's
 * default sort compares UTF-16 code units instead, which puts a character above U+FFFF (stored as
 * a surrogate pair) before U+E000..U+FFFF: the two orders differ exactly there.
 */
export function compareCodePoints(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let index = 0; index < length; index += 1) {
    const left = a.charCodeAt(index);
    const right = b.charCodeAt(index);
    if (left === right) continue;
    const leftSurrogate = left >= 0xd800 && left <= 0xdfff;
    const rightSurrogate = right >= 0xd800 && right <= 0xdfff;
    // A surrogate stands for a code point above every BMP character except another surrogate's.
    if (leftSurrogate !== rightSurrogate) return leftSurrogate ? 1 : -1;
    return left - right;
  }
  return a.length - b.length;
}
