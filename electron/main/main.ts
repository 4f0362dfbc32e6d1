// Electron main: a thin shell over the engine. Windows, the app:// protocol and validated IPC
// live here; everything that touches evidence lives in engine/ and workers/.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { userInfo } from 'node:os';
import { app, Menu } from 'electron';
import { Engine } from '../../engine/engine.ts';
import { registerAppScheme, serveRenderer } from './app-protocol.ts';
import { registerIpc } from './ipc.ts';
import { createMainWindow, lockDownSession } from './window.ts';

// Built layout (see scripts/build-electron.mjs): build/electron/main.mjs + preload.cjs,
// build/workers/*.worker.mjs, build/renderer/.
const BUILD_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
process.env['THREADLINE_WORKERS_DIR'] ??= join(BUILD_ROOT, 'workers');

app.enableSandbox();
registerAppScheme();

void app.whenReady().then(() => {
  Menu.setApplicationMenu(null);
  lockDownSession();
  serveRenderer(join(BUILD_ROOT, 'renderer'));
  const engine = new Engine({ mode: 'electron', actor: process.env['THREADLINE_EXAMINER'] ?? userInfo().username });
  const window = createMainWindow(join(BUILD_ROOT, 'electron', 'preload.cjs'));
  registerIpc(engine, window);
  app.on('window-all-closed', () => {
    void engine.dispose().finally(() => app.quit());
  });
});

app.on('web-contents-created', (_event, contents) => {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
});
