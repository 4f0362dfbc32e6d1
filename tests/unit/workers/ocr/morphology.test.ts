import { describe, expect, it } from 'vitest';
import { flattenBackground, greyClosing } from '../../../../workers/ocr/morphology.ts';

function naiveClosing(grey: Uint8Array, width: number, height: number, radius: number): Uint8Array {
  const pass = (source: Uint8Array, isMax: boolean): Uint8Array => {
    const out = new Uint8Array(source.length);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        let value = isMax ? 0 : 255;
        for (let dy = -radius; dy <= radius; dy++) {
          for (let dx = -radius; dx <= radius; dx++) {
            const yy = y + dy;
            const xx = x + dx;
            if (yy < 0 || yy >= height || xx < 0 || xx >= width) continue;
            const pixel = source[yy * width + xx] as number;
            value = isMax ? Math.max(value, pixel) : Math.min(value, pixel);
          }
        }
        out[y * width + x] = value;
      }
    }
    return out;
  };
  return pass(pass(grey, true), false);
}

/** Deterministic pseudo-random bytes so a failure reproduces. */
function noise(length: number, seed: number): Uint8Array {
  let state = seed;
  return Uint8Array.from({ length }, () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % 256;
  });
}

describe('grey morphology', () => {
  it('matches a brute-force closing for many sizes and radii', () => {
    for (let trial = 0; trial < 60; trial++) {
      const width = 1 + (trial % 13);
      const height = 1 + ((trial * 7) % 11);
      const radius = trial % 4;
      const grey = noise(width * height, trial + 1);
      expect(greyClosing(grey, width, height, radius)).toEqual(naiveClosing(grey, width, height, radius));
    }
  });

  it('turns a mid-grey bubble white and keeps the dark text on it dark', () => {
    const width = 60;
    const height = 30;
    const grey = new Uint8Array(width * height).fill(250);
    for (let y = 5; y < 25; y++) grey.fill(140, y * width + 5, y * width + 55); // the bubble
    for (let y = 10; y < 20; y++) grey.fill(10, y * width + 20, y * width + 22); // a stroke
    const flat = flattenBackground(grey, width, height, 3);
    expect(flat[7 * width + 30]).toBe(255);
    expect(flat[15 * width + 21]).toBeLessThan(30);
    expect(flat[2 * width + 2]).toBe(255);
  });
});
