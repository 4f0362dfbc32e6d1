/**
 * Cheap measurements on a grey image that decide which preprocessing steps apply. Pure
 * functions over 8-bit pixel rows, so they are unit-tested without images on disk.
 */

/** A step between neighbouring pixels this large is the edge of a glyph stroke. */
const EDGE_STEP = 48;
/** A row crossing text has several strokes; a row crossing only a bubble's border has ~2-4. */
const MIN_EDGES_PER_TEXT_ROW = 6;
/** Runs shorter than this are underlines, separators or noise, not lines of text. */
const MIN_TEXT_RUN = 5;

export function toGrey(pixels: Uint8Array, channels: 1 | 3): Uint8Array {
  if (channels === 1) return pixels;
  const grey = new Uint8Array(pixels.length / 3);
  for (let index = 0, source = 0; index < grey.length; index++, source += 3) {
    // Rec. 601 luma in integer arithmetic.
    grey[index] = (299 * (pixels[source] ?? 0) + 587 * (pixels[source + 1] ?? 0) + 114 * (pixels[source + 2] ?? 0)) / 1000;
  }
  return grey;
}

/** Every few pixels are enough for a mean over millions; a prime step avoids aliasing with rows. */
const LUMINANCE_SAMPLE_STEP = 7;

export function meanLuminance(grey: Uint8Array): number {
  let sum = 0;
  let count = 0;
  const step = grey.length > 10_000 ? LUMINANCE_SAMPLE_STEP : 1;
  for (let index = 0; index < grey.length; index += step, count++) sum += grey[index] as number;
  return count === 0 ? 255 : sum / count;
}

/**
 * The typical height in pixels of a line of text (ascender to descender), or null when no text
 * rows are found. Rows that cross text show many sharp light/dark steps; consecutive such rows
 * form a text line, and the median run length is the text height. Colour fills (chat bubbles,
 * bars) have steps only at their borders, so they do not count.
 */
export function estimateTextHeight(grey: Uint8Array, width: number, height: number): number | null {
  const runs: number[] = [];
  let run = 0;
  for (let y = 0; y < height; y++) {
    let edges = 0;
    const row = y * width;
    for (let x = 1; x < width; x++) {
      const step = (grey[row + x] ?? 0) - (grey[row + x - 1] ?? 0);
      if (step > EDGE_STEP || step < -EDGE_STEP) edges++;
    }
    if (edges >= MIN_EDGES_PER_TEXT_ROW) {
      run++;
    } else {
      if (run >= MIN_TEXT_RUN) runs.push(run);
      run = 0;
    }
  }
  if (run >= MIN_TEXT_RUN) runs.push(run);
  if (runs.length === 0) return null;
  runs.sort((a, b) => a - b);
  return runs[Math.floor(runs.length / 2)] ?? null;
}
