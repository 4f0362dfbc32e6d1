/**
 * tesseract.js 7 reports a failed model load by throwing from its message listener (an uncaught
 * exception in this thread), and after a failed initialisation it also throws a TypeError for
 * the "resolve" that follows the "reject". Uncaught, either kills the whole OCR worker and every
 * job queued on it. While a model loads, this guard turns such exceptions into a failure of that
 * load; for a short while afterwards it swallows the stray follow-ups tesseract.js still sends.
 * Anything else keeps Node's default: the thread dies and the host reports E_WORKER_DIED.
 */
type LoadFailure = (error: unknown) => void;

/** Long enough for the messages already queued by a failed load to be delivered. */
const GRACE_MS = 2000;

const activeLoads = new Set<LoadFailure>();
let graceUntil = 0;
let installed = false;
let uninstallTimer: ReturnType<typeof setTimeout> | null = null;

function onUncaughtException(error: unknown): void {
  if (activeLoads.size > 0) {
    for (const fail of activeLoads) fail(error);
    return;
  }
  if (Date.now() < graceUntil && comesFromTesseract(error)) return;
  uninstall();
  throw error;
}

function comesFromTesseract(error: unknown): boolean {
  return error instanceof Error && (error.stack ?? '').includes('tesseract.js');
}

function install(): void {
  if (uninstallTimer !== null) clearTimeout(uninstallTimer);
  uninstallTimer = null;
  if (installed) return;
  process.on('uncaughtException', onUncaughtException);
  installed = true;
}

function uninstall(): void {
  if (!installed) return;
  process.off('uncaughtException', onUncaughtException);
  installed = false;
}

/**
 * Runs `load` with the guard armed. An exception that escapes while it runs is passed to
 * `onUncaught`, which must make the promise returned by `load` fail.
 */
export async function guardModelLoad<T>(onUncaught: LoadFailure, load: () => Promise<T>): Promise<T> {
  activeLoads.add(onUncaught);
  install();
  try {
    return await load();
  } finally {
    activeLoads.delete(onUncaught);
    graceUntil = Date.now() + GRACE_MS;
    if (activeLoads.size === 0) {
      uninstallTimer = setTimeout(() => {
        if (activeLoads.size === 0) uninstall();
      }, GRACE_MS);
      uninstallTimer.unref();
    }
  }
}
