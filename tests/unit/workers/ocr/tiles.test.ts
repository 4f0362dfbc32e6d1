import { describe, expect, it } from 'vitest';
import type { OcrBox } from '../../../../shared/contracts/ocr-worker.ts';
import type { PageTree } from '../../../../workers/ocr/tiles.ts';
import { mergeTiles, planTiles } from '../../../../workers/ocr/tiles.ts';

function page(lines: { text: string; box: OcrBox }[]): PageTree {
  return { blocks: [{ paragraphs: [{ lines: lines.map(({ text, box }) => ({ text: `${text}\n`, confidence: 90, bbox: box, words: text.split(' ').map((word, index) => ({ text: word, confidence: 80 + index, bbox: { ...box, x0: box.x0 + index * 100, x1: box.x0 + index * 100 + 90 } })) })) }] }] };
}

describe('tiles', () => {
  it('covers a tall image with overlapping bands whose owned parts are contiguous', () => {
    const tiles = planTiles(10_000, 2400, 200);
    expect(tiles[0]?.top).toBe(0);
    expect(tiles.at(-1)?.bottom).toBe(10_000);
    for (let index = 1; index < tiles.length; index++) {
      expect(tiles[index]?.top).toBe((tiles[index - 1]?.bottom ?? 0) - 200);
      expect(tiles[index]?.ownTop).toBe(tiles[index - 1]?.ownBottom);
    }
    expect(planTiles(1000, 2400, 200)).toEqual([{ top: 0, bottom: 1000, ownTop: 0, ownBottom: 1000 }]);
  });

  it('keeps each line once, from the band that owns its centre, in original coordinates', () => {
    const tiles = planTiles(4000, 2400, 200); // bands 0-2400 and 2200-4000, split at 2300
    const first = page([
      { text: 'top line', box: { x0: 10, y0: 100, x1: 300, y1: 140 } },
      { text: 'in the overlap', box: { x0: 10, y0: 2250, x1: 300, y1: 2290 } },
      { text: 'cut lin', box: { x0: 10, y0: 2380, x1: 300, y1: 2400 } },
    ]);
    const second = page([
      { text: 'in the overlap', box: { x0: 10, y0: 50, x1: 300, y1: 90 } },
      { text: 'cut line', box: { x0: 10, y0: 180, x1: 300, y1: 220 } },
    ]);
    const merged = mergeTiles([first, second], tiles, 2, 2000, 2000);
    expect(merged.lines.map((line) => line.text)).toEqual(['top line', 'in the overlap', 'cut line']);
    expect(merged.text).toBe('top line\nin the overlap\n\ncut line');
    // Scaled by 2 for recognition: boxes come back halved, the second band shifted by its top.
    expect(merged.lines[2]?.bbox).toEqual({ x0: 5, y0: 1190, x1: 150, y1: 1210 });
    expect(merged.words.map((word) => word.text)).toEqual(['top', 'line', 'in', 'the', 'overlap', 'cut', 'line']);
    expect(merged.confidence).toBeCloseTo((80 + 81 + 80 + 81 + 82 + 80 + 81) / 7, 1);
  });

  it('reports zero confidence and empty text for a page without words', () => {
    expect(mergeTiles([{ blocks: null }], planTiles(100, 100, 0), 1, 100, 100)).toEqual({ text: '', searchableText: '', confidence: 0, words: [], lines: [] });
  });

  it('searches only the words OCR is at least 50 % sure of that hold a letter or digit, in their lines and paragraphs', () => {
    const box = (y: number): OcrBox => ({ x0: 10, y0: y, x1: 300, y1: y + 30 });
    const word = (text: string, confidence: number, y: number) => ({ text, confidence, bbox: box(y) });
    const photo: PageTree = {
      blocks: [
        {
          paragraphs: [
            { lines: [{ text: 'pay me 500 RR', confidence: 70, bbox: box(0), words: [word('pay', 91, 0), word('me', 50, 0), word('500', 88, 0), word('RR', 49.4, 0)] }] },
            { lines: [{ text: 'EE ~ |', confidence: 20, bbox: box(100), words: [word('EE', 12, 100), word('~', 90, 100), word('|', 95, 100)] }] },
            {
              lines: [
                { text: 'passport', confidence: 96, bbox: box(200), words: [word('passport', 96, 200)] },
                { text: 'кредит', confidence: 93, bbox: box(240), words: [word('кредит', 93, 240)] },
              ],
            },
          ],
        },
      ],
    };
    const merged = mergeTiles([photo], planTiles(400, 2400, 0), 1, 400, 400);
    expect(merged.text).toBe('pay me 500 RR\n\nEE ~ |\n\npassport\nкредит');
    expect(merged.searchableText).toBe('pay me 500\n\npassport\nкредит');
    // Every word stays in the result, with its confidence.
    expect(merged.words.map((each) => each.text)).toEqual(['pay', 'me', '500', 'RR', 'EE', '~', '|', 'passport', 'кредит']);
  });
});
