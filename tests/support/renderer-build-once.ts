import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { buildRendererInto } from '../../cli/renderer-build.ts';

/** How often a test waiting for another file's build looks again, and how long it waits at most. */
const POLL_MS = 200;
const WAIT_MS = 300_000;

export interface BuiltUi {
  /** The folder to serve: read only, it may be shared with the other test files of the run. */
  staticRoot: string;
  /** Removes the folder if it was built for this caller alone. */
  dispose(): void;
}

/**
 * The UI as the source is now, built once for the whole run into the folder the global setup named
 * (tests/support/renderer-build-setup.mjs) and served read-only to every end-to-end test. The first
 * file to ask builds it beside the folder and renames it into place, holding a lock folder, so no
 * test ever serves a half-written build (two tests rebuilding one folder at once once served each
 * other a 404 for a stylesheet being replaced); the others wait for the rename. Run without the
 * global setup, each caller builds a folder of its own, as before.
 */
export async function uiBuiltForRun(): Promise<BuiltUi> {
  const shared = process.env['THREADLINE_TEST_RENDERER_DIR'];
  if (shared === undefined || shared === '') {
    const own = mkdtempSync(join(tmpdir(), 'threadline-ui-build-'));
    buildRendererInto(own);
    return { staticRoot: own, dispose: () => rmSync(own, { recursive: true, force: true }) };
  }
  const built = { staticRoot: shared, dispose: () => undefined };
  const lock = `${shared}.lock`;
  mkdirSync(dirname(shared), { recursive: true });
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    if (existsSync(join(shared, 'index.html'))) return built;
    if (takeLock(lock)) {
      try {
        if (!existsSync(join(shared, 'index.html'))) {
          const partial = `${shared}.tmp-${process.pid}`;
          buildRendererInto(partial);
          renameSync(partial, shared);
        }
      } finally {
        rmSync(lock, { recursive: true, force: true });
      }
      return built;
    }
    if (Date.now() > deadline) throw new Error(`the UI build for this run (${shared}) did not appear within ${WAIT_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** mkdir is atomic: exactly one process creates the lock folder. */
function takeLock(lock: string): boolean {
  try {
    mkdirSync(lock);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}
