import type { SearchSort, ShardHit } from '../contracts/index-worker.ts';

/** The order of hits for each sort: newest, oldest, or highest score then newest; rowid breaks ties. */
export function compareHits(sort: SearchSort): (a: ShardHit, b: ShardHit) => number {
  const time = (hit: ShardHit, missing: number): number => hit.time ?? missing;
  if (sort === 'oldest') return (a, b) => time(a, Infinity) - time(b, Infinity) || a.rowid - b.rowid;
  if (sort === 'newest') return (a, b) => time(b, -Infinity) - time(a, -Infinity) || b.rowid - a.rowid;
  return (a, b) => b.score - a.score || time(b, -Infinity) - time(a, -Infinity) || b.rowid - a.rowid;
}
