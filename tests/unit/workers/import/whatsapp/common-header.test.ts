import { describe, expect, it } from 'vitest';
import { matchCommonHeader } from '../../../../../workers/import/whatsapp/common-header.ts';
import { matchHeader, matchHeaderByGrammar } from '../../../../../workers/import/whatsapp/header-grammar.ts';
import { seededRandom } from '../../../../support/seeded-random.ts';

/**
 * The char-by-char reader of the two common header shapes must read every line it takes exactly
 * as the general grammar does, and leave everything else to it. Checked on lines built from the
 * pieces that make the two disagree if the reader is careless: digit counts, separators with
 * and without spaces, seconds, day periods, dashes of three widths, marks and NBSPs, bodies that
 * run into the grammar's scan window.
 */
const next = seededRandom(20_261_129);
/** The first item (the common form) two times in three, otherwise any: most lines are near-headers. */
const pick = <T,>(items: readonly T[]): T => (next() < 0.67 ? items[0] : items[Math.floor(next() * items.length)]) as T;
const digitRun = (): string => Array.from({ length: pick([2, 0, 1, 3, 4, 5]) }, () => String(Math.floor(next() * 10))).join('');

const OPENERS = ['', '[', '[ ', '\u200e', '\u200f[', ' '];
const DATE_SEPARATORS = ['/', '.', '-', '. ', '/ ', ' ', '年', '٫'];
const GAPS = [', ', ',', ',  ', ' ', '، ', ', \u202f'];
const TIME_SEPARATORS = [':', '.'];
const ENDINGS = [' - ', '] ', ']', ' -', '-', ' – ', ' — ', ' am - ', ' PM] ', ': ', ' - \u200e', '  -  ', '.] ', ' -\u00a0'];
const BODIES = ['Ana: hi', 'Ana Pop: Mâine la 8', '', '\u200fعلي: مرحبا', 'x'.repeat(80), ' '.repeat(60) + 'late', 'Messages are end-to-end encrypted.'];

function randomLine(): string {
  const seconds = next() < 0.3 ? `${pick(TIME_SEPARATORS)}${digitRun()}` : '';
  return `${pick(OPENERS)}${digitRun()}${pick(DATE_SEPARATORS)}${digitRun()}${pick(DATE_SEPARATORS)}${digitRun()}${pick(GAPS)}${digitRun()}${pick(TIME_SEPARATORS)}${digitRun()}${seconds}${pick(ENDINGS)}${pick(BODIES)}`;
}

describe('matchCommonHeader', () => {
  it('reads the usual Android and iOS headers itself', () => {
    expect(matchCommonHeader('12/03/2024, 21:05 - Ana: hi')).toMatchObject({ style: 'dash', field1: '12', field2: '03', field3: '2024', hour: 21, minute: 5, bodyStart: 20 });
    expect(matchCommonHeader('[12.03.24, 21:05:33] Ana: hi')).toMatchObject({ style: 'bracket', stampStart: 1, stampEnd: 19, second: 33, bodyStart: 21 });
    expect(matchCommonHeader('2024-03-12, 9:05 - Ana: hi')).toMatchObject({ field1: '2024', field3: '12', hour: 9 });
  });

  it('leaves to the grammar what it does not read in full', () => {
    for (const line of ['\u200e[12/03/2024, 21:05:33] Ana: hi', '12/03/2024, 9:05 pm - Ana: hi', '١٢/٠٣/٢٠٢٤, 21:05 - Ana', '12. 03. 2024, 21:05 - Ana', '12/03/2024 21:05 - Ana', '12/03/2024, 21:05 -Ana', 'Ana: 12/03/2024']) {
      expect(matchCommonHeader(line), line).toBeUndefined();
    }
  });

  it('agrees with the general grammar on every line it takes (20,000 built lines)', () => {
    let taken = 0;
    for (let count = 0; count < 20_000; count += 1) {
      const line = randomLine();
      const quick = matchCommonHeader(line);
      if (quick === undefined) continue;
      taken += 1;
      expect(quick, JSON.stringify(line)).toEqual(matchHeaderByGrammar(line));
    }
    // Enough of the built lines are common headers that the comparison means something.
    expect(taken).toBeGreaterThan(500);
  });

  it('is what matchHeader answers with when it takes a line', () => {
    const line = '[01/02/2023, 10:00:00] Ana: hi';
    expect(matchHeader(line)).toEqual(matchCommonHeader(line));
    expect(matchHeader(line)).toEqual(matchHeaderByGrammar(line));
  });
});
