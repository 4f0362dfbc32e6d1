/**
 * The files signal-export writes beside its chat files that are not sources of their own: in
 * each chat folder index.html (the chat as HTML pages) and data.json (the same messages as JSON
 * lines), and at the export's root style.css and chat.js (the pages' style and script). They are
 * reported as companions of the export, like a -wal file or wa.db, never offered as sources.
 * A file is one only when its content fits its name and the chat file it belongs to is there
 * and sniffs as signal-export: an index.html from anywhere else is still looked at as a source.
 *
 * Files are reached through the ParserInput's nearby files (file-input.ts: read-only, symbolic
 * links not followed, only a bounded head read), never by listing folders here. A folder that
 * could not be looked at whole is said in the reason when no chat file was found because of it;
 * it never makes detection fail.
 */

import type { NearbyFile, NearbyGap, ParserInput } from '../../../shared/contracts/parsed-source.ts';
import { fileInSubfolders } from '../file-input.ts';
import { baseName } from '../import-limits.ts';
import { sniffSignalExport } from './sniff.ts';

/** The chat file signal-export writes in each chat folder (main.py: dest / name / "chat.md"). */
const CHAT_FILE = 'chat.md';
const SNIFF_BYTES = 64 * 1024;
/** Chat folders looked into when deciding whether a folder is a signal-export root. */
export const MAX_CHAT_FOLDERS_LOOKED_AT = 50;

const HTML_START = /^\s*(?:<!doctype html|<html)/iu;
/** data.json: one JSON object per message (models.Message.dict_str), starting with its date and sender. */
const JSON_LINE_START = /^\s*\{"date": "\d{4}-\d{2}-\d{2}T[^"]*", "sender": /u;

export interface SignalCompanion {
  /** The chat file (or, for the export's own assets, the export folder) the file belongs to; absent when it could not be told. */
  companionOf?: string;
  reason: string;
}

/**
 * `input`: the file (its nearby files are its folder's), `head`: its first bytes. Null when the
 * file is not a signal-export companion; without `companionOf` when it has a companion's content
 * but its chat file could not be looked for because a folder could not be looked at whole.
 */
export async function signalExportCompanion(input: ParserInput, head: Uint8Array): Promise<SignalCompanion | null> {
  const segments = input.path.replaceAll('\\', '/').split('/');
  const name = segments[segments.length - 1] ?? '';
  const folder = segments[segments.length - 2] ?? '';
  const text = new TextDecoder('utf-8', { fatal: false }).decode(head);
  const chat = `${folder}/${CHAT_FILE}`;
  if ((name === 'index.html' && HTML_START.test(text)) || (name === 'data.json' && JSON_LINE_START.test(text))) {
    const what = name === 'index.html' ? `signal-export's HTML pages of the chat in ${chat} (the same messages)` : `signal-export's JSON copy of the messages in ${chat}`;
    const found = await chatBeside(input);
    if (found.isChat) return { companionOf: chat, reason: `${what}: the chat is imported from ${CHAT_FILE}` };
    return found.gap === null ? null : { reason: `the content of ${what}, but ${CHAT_FILE} beside it could not be looked at (${found.gap}), so it is not known to be one; it was not imported` };
  }
  if ((name === 'style.css' || name === 'chat.js') && !text.includes('\u0000')) {
    const what = name === 'style.css' ? 'stylesheet' : 'script';
    const below = await firstSignalChatBelow(input.path.slice(0, input.path.length - name.length - 1));
    if (below.chat !== null) return { companionOf: folder, reason: `the ${what} of signal-export's HTML pages in ${folder} (a chat of it: ${below.chat}); not messages` };
    return below.gap === null ? null : { reason: `possibly the ${what} of signal-export's HTML pages, but the chat folders below ${folder} could not all be looked at (${below.gap}), and none looked at holds a signal-export ${CHAT_FILE}; it was not imported` };
  }
  return null;
}

/**
 * Whether chat.md beside `input` is signal-export's: looked for among its nearby files, or, when
 * its folder was not looked at whole, reached by its name (a folder that cannot be listed may
 * still let a file be opened). `gap` says why it may not have been seen.
 */
async function chatBeside(input: ParserInput): Promise<{ isChat: boolean; gap: string | null }> {
  const beside = (await input.nearby()).find((file) => file.relation === 'same-folder' && baseName(file.input.displayName) === CHAT_FILE);
  if (beside !== undefined) return { isChat: await isSignalChat(beside), gap: null };
  const gap = describeGaps(await input.nearbyUnlisted());
  if (gap === null) return { isChat: false, gap: null };
  try {
    const bytes = await input.companion(CHAT_FILE);
    // Read by its name, it was looked at: whether it is signal-export's is then known, not in doubt.
    return bytes === null ? { isChat: false, gap } : { isChat: sniffSignalExport(bytes.subarray(0, SNIFF_BYTES)), gap: null };
  } catch (error) {
    return { isChat: false, gap: `${gap}; ${CHAT_FILE} could not be read (${error instanceof Error ? error.message : String(error)})` };
  }
}

/** "<chat folder>/chat.md" of the first chat folder right below `root` whose chat file is signal-export's, or null, and why some were not looked at. */
async function firstSignalChatBelow(root: string): Promise<{ chat: string | null; gap: string | null }> {
  const listing = fileInSubfolders(root, CHAT_FILE, MAX_CHAT_FOLDERS_LOOKED_AT);
  for (const file of listing.files) {
    if (await isSignalChat(file)) {
      const segments = file.input.path.replaceAll('\\', '/').split('/');
      return { chat: `${segments[segments.length - 2] ?? ''}/${CHAT_FILE}`, gap: null };
    }
  }
  return { chat: null, gap: describeGaps(listing.unlisted) };
}

async function isSignalChat(file: NearbyFile): Promise<boolean> {
  try {
    return sniffSignalExport(await file.head(SNIFF_BYTES));
  } catch {
    // A chat file that cannot be read is not known to be signal-export's.
    return false;
  }
}

function describeGaps(gaps: readonly NearbyGap[]): string | null {
  const beside = gaps.filter((gap) => gap.relation === 'same-folder');
  return beside.length === 0 ? null : beside.map((gap) => `${gap.folder}: ${gap.reason}`).join('; ');
}
