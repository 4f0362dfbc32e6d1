import type { SearchSort, ShardHit } from '../../shared/contracts/index-worker.ts';
import { compareHits } from '../../shared/search/hit-order.ts';

/**
 * The best `limit` hits seen so far. Most candidates of a big result set are worse than the
 * current last place, so the check against it uses plain numbers and allocates nothing.
 */
export class TopHits {
  readonly hits: ShardHit[] = [];
  private readonly compare: (a: ShardHit, b: ShardHit) => number;

  constructor(
    private readonly limit: number,
    private readonly sort: SearchSort,
  ) {
    this.compare = compareHits(sort);
  }

  offer(rowid: number, time: number, score: number): void {
    if (this.limit <= 0) return;
    const hits = this.hits;
    if (hits.length >= this.limit && !this.beatsLast(rowid, time, score)) return;
    const hit: ShardHit = { rowid, time: Number.isNaN(time) ? null : time, score };
    let low = 0;
    let high = hits.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.compare(hits[middle] as ShardHit, hit) <= 0) low = middle + 1;
      else high = middle;
    }
    hits.splice(low, 0, hit);
    if (hits.length > this.limit) hits.pop();
  }

  private beatsLast(rowid: number, time: number, score: number): boolean {
    const last = this.hits[this.hits.length - 1] as ShardHit;
    const lastTime = last.time;
    if (this.sort === 'oldest') {
      const mine = Number.isNaN(time) ? Infinity : time;
      const theirs = lastTime ?? Infinity;
      return mine < theirs || (mine === theirs && rowid < last.rowid);
    }
    if (this.sort === 'relevance' && score !== last.score) return score > last.score;
    const mine = Number.isNaN(time) ? -Infinity : time;
    const theirs = lastTime ?? -Infinity;
    return mine > theirs || (mine === theirs && rowid > last.rowid);
  }
}
