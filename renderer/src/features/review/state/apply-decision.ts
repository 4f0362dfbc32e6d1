import type { ReviewDecision, ReviewItem } from '../../../../../shared/domain/marker.ts';

/** The item as the engine would now return it: the newest decision per indicator counts. */
export function applyDecision(item: ReviewItem, decision: ReviewDecision): ReviewItem {
  switch (decision.decision) {
    case 'confirm':
    case 'dismiss':
      return {
        ...item,
        tags: item.tags.map((tag) => (tag.marker === decision.marker ? { ...tag, decision } : tag)),
        noLongerFound: item.noLongerFound.map((entry) => (entry.decision.marker === decision.marker ? { ...entry, decision } : entry)),
      };
    case 'note':
      return { ...item, notes: [...item.notes, decision] };
    case 'bookmark':
      return { ...item, bookmarked: true };
    case 'unbookmark':
      return { ...item, bookmarked: false };
  }
}

export function firstUndecidedTag(item: ReviewItem | undefined, from = 0): number {
  if (item === undefined) return 0;
  const index = item.tags.findIndex((tag, position) => position >= from && tag.decision === null);
  return index === -1 ? Math.min(from, Math.max(0, item.tags.length - 1)) : index;
}

/** After deciding `marker`, the next indicator of the message still undecided (wrapping), if any. */
export function nextUndecidedTag(item: ReviewItem, marker: string): number | null {
  const at = item.tags.findIndex((tag) => tag.marker === marker);
  for (let step = 1; step < item.tags.length; step++) {
    const index = (at + step) % item.tags.length;
    if (item.tags[index]?.decision === null) return index;
  }
  return null;
}
