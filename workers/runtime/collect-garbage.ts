import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * A full garbage collection of this thread's heap, where the runtime allows asking for one.
 *
 * Why: sql.js keeps the case database in a JavaScript byte array that it replaces with a copy
 * 12.5% larger whenever the file grows, and `export()` makes one more copy. Each old array is
 * garbage at once, but V8 frees an array's memory only when it collects the small object that
 * owns it, and the db worker allocates so little else that collections come late: at a million
 * messages, stale copies of the database added 300-400 MB to the peak. Collecting once per
 * growth step costs a few milliseconds (the worker's own heap is a few megabytes).
 *
 * `--expose-gc` set at run time gives new contexts a `gc` function (the same as the command-line
 * flag, which a worker thread cannot be given). Should that ever stop working, this does nothing
 * and memory is as it was.
 */
let collect: (() => void) | null | undefined;

export function collectGarbage(): void {
  if (collect === undefined) collect = exposedGc();
  collect?.();
}

function exposedGc(): (() => void) | null {
  try {
    setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('gc');
    return typeof gc === 'function' ? (gc as () => void) : null;
  } catch {
    return null;
  }
}
