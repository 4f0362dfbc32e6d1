import { describe, expect, it } from 'vitest';
import { parseTsv } from '../../../../workers/ocr/tsv.ts';

// As tesseract.js 7 returns it for two lines read as one block (PSM 6).
const TSV = [
  '1\t1\t0\t0\t0\t0\t0\t0\t900\t200\t-1\t',
  '2\t1\t1\t0\t0\t0\t23\t36\t552\t101\t-1\t',
  '3\t1\t1\t1\t0\t0\t23\t36\t552\t101\t-1\t',
  '4\t1\t1\t1\t1\t0\t23\t36\t525\t24\t-1\t',
  '5\t1\t1\t1\t1\t1\t23\t37\t76\t23\t96.5\tMeet',
  '5\t1\t1\t1\t1\t2\t113\t42\t46\t18\t95.5\tme',
  '4\t1\t1\t1\t2\t0\t23\t106\t552\t31\t-1\t',
  '5\t1\t1\t1\t2\t1\t23\t106\t79\t31\t90\tBring',
  '5\t1\t1\t1\t2\t2\t116\t112\t71\t25\t-1\t ',
  '',
].join('\n');

describe('TSV parsing', () => {
  it('builds blocks, paragraphs, lines and words with boxes and confidences', () => {
    const page = parseTsv(TSV);
    expect(page.blocks).toHaveLength(1);
    const lines = page.blocks?.[0]?.paragraphs[0]?.lines ?? [];
    expect(lines.map((line) => line.text)).toEqual(['Meet me', 'Bring']);
    expect(lines[0]?.bbox).toEqual({ x0: 23, y0: 36, x1: 548, y1: 60 });
    expect(lines[0]?.confidence).toBe(96);
    expect(lines[0]?.words[1]).toEqual({ text: 'me', confidence: 95.5, bbox: { x0: 113, y0: 42, x1: 159, y1: 60 } });
    expect(lines[1]?.words).toHaveLength(1);
  });

  it('returns an empty page for empty output', () => {
    expect(parseTsv('')).toEqual({ blocks: [] });
  });
});
