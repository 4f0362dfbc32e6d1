import { describe, expect, it } from 'vitest';
import { estimateTextHeight, meanLuminance, toGrey } from '../../../../workers/ocr/image-analysis.ts';
import { encodePnm } from '../../../../workers/ocr/pnm.ts';

/** A white image with `lines` bands of vertical strokes (text-like rows) of the given height. */
function striped(width: number, height: number, lines: { top: number; height: number }[]): Uint8Array {
  const grey = new Uint8Array(width * height).fill(255);
  for (const line of lines) {
    for (let y = line.top; y < line.top + line.height; y++) {
      for (let x = 10; x < width - 10; x += 6) grey.fill(0, y * width + x, y * width + x + 2);
    }
  }
  return grey;
}

describe('image analysis', () => {
  it('measures the typical height of text rows', () => {
    const grey = striped(300, 200, [{ top: 10, height: 12 }, { top: 40, height: 12 }, { top: 80, height: 30 }, { top: 130, height: 12 }]);
    expect(estimateTextHeight(grey, 300, 200)).toBe(12);
  });

  it('does not take a plain coloured block (a chat bubble) for text', () => {
    const width = 300;
    const grey = new Uint8Array(width * 100).fill(255);
    for (let y = 20; y < 80; y++) grey.fill(120, y * width + 50, y * width + 250);
    expect(estimateTextHeight(grey, width, 100)).toBeNull();
  });

  it('computes luminance from RGB with Rec. 601 weights', () => {
    expect([...toGrey(Uint8Array.from([255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 255]), 3)]).toEqual([76, 149, 29, 255]);
    expect(meanLuminance(Uint8Array.from([0, 255]))).toBe(127.5);
  });

  it('puts pixel data of a PNM beyond the 500 bytes tesseract.js scans for an EXIF tag', () => {
    const pnm = encodePnm(Uint8Array.from([1, 18, 0, 3]), 2, 2, 1);
    const text = new TextDecoder('latin1').decode(pnm.subarray(0, pnm.length - 4));
    expect(text.startsWith('P5\n#')).toBe(true);
    expect(text.endsWith('\n2 2\n255\n')).toBe(true);
    expect(pnm.length - 4).toBeGreaterThan(500);
    expect([...pnm.subarray(pnm.length - 4)]).toEqual([1, 18, 0, 3]);
  });
});
