/**
 * File links of a Telegram HTML page → paths from the page's own folder. The writer links every
 * file from the export root (export_output_html.cpp: Wrap::relativePath is "../" once per folder
 * between the root and the page, then the file's path from the root). A single-chat export's
 * messages.html lies at the root and links "photos/p.jpg"; a full-account export's pages lie in
 * chats/chat_01/ and link the chat's own photo as "../../chats/chat_01/photos/p.jpg", which is the
 * file beside the page, photos/p.jpg.
 */

import { safeRelativePath } from '../import-limits.ts';

/** The folder names of the page's own path ("…/chats/chat_01/messages.html" → […, "chats", "chat_01"]). */
export function pageFoldersOf(pagePath: string): string[] {
  return pagePath.replace(/\\/gu, '/').split('/').slice(0, -1);
}

/**
 * The path from the page's folder of the file a link names, or null when the file lies outside
 * that folder: a link may climb only to come straight back down through the page's own folders.
 */
export function pageFilePath(href: string, pageFolders: readonly string[]): string | null {
  const direct = safeRelativePath(href);
  if (direct !== null) return direct;
  const parts = href.replace(/\\/gu, '/').split('/');
  let climbs = 0;
  while (parts[climbs] === '..') climbs += 1;
  if (climbs === 0 || climbs > pageFolders.length) return null;
  const ownFolders = pageFolders.slice(pageFolders.length - climbs);
  const fromRoot = parts.slice(climbs);
  if (ownFolders.some((name, index) => fromRoot[index] !== name)) return null;
  return safeRelativePath(fromRoot.slice(climbs).join('/'));
}

/** Whether a link names a scheme (`https:`, `tel:`, `mailto:`): an address, not a file of the export. */
export function hasScheme(link: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/iu.test(link);
}
