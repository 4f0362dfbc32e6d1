import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Engine } from '../../engine/engine.ts';
import { startLoopbackServer } from '../../engine/loopback/server.ts';
import { actorName } from '../actor.ts';
import { ensureRendererBuilt } from '../renderer-build.ts';

export interface ServeCommandOptions {
  port: number;
  rebuild?: boolean;
  /** Why the UI is served in a browser rather than a desktop window, printed for the user. */
  reason?: string;
}

const SHUTDOWN_GRACE_MS = 5000;

/** Serves the desktop UI on 127.0.0.1 and runs until interrupted. */
export async function runServe(caseDir: string | undefined, options: ServeCommandOptions): Promise<number> {
  const staticRoot = ensureRendererBuilt(options.rebuild === true);
  const engine = new Engine({ mode: 'browser', actor: actorName() });
  if (caseDir !== undefined) await engine.openCase(caseDir, !existsSync(join(caseDir, 'case.sqlite')));
  const server = await startLoopbackServer({ engine, staticRoot, port: options.port });
  if (options.reason !== undefined) process.stdout.write(`${options.reason}\n`);
  process.stdout.write(`Threadline is serving on 127.0.0.1 only. Open this address in a browser on this computer:\n\n  ${server.url}\n\nThe address holds a one-time token; anyone with it can use this session. Press Ctrl+C to stop.\n`);
  await new Promise<void>((resolve) => {
    const stop = (): void => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  process.stderr.write('Stopping...\n');
  // A worker stuck in a long synchronous step must not keep the process alive forever; the case
  // on disk is consistent at any moment (atomic writes), so leaving without the workers is safe.
  const forceExit = setTimeout(() => {
    process.stderr.write('Workers did not stop in time; exiting.\n');
    process.exit(0);
  }, SHUTDOWN_GRACE_MS);
  forceExit.unref();
  await server.close();
  await engine.dispose();
  return 0;
}
