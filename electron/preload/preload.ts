// The whole preload: a sandboxed bridge that exposes three allowlisted channels and nothing
// else. No generic ipcRenderer passthrough; the renderer cannot name a channel of its own.
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import type { IpcRendererEvent } from 'electron';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL, IPC_PICK_FILES_CHANNEL } from '../../shared/ipc/channels.ts';

contextBridge.exposeInMainWorld('threadline', {
  invoke: (channel: string, request: unknown): Promise<unknown> => ipcRenderer.invoke(IPC_INVOKE_CHANNEL, channel, request),
  onEvent: (listener: (event: unknown) => void): (() => void) => {
    const wrapped = (_event: IpcRendererEvent, payload: unknown): void => listener(payload);
    ipcRenderer.on(IPC_EVENT_CHANNEL, wrapped);
    return () => ipcRenderer.removeListener(IPC_EVENT_CHANNEL, wrapped);
  },
  pathForFile: (file: File): string => webUtils.getPathForFile(file),
  pickFiles: (): Promise<string[]> => ipcRenderer.invoke(IPC_PICK_FILES_CHANNEL),
});
