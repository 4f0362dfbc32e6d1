/**
 * The files signal-export writes beside its chat files that are not sources of their own: in
 * each chat folder index.html (the chat as HTML pages) and data.json (the same messages as JSON
 * lines), and at the export's root style.css and chat.js (the pages' style and script). They are
 * reported as companions of the export, like a -wal file or wa.db, never offered as sources.
 * A file is one only when its content fits its name and the chat file it belongs to is there
 * and sniffs as signal-export: an index.html from anywhere else is still looked at as a source.
 */

import { closeSync, existsSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { sniffSignalExport } from './sniff.ts';

/** The chat file signal-export writes in each chat folder (main.py: dest / name / "chat.md"). */
const CHAT_FILE = 'chat.md';
const SNIFF_BYTES = 64 * 1024;
/** Chat folders looked into when deciding whether a folder is a signal-export root. */
const MAX_CHAT_FOLDERS_LOOKED_AT = 50;

const HTML_START = /^\s*(?:<!doctype html|<html)/iu;
/** data.json: one JSON object per message (models.Message.dict_str), starting with its date and sender. */
const JSON_LINE_START = /^\s*\{"date": "\d{4}-\d{2}-\d{2}T[^"]*", "sender": /u;

export interface SignalCompanion {
  /** The chat file (or, for the export's own assets, the export folder) the file belongs to. */
  companionOf: string;
  reason: string;
}

/** `head`: the first bytes of the file at `path`. Null when the file is not a signal-export companion. */
export function signalExportCompanion(path: string, head: Uint8Array): SignalCompanion | null {
  const name = basename(path);
  const folder = dirname(path);
  const text = new TextDecoder('utf-8', { fatal: false }).decode(head);
  if (name === 'index.html' && HTML_START.test(text) && isSignalChat(join(folder, CHAT_FILE))) {
    const chat = `${basename(folder)}/${CHAT_FILE}`;
    return { companionOf: chat, reason: `signal-export's HTML pages of the chat in ${chat} (the same messages): the chat is imported from ${CHAT_FILE}` };
  }
  if (name === 'data.json' && JSON_LINE_START.test(text) && isSignalChat(join(folder, CHAT_FILE))) {
    const chat = `${basename(folder)}/${CHAT_FILE}`;
    return { companionOf: chat, reason: `signal-export's JSON copy of the messages in ${chat}: the chat is imported from ${CHAT_FILE}` };
  }
  if ((name === 'style.css' || name === 'chat.js') && !text.includes('\u0000')) {
    const chat = firstSignalChatBelow(folder);
    if (chat !== null) {
      const what = name === 'style.css' ? 'stylesheet' : 'script';
      return { companionOf: basename(folder), reason: `the ${what} of signal-export's HTML pages in ${basename(folder)} (a chat of it: ${chat}); not messages` };
    }
  }
  return null;
}

function isSignalChat(path: string): boolean {
  if (!existsSync(path) || !statSync(path).isFile()) return false;
  return sniffSignalExport(readHead(path));
}

/** "<chat folder>/chat.md" of the first chat folder right below `folder` whose chat file is signal-export's, or null. */
function firstSignalChatBelow(folder: string): string | null {
  const folders = readdirSync(folder, { withFileTypes: true }).filter((entry) => entry.isDirectory()).slice(0, MAX_CHAT_FOLDERS_LOOKED_AT);
  const found = folders.find((entry) => isSignalChat(join(folder, entry.name, CHAT_FILE)));
  return found === undefined ? null : `${found.name}/${CHAT_FILE}`;
}

function readHead(path: string): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const buffer = new Uint8Array(SNIFF_BYTES);
    return buffer.subarray(0, readSync(fd, buffer, 0, SNIFF_BYTES, 0));
  } finally {
    closeSync(fd);
  }
}
