/**
 * The files of a Telegram Desktop HTML export that are not sources of their own, reported as
 * companions of the export (as a -wal file or signal-export's pages are), never as files of no
 * known format or as sources with nothing in them. Read from the writer, export_output_html.cpp
 * (HtmlWriter::start, writePreparedPersonal, writeSections, writeDialogsStart, writeSavedContacts,
 * writeSessions...) and export_output_html_and_json.cpp, telegramdesktop/tdesktop:
 *
 * - export_results.html, the root page of a full-account export: pushHeader("Exported Data") with
 *   no link back, `div.page_body` holding `div.personal_info` (the account holder's names, phone,
 *   username) and `div.sections` (links to the lists). No message.
 * - lists/chats.html, lists/contacts.html, lists/frequent.html, lists/sessions.html,
 *   lists/web_sessions.html, lists/profile_pictures.html, lists/stories.html: a header linking back
 *   to "../export_results.html" (pushHeader(label, mainFileRelativePath()), relative to lists/) and
 *   `div.page_body.list_page`. No message; the chats are read from their own pages.
 * - The HTML pages of a chat when the same export also wrote result.json: the "HTML and JSON"
 *   format (HtmlAndJsonWriter) runs the HTML and the JSON writers with the same settings, so one
 *   folder holds both copies of every chat: result.json beside messages.html (one chat), or at the
 *   root above chats/chat_NN/ (full account; a forum's topic one folder deeper). Read both, every
 *   message was imported twice. The chat is imported from result.json (ids, Unix times, user ids);
 *   its pages are named, with the reason.
 *
 * Decided by content: a file is a companion only when its own bytes are the writer's page of that
 * kind and, for a chat page, a result.json that sniffs as Telegram's lies where the writer puts it.
 */

import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { sniffTelegramJson } from './json-sniff.ts';
import { sniffTelegramHtml, SNIFF_BYTES } from './html-sniff.ts';

export interface TelegramExportCompanion {
  /** The source the file belongs to: result.json, or the export's folder for its overview pages. */
  companionOf: string;
  reason: string;
}

const HTML_START = /^\s*(?:<!doctype html|<html)/iu;
const EXPORT_SKELETON = 'class="page_wrap"';
const ROOT_BODY = /<div class="page_body">[\s\S]*?<div class="(?:personal_info|sections)/u;
const LIST_PAGE = /<a class="content block_link" href="\.\.\/export_results\.html"[\s\S]*?<div class="page_body list_page">/u;
/** The folder a full-account export writes a chat into (Data::DialogInfo relativePath "chats/chat_NN/"). */
const CHAT_FOLDER = /^chat_\d+$/u;
const TOPIC_FOLDER = /^topic_\d+$/u;
const RESULT_JSON = 'result.json';

/**
 * `head`: the first bytes of the file at `path`; `importedWith`: the other files of the import
 * that may be companions' owners (a chat page is result.json's only when that result.json is
 * imported too: importing one chat's folder of such an export imports its pages). Null when it is
 * not such a companion.
 */
export function telegramExportCompanion(path: string, head: Uint8Array, importedWith: readonly string[] = []): TelegramExportCompanion | null {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(head.subarray(0, SNIFF_BYTES));
  if (!HTML_START.test(text) || !text.includes(EXPORT_SKELETON)) return null;
  const folder = dirname(path);
  if (sniffTelegramHtml(head)) {
    const json = exportJsonOf(folder, new Set(importedWith.map((other) => resolve(other))));
    if (json === null) return null;
    return { companionOf: RESULT_JSON, reason: `a Telegram Desktop HTML page of a chat the same export also wrote in ${json.shown} (export format "HTML and JSON": the same messages): the chat is imported from ${RESULT_JSON}` };
  }
  if (isExportRootPage(text)) {
    return { companionOf: basename(folder), reason: 'the overview page of a Telegram Desktop full-account export (the account holder\'s personal information and links to its lists); not messages: the chats are imported from their pages in chats/' };
  }
  if (LIST_PAGE.test(text)) {
    return { companionOf: basename(dirname(folder)), reason: `a list page of a Telegram Desktop full-account export (${basename(folder)}/${basename(path)}: entries linking to the export's chats or account data); not messages: the chats are imported from their pages in chats/` };
  }
  return null;
}

/** Whether `text` (the head of a file) is the writer's export_results.html: its skeleton, page_body, and personal_info or sections. */
export function isExportRootPage(text: string): boolean {
  return HTML_START.test(text) && text.includes(EXPORT_SKELETON) && !text.includes('class="history"') && ROOT_BODY.test(text);
}

/** The result.json the same export wrote for a chat page in `folder`, when it is imported too, or null. */
function exportJsonOf(folder: string, imported: ReadonlySet<string>): { shown: string } | null {
  const isImportedJson = (path: string): boolean => imported.has(resolve(path)) && isTelegramJson(path);
  if (isImportedJson(join(folder, RESULT_JSON))) return { shown: RESULT_JSON };
  const names = folder.replace(/\\/gu, '/').split('/');
  const own = names.at(-1) ?? '';
  const parent = names.at(-2) ?? '';
  // chats/chat_NN/ (two folders below the root), or chats/chat_NN/topic_NN/ (three).
  const depth = CHAT_FOLDER.test(own) && parent === 'chats' ? 2 : TOPIC_FOLDER.test(own) && CHAT_FOLDER.test(parent) && names.at(-3) === 'chats' ? 3 : 0;
  if (depth === 0) return null;
  let root = folder;
  for (let level = 0; level < depth; level += 1) root = dirname(root);
  return isImportedJson(join(root, RESULT_JSON)) ? { shown: `${'../'.repeat(depth)}${RESULT_JSON}` } : null;
}

function isTelegramJson(path: string): boolean {
  // One that cannot be looked at or opened is not known to be there: the page is then read as a
  // source (detection must never throw for a file beside the one asked about).
  try {
    if (!existsSync(path) || !statSync(path).isFile()) return false;
    const fd = openSync(path, 'r');
    try {
      const buffer = new Uint8Array(SNIFF_BYTES);
      return sniffTelegramJson(buffer.subarray(0, readSync(fd, buffer, 0, SNIFF_BYTES, 0)));
    } finally {
      closeSync(fd);
    }
  } catch {
    return false;
  }
}
