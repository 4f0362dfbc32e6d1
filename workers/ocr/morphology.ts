/**
 * Grey-level morphology on 8-bit images, for flattening the background of dark-theme
 * screenshots (see flattenBackground). Separable square windows, computed with the van Herk /
 * Gil-Werman algorithm: three comparisons per pixel per pass whatever the window size.
 */

/**
 * Max (isMax) or min over windows of 2·radius+1 pixels along each row. Per block of `window`
 * pixels, a running extreme from the block's start (prefix) and from its end (suffix); the
 * window at x is then the extreme of suffix[x - radius] and prefix[x + radius].
 */
function filterRows(source: Uint8Array, width: number, height: number, radius: number, isMax: boolean): Uint8Array {
  const window = 2 * radius + 1;
  const padded = width + 2 * radius;
  const neutral = isMax ? 0 : 255;
  const line = new Uint8Array(padded).fill(neutral);
  const prefix = new Uint8Array(padded);
  const suffix = new Uint8Array(padded);
  const target = new Uint8Array(source.length);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    line.set(source.subarray(row, row + width), radius);
    for (let index = 0; index < padded; index++) {
      const value = line[index] as number;
      if (index % window === 0) prefix[index] = value;
      else {
        const previous = prefix[index - 1] as number;
        prefix[index] = isMax === previous > value ? previous : value;
      }
    }
    for (let index = padded - 1; index >= 0; index--) {
      const value = line[index] as number;
      if (index === padded - 1 || (index + 1) % window === 0) suffix[index] = value;
      else {
        const next = suffix[index + 1] as number;
        suffix[index] = isMax === next > value ? next : value;
      }
    }
    for (let x = 0; x < width; x++) {
      const left = suffix[x] as number;
      const right = prefix[x + 2 * radius] as number;
      target[row + x] = isMax === left > right ? left : right;
    }
  }
  return target;
}

/**
 * The same along columns, with whole rows as the unit so memory is read in order: prefix and
 * suffix become images, combined row against row.
 */
function filterColumns(source: Uint8Array, width: number, height: number, radius: number, isMax: boolean): Uint8Array {
  const window = 2 * radius + 1;
  const padded = height + 2 * radius;
  const neutral = isMax ? 0 : 255;
  const rowOf = (index: number): Uint8Array | null => {
    const y = index - radius;
    return y < 0 || y >= height ? null : source.subarray(y * width, (y + 1) * width);
  };
  const prefix = new Uint8Array(padded * width);
  const suffix = new Uint8Array(padded * width);
  const combine = (into: Uint8Array, at: number, other: number, row: Uint8Array | null): void => {
    for (let x = 0; x < width; x++) {
      const value = row === null ? neutral : (row[x] as number);
      const kept = into[other + x] as number;
      into[at + x] = isMax === kept > value ? kept : value;
    }
  };
  for (let index = 0; index < padded; index++) {
    const row = rowOf(index);
    if (index % window === 0) {
      if (row === null) prefix.fill(neutral, index * width, (index + 1) * width);
      else prefix.set(row, index * width);
    } else combine(prefix, index * width, (index - 1) * width, row);
  }
  for (let index = padded - 1; index >= 0; index--) {
    const row = rowOf(index);
    if (index === padded - 1 || (index + 1) % window === 0) {
      if (row === null) suffix.fill(neutral, index * width, (index + 1) * width);
      else suffix.set(row, index * width);
    } else combine(suffix, index * width, (index + 1) * width, row);
  }
  const target = new Uint8Array(source.length);
  for (let y = 0; y < height; y++) {
    const left = y * width;
    const right = (y + 2 * radius) * width;
    const row = y * width;
    for (let x = 0; x < width; x++) {
      const a = suffix[left + x] as number;
      const b = prefix[right + x] as number;
      target[row + x] = isMax === a > b ? a : b;
    }
  }
  return target;
}

function filterSquare(source: Uint8Array, width: number, height: number, radius: number, isMax: boolean): Uint8Array {
  return filterColumns(filterRows(source, width, height, radius, isMax), width, height, radius, isMax);
}

/**
 * Morphological closing (max, then min): removes dark strokes thinner than the window and keeps
 * light areas, with their edges, where they are. On dark text over coloured bubbles it leaves
 * the bubbles without the text: an estimate of the local background.
 */
export function greyClosing(grey: Uint8Array, width: number, height: number, radius: number): Uint8Array {
  return filterSquare(filterSquare(grey, width, height, radius, true), width, height, radius, false);
}

/**
 * Divides each pixel by its local background, so every bubble becomes white paper while dark
 * text keeps its darkness relative to its own bubble. Returns a new image.
 */
export function flattenBackground(grey: Uint8Array, width: number, height: number, radius: number): Uint8Array {
  const background = greyClosing(grey, width, height, radius);
  const flat = new Uint8Array(grey.length);
  for (let index = 0; index < grey.length; index++) {
    const base = background[index] as number;
    const value = ((grey[index] as number) * 255) / (base === 0 ? 1 : base);
    flat[index] = value > 255 ? 255 : value;
  }
  return flat;
}
