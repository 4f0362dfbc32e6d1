/**
 * Custom emoji in a Telegram HTML message's text. The exporter writes one as a link to its
 * file (`<a href = "stickers/…">💶</a>`, relative to the export) when it saved the file, and as a
 * link with an onclick and no target when it did not. The text shows only the emoji; the file is
 * kept beside it under the JSON export's names (textEntityFacts: type, text, document_id) and,
 * when the path stays inside the export, as a sticker attachment (once per file).
 */

import type { ParsedAttachment } from '../../../shared/contracts/parsed-source.ts';
import { baseName } from '../import-limits.ts';
import { hasScheme, pageFilePath } from './html-links.ts';
import { findAll } from './html-tree.ts';
import type { HtmlElement } from './html-tree.ts';
import { decodeEntities, textOf } from './html-text.ts';

export interface CustomEmojiFact {
  type: 'custom_emoji';
  text: string;
  /** The file's path exactly as the page writes it. */
  document_id: string;
}

export interface HtmlCustomEmoji {
  facts: CustomEmojiFact[];
  attachments: ParsedAttachment[];
  unsafePaths: string[];
}

export function htmlCustomEmoji(texts: readonly HtmlElement[], pageFolders: readonly string[]): HtmlCustomEmoji {
  const result: HtmlCustomEmoji = { facts: [], attachments: [], unsafePaths: [] };
  const linked = new Set<string>();
  for (const text of texts) {
    // A rich message's text holds its figures' file blocks (html-rich-message.ts): their links are files, read by html-media.ts.
    for (const link of findAll(text, (element) => element.name === 'a', (element) => element.classes.includes('media_wrap'))) {
      const href = decodeEntities(link.attributes['href'] ?? '');
      // No scheme and no fragment: a file of the export (every other link the exporter writes has one).
      if (href === '' || href.startsWith('#') || hasScheme(href)) continue;
      result.facts.push({ type: 'custom_emoji', text: textOf(link), document_id: href });
      const path = pageFilePath(href, pageFolders);
      if (path === null) {
        result.unsafePaths.push(href);
      } else if (!linked.has(path)) {
        linked.add(path);
        result.attachments.push({ kind: 'attached', mediaType: 'sticker', path, fileName: baseName(href) });
      }
    }
  }
  return result;
}
