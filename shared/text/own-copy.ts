/**
 * A flat copy of `text` that shares no memory with the string it was sliced from. A substring in
 * V8 may be a view that keeps its whole parent string alive; strings kept for the length of an
 * import (sender names, statistics) are copied, so the 1 MiB region of a file they were cut from
 * can be collected. (Concatenating flattens into a new string; the slice then points into that.)
 */
export function ownCopy(text: string): string {
  return ` ${text}`.slice(1);
}
