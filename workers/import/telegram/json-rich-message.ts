/**
 * A rich message in Telegram JSON (`rich_message{rtl, part, blocks[]}`). For a message with rich
 * content the JSON writer writes `rich_message` *instead of* `text` and `text_entities`
 * (SerializeMessage: `if (message.richMessage) pushBare("rich_message", …) else pushBare("text", …)`),
 * so without this reading its words were in no field but extra. Source: the JSON writer of a
 * tdesktop tree that carries the rich-message export, export_output_json.cpp (SerializeRichMessage,
 * SerializeRichBlock, SerializeRichText, AppendRichDocumentMetadata) as in
 * msc-femboy/gramsrv-tdesktop@21f48cf, and its writer test (rich_message.blocks[0].text.text[1]
 * .document_id, blocks[1].file).
 *
 * Read as the HTML side reads `div.text.rich_message` (html-rich-message.ts): each block of words
 * (paragraph, heading, list item, table cell, quote, caption...) is a line; a photo, video, audio,
 * file or inline image is an attachment (its path, or the `*_skip_reason` the writer put in its
 * place), a map a location. A rich text is a tree: "plain" holds the words, "concat" a list of
 * texts, a formatting type one child text; a "text_link" keeps its href beside its words, as a
 * text_link entity does. The exporter marks what it could not convert (`"type": "unsupported"`
 * blocks, a "diff" text) with `"unsupported": true`; those places are listed so that a message
 * they leave empty is not silently empty. The object itself stays in extra as written, with what
 * is not read into the text: a channel card, an embed's URL, a related article's title and
 * description, a button row, a list item's task state, a diff's earlier words (the HTML side
 * draws the cards as media blocks, not as the sender's words).
 */

import type { ParsedAttachment } from '../../../shared/contracts/parsed-source.ts';
import { documentMediaType, fileAttachment } from './json-media.ts';
import type { MediaResult } from './json-media.ts';
import { isJsonObject } from './json-walker.ts';
import type { JsonObject, JsonValue } from './json-walker.ts';

export interface RichMessageReading {
  text: string;
  attachments: ParsedAttachment[];
  unsafePaths: string[];
  /** Places (JSON pointers inside rich_message) the exporter marked "unsupported": true. */
  unsupported: string[];
}

export function readRichMessage(value: JsonValue | undefined): RichMessageReading | null {
  if (!isJsonObject(value)) return null;
  const reading = new RichReader();
  reading.blocks(value['blocks'], '/blocks');
  return { text: reading.lines.filter((line) => line !== '').join('\n'), attachments: reading.media.attachments, unsafePaths: reading.media.unsafePaths, unsupported: reading.unsupported };
}

class RichReader {
  readonly lines: string[] = [];
  readonly media: MediaResult = { attachments: [], unsafePaths: [] };
  readonly unsupported: string[] = [];

  blocks(value: JsonValue | undefined, place: string): void {
    if (!Array.isArray(value)) return;
    value.forEach((block, index) => this.block(block, `${place}/${index}`));
  }

  private block(block: JsonValue, place: string): void {
    if (!isJsonObject(block)) return;
    if (block['unsupported'] === true) this.unsupported.push(`${place} (${typeof block['source_type'] === 'string' ? block['source_type'] : String(block['type'])})`);
    switch (block['type']) {
      case 'author_date':
        this.line(block['author'], `${place}/author`);
        break;
      case 'list':
        this.listItems(block['items'], `${place}/items`);
        break;
      case 'photo':
        this.file(block, 'photo', 'photo_skip_reason', 'photo_file_size', 'image');
        break;
      case 'video':
      case 'audio':
      case 'file':
        this.file(block, 'file', 'file_skip_reason', 'file_size', documentMediaType(block['media_type']));
        break;
      case 'embed':
        if (block['poster_photo_id'] !== undefined) this.file(block, 'poster_photo', 'poster_photo_skip_reason', 'poster_photo_file_size', 'image');
        break;
      // The photos of an embedded post's author and of related articles are files of the export too.
      case 'embed_post':
        this.file(block, 'author_photo', 'author_photo_skip_reason', 'author_photo_file_size', 'image');
        break;
      case 'related_articles':
        for (const article of Array.isArray(block['articles']) ? block['articles'] : []) {
          if (isJsonObject(article) && article['photo_id'] !== undefined) this.file(article, 'photo', 'photo_skip_reason', 'photo_file_size', 'image');
        }
        break;
      case 'map':
      case 'input_map':
        this.media.attachments.push({ kind: 'attached', mediaType: 'location' });
        break;
      case 'math':
        if (typeof block['formula'] === 'string') this.lines.push(block['formula']);
        break;
      case 'table':
        this.tableRows(block, place);
        break;
      case 'cover':
        this.block(block['block'] ?? null, `${place}/block`);
        break;
      default:
        break;
    }
    // Words, nested blocks and captions, in the order the writer puts them in each kind.
    if (block['type'] !== 'author_date' && block['type'] !== 'table') {
      this.line(block['title'], `${place}/title`);
      this.line(block['text'], `${place}/text`);
    }
    this.blocks(block['blocks'], `${place}/blocks`);
    this.blocks(block['items'] !== undefined && block['type'] !== 'list' ? block['items'] : undefined, `${place}/items`);
    // A media caption is {text, credit} (SerializeRichCaption); a quote's is a rich text.
    if (isJsonObject(block['caption']) && !('type' in block['caption'])) {
      this.line(block['caption']['text'], `${place}/caption/text`);
      this.line(block['caption']['credit'], `${place}/caption/credit`);
    } else {
      this.line(block['caption'], `${place}/caption`);
    }
  }

