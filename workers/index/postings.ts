/**
 * Operations on posting lists: ascending Int32Arrays of document positions. Intersections
 * gallop through the longer list, so a rare term AND a frequent term costs about
 * |rare| * log |frequent|, not the size of both.
 */
export function intersect(a: Int32Array, b: Int32Array): Int32Array {
  const [small, large] = a.length <= b.length ? [a, b] : [b, a];
  const out = new Int32Array(small.length);
  let count = 0;
  let low = 0;
  for (let i = 0; i < small.length && low < large.length; i++) {
    const value = small[i] as number;
    // Gallop: double the step until we pass value, then binary search in the last step.
    let step = 1;
    let high = low;
    while (high < large.length && (large[high] as number) < value) {
      low = high + 1;
      high += step;
      step *= 2;
    }
    if (high >= large.length) high = large.length - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      if ((large[middle] as number) < value) low = middle + 1;
      else high = middle - 1;
    }
    if (low < large.length && large[low] === value) out[count++] = value;
  }
  return out.subarray(0, count);
}

/** Elements of `a` not in `b`. */
export function subtract(a: Int32Array, b: Int32Array): Int32Array {
  const out = new Int32Array(a.length);
  let count = 0;
  let j = 0;
  for (let i = 0; i < a.length; i++) {
    const value = a[i] as number;
    while (j < b.length && (b[j] as number) < value) j++;
    if (j >= b.length || b[j] !== value) out[count++] = value;
  }
  return out.subarray(0, count);
}

/** Sorted union without duplicates. */
export function union(lists: Int32Array[]): Int32Array {
  const nonEmpty = lists.filter((list) => list.length > 0);
  if (nonEmpty.length === 0) return new Int32Array(0);
  if (nonEmpty.length === 1) return nonEmpty[0] as Int32Array;
  const total = nonEmpty.reduce((sum, list) => sum + list.length, 0);
  const merged = new Int32Array(total);
  let offset = 0;
  for (const list of nonEmpty) {
    merged.set(list, offset);
    offset += list.length;
  }
  merged.sort();
  let count = 0;
  for (let i = 0; i < merged.length; i++) if (i === 0 || merged[i] !== merged[i - 1]) merged[count++] = merged[i] as number;
  return merged.subarray(0, count);
}

export function allPositions(count: number): Int32Array {
  const all = new Int32Array(count);
  for (let i = 0; i < count; i++) all[i] = i;
  return all;
}
