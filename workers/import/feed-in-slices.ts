/**
 * Characters given to a streaming XML reader (saxes) before the records it made are handed on.
 * Files are read in chunks of a megabyte (~3,000 SMS); holding a whole chunk's records until
 * the chunk was parsed kept them alive through young-generation collections, which then copied
 * them: at a million SMS ~2 s of the import thread went to collecting garbage (ADR 0015).
 */
export const FEED_SLICE_CHARS = 64 * 1024;

/**
 * Feeds `text` a slice at a time, handing the records on after each slice, until `stopped`.
 * A slice may end between the halves of a surrogate pair: saxes carries the first half over.
 */
export async function feedInSlices(text: string, feed: (slice: string) => void, handOn: () => Promise<void>, stopped: () => boolean): Promise<void> {
  for (let at = 0; at < text.length && !stopped(); at += FEED_SLICE_CHARS) {
    feed(text.slice(at, at + FEED_SLICE_CHARS));
    await handOn();
  }
}
