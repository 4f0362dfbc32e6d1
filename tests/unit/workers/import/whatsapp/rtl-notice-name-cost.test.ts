import { describe, expect, it } from 'vitest';

import { noticeReason } from '../../../../../workers/import/whatsapp/author-notices.ts';
import type { SenderStatistics } from '../../../../../workers/import/whatsapp/authors.ts';
import { RLM } from '../../../../support/unicode-chars.ts';

/**
 * Regression: a marked right-to-left body was weighed as a notice by reading every name of the
 * chat, once in isActOnParticipant and again for each wording tried in rtl-group-events.ts
 * (isKnownActor): the cost of a file was its lines times its names. A hostile or merely large
 * group export (8,000 lines, each under a name of its own, `خالد أضاف <name>`) took 30 s and grew
 * with the square of its size. The names are now looked up, not walked.
 */

/** A Map that counts the names handed out by keys(). */
class CountingMap extends Map<string, number> {
  visited = 0;

  override keys(): MapIterator<string> {
    const inner = super.keys();
    const counted = {
      next: (): IteratorResult<string, undefined> => {
        const step = inner.next();
        if (step.done !== true) this.visited += 1;
        return step;
      },
      [Symbol.iterator]() {
        return counted;
      },
    };
    return counted as unknown as MapIterator<string>;
  }
}

function arabicNumber(value: number): string {
  return String(value).replace(/\d/gu, (digit) => 'ابتثجحخدذر'.charAt(Number(digit)));
}

describe('right-to-left notices: the chat names are looked up, not read through for every line', () => {
  it('visits the names a bounded number of times however many lines are weighed', () => {
    const names = Array.from({ length: 2000 }, (_, index) => `سامي ${arabicNumber(index)}`);
    const counts = new CountingMap(names.map((name) => [name, 1]));
    counts.set('أحمد', 2);
    const statistics: SenderStatistics = {
      counts,
      writesUnmarked: new Set(),
      unrecognisedMarked: new Map(),
      writesProse: new Set(),
      endToEndNames: new Set(),
      extensions: new Map(),
      extendedNames: new Set(),
      firstHeaderLine: 0,
    };
    const reasons = names.map((name, index) => noticeReason({ sender: name, body: `${RLM}خالد أضاف ${name}`, marked: true }, `خالد أضاف ${name}`, statistics, index + 1));
    // An actor no header names: each line stays its writer's message.
    expect(reasons.every((reason) => reason === null)).toBe(true);
    // A known actor still makes the line a notice.
    expect(noticeReason({ sender: names[5] ?? '', body: `${RLM}أحمد أضاف ${names[5] ?? ''}`, marked: true }, `أحمد أضاف ${names[5] ?? ''}`, statistics, 9)).not.toBeNull();
    expect(counts.visited).toBeLessThanOrEqual(4 * counts.size);
  });
});
