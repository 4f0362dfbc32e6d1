import { dialog, ipcMain } from 'electron';
import type { BrowserWindow, IpcMainInvokeEvent } from 'electron';
import { dispatch } from '../../engine/dispatch.ts';
import type { Engine } from '../../engine/engine.ts';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL, IPC_PICK_FILES_CHANNEL } from '../../shared/ipc/channels.ts';
import { APP_ORIGIN } from './app-protocol.ts';

/** Only our own page, in the window's main frame, may call the engine. */
function isTrustedSender(event: IpcMainInvokeEvent, window: BrowserWindow): boolean {
  const frame = event.senderFrame;
  return frame !== null && event.sender === window.webContents && frame === window.webContents.mainFrame && frame.url.startsWith(`${APP_ORIGIN}/`);
}

export function registerIpc(engine: Engine, window: BrowserWindow): void {
  const handlers = engine.handlers();
  ipcMain.handle(IPC_INVOKE_CHANNEL, async (event, channel: unknown, payload: unknown) => {
    if (!isTrustedSender(event, window)) return { ok: false, error: { code: 'E_UNAUTHORISED', message: 'Untrusted sender', expected: true } };
    // dispatch validates the channel and the payload against the contract's schema.
    return dispatch(handlers, channel, payload);
  });
  ipcMain.handle(IPC_PICK_FILES_CHANNEL, async (event) => {
    if (!isTrustedSender(event, window)) return [];
    const result = await dialog.showOpenDialog(window, { title: 'Import evidence', properties: ['openFile', 'openDirectory', 'multiSelections'] });
    return result.canceled ? [] : result.filePaths;
  });
  engine.on('event', (event) => {
    if (!window.isDestroyed()) window.webContents.send(IPC_EVENT_CHANNEL, event);
  });
}
