/**
 * Character error rate: edit distance between OCR output and ground truth over the truth's
 * length, after the same normalisation on both sides (and for both engines):
 * - Unicode NFC, whitespace collapsed to single spaces (layout is not what we measure);
 * - Romanian s/t with cedilla folded to comma below (older models emit the cedilla forms; the
 *   search index folds them too);
 * - typographic quotes and dashes folded to ASCII.
 */
export function normaliseForCer(text: string): string {
  return text
    .normalize('NFC')
    .replace(/ş/g, 'ș').replace(/Ş/g, 'Ș').replace(/ţ/g, 'ț').replace(/Ţ/g, 'Ț')
    .replace(/[‘’‚‛]/g, "'").replace(/[“”„‟]/g, '"').replace(/[‐‑‒–—]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

export function characterErrorRate(recognised: string, truth: string): number {
  const a = Array.from(normaliseForCer(recognised));
  const b = Array.from(normaliseForCer(truth));
  if (b.length === 0) return a.length === 0 ? 0 : 1;
  return levenshtein(a, b) / b.length;
}

/** Two-row dynamic programme over code points. */
export function levenshtein(a: readonly string[], b: readonly string[]): number {
  let previous = Array.from({ length: b.length + 1 }, (_value, index) => index);
  let current = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length] ?? 0;
}

export function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;
}