  private listItems(items: JsonValue | undefined, place: string): void {
    if (!Array.isArray(items)) return;
    items.forEach((item, index) => {
      if (!isJsonObject(item)) return;
      this.line(item['text'], `${place}/${index}/text`);
      this.blocks(item['blocks'], `${place}/${index}/blocks`);
    });
  }

  /** A table's title, then each cell on its line, as the HTML side reads a `td`. */
  private tableRows(table: JsonObject, place: string): void {
    this.line(table['title'], `${place}/title`);
    const rows = Array.isArray(table['rows']) ? table['rows'] : [];
    rows.forEach((row, rowIndex) => {
      const cells = isJsonObject(row) && Array.isArray(row['cells']) ? row['cells'] : [];
      cells.forEach((cell, cellIndex) => {
        if (isJsonObject(cell)) this.line(cell['text'], `${place}/rows/${rowIndex}/cells/${cellIndex}/text`);
      });
    });
  }

  private line(text: JsonValue | undefined, place: string): void {
    if (text === undefined) return;
    this.lines.push(this.text(text, place));
  }

  /** The words of a rich text (SerializeRichText), inline: a text never holds a block. */
  private text(text: JsonValue, place: string): string {
    if (typeof text === 'string') return text;
    if (Array.isArray(text)) return text.map((child, index) => this.text(child, `${place}/${index}`)).join('');
    if (!isJsonObject(text)) return '';
    if (text['unsupported'] === true) this.unsupported.push(`${place} (${String(text['type'])})`);
    switch (text['type']) {
      case 'math':
        return typeof text['source'] === 'string' ? text['source'] : '';
      case 'inline_image':
        this.file(text, 'file', 'file_skip_reason', 'file_size', 'image');
        return '';
      case 'text_link': {
        const shown = this.inner(text, place);
        const href = text['href'];
        if (typeof href !== 'string' || href === '' || href === shown || href.startsWith('#')) return shown;
        return shown === '' ? `(${href})` : `${shown} (${href})`;
      }
      default:
        return this.inner(text, place);
    }
  }

  private inner(text: JsonObject, place: string): string {
    const inner = text['text'];
    return inner === undefined ? '' : this.text(inner, `${place}/text`);
  }

  private file(owner: JsonObject, pathKey: string, reasonKey: string, sizeKey: string, mediaType: ParsedAttachment['mediaType']): void {
    const path = owner[pathKey];
    const reason = owner[reasonKey];
    // A file left out has a skip reason ("file_type", "file_size", "unavailable", "date_limits")
    // in place of its path: an omitted attachment; the reason stays in extra.rich_message.
    const written = typeof path === 'string' ? path : typeof reason === 'string' ? '' : null;
    if (written === null) return;
    const mime = typeof owner['mime_type'] === 'string' ? owner['mime_type'] : undefined;
    const name = typeof owner['file_name'] === 'string' ? owner['file_name'] : undefined;
    this.media.attachments.push(fileAttachment(written, mediaType, owner[sizeKey], mime, name, this.media));
  }
}
