/**
 * Electron IPC channel names, in a module of their own so the preload (which may hold nothing
 * but these names) does not pull in the contract's schemas.
 */
export const IPC_INVOKE_CHANNEL = 'threadline:invoke';
export const IPC_EVENT_CHANNEL = 'threadline:event';
export const IPC_PICK_FILES_CHANNEL = 'threadline:pick-files';
