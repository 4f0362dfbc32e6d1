/**
 * A flat copy of `text` that shares no memory with the string it was sliced from. A substring in
 * V8 may be a view that keeps its whole parent string alive; strings kept for the length of an
 * import (sender names, statistics) are copied, so the 1 MiB region of a file they were cut from
 * can be collected. (Concatenating flattens into a new string; the slice then points into that.)
 */
export function ownCopy(text: string): string {
  return text.length < MIN_VIEW_CHARS ? text : ` ${text}`.slice(1);
}

/** ownCopy, null kept. */
export function ownCopyOrNull(text: string | null): string | null {
  return text === null ? null : ownCopy(text);
}

/** V8's shortest substring made as a view (SlicedString::kMinLength): a shorter one is a copy already. */
const MIN_VIEW_CHARS = 13;
