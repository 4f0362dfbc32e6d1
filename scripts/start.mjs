// `npm start`: the desktop app where Electron's binary is installed; otherwise the same UI served
// on 127.0.0.1 for a local browser, saying why. (Offline installs set
// ELECTRON_SKIP_BINARY_DOWNLOAD=1, which leaves the electron package without its binary.)
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

function electronBinary() {
  try {
    const binary = require('electron'); // the package exports the binary's path, or throws without it
    return typeof binary === 'string' && existsSync(binary) ? { binary } : { reason: `the Electron binary is missing at ${binary}` };
  } catch (error) {
    return { reason: `the Electron binary is not installed (${String(error.message ?? error).split('\n')[0]})` };
  }
}

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const electron = process.env.THREADLINE_BROWSER === '1' ? { reason: 'THREADLINE_BROWSER=1 asks for browser mode' } : electronBinary();
const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

if (electron.binary && hasDisplay) {
  run(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn']);
  run(process.execPath, ['scripts/build-electron.mjs']);
  const child = spawn(electron.binary, ['.'], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  const reason = electron.binary ? 'there is no display (DISPLAY is not set)' : electron.reason;
  const message = `Threadline opens in your browser because ${reason}.`;
  const child = spawn(process.execPath, ['bin/threadline.mjs', 'serve', '--rebuild', '--reason', message, ...process.argv.slice(2)], { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
}
