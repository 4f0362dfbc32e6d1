import { formatCount } from '../text/count-text.ts';

/**
 * What looking for indicators again says of the analysts' decisions on indicators the packs no
 * longer find (the app's task summary and the CLI alike): kept on record, and where to see them.
 */
export function decisionsNoLongerFoundText(count: number): string {
  return `${formatCount(count, 'decision')} ${count === 1 ? 'is' : 'are'} on indicators the marker packs no longer find: kept, shown apart in the review, and marked in an evidence package`;
}
