/**
 * The text of a rich message: `div.text.rich_message`, which newer Telegram Desktop exports write
 * for a message made of blocks (export_output_html.cpp, RichHtmlRenderer::renderMessage). Its
 * paragraphs, headings, list items, quotes, table cells and the like are elements that
 * HtmlContext::pushTag writes with a newline and the nesting's indentation before and after each
 * tag, unless the tag is marked inline (links, bold, code, the list item's content...). The
 * sender's text never holds a raw newline: SerializeString writes each one as `<br>`. So in a rich
 * message every raw line break is the writer's block boundary, and it is read as one line break;
 * read as an ordinary message's layout (a space) the blocks ran together into one line.
 * A figure's media block is left out of the text: its file is an attachment and its words are
 * the writer's (html-media.ts keeps them in extra.media); a caption (figcaption) is the message's.
 * An ordinary `div.text` (FormatText) has no such layout: it stays with textOf.
 */

import { decodeEntities, LAYOUT_BREAK, linkedText } from './html-text.ts';
import type { HtmlElement, HtmlNode } from './html-tree.ts';

/** Where a block of the writer's layout begins or ends. */
const BOUNDARY = null;
type Piece = string | typeof BOUNDARY;

export function isRichMessage(element: HtmlElement): boolean {
  return element.classes.includes('rich_message');
}

export function richMessageText(element: HtmlElement): string {
  return joinPieces(collect(element, []));
}

function collect(node: HtmlNode, pieces: Piece[]): Piece[] {
  if (typeof node === 'string') {
    node.split(LAYOUT_BREAK).forEach((part, index) => {
      if (index > 0) pieces.push(BOUNDARY);
      pieces.push(decodeEntities(part));
    });
    return pieces;
  }
  // A figure's file block (pushPhotoMedia, pushGenericMedia...) is an attachment, its words the
  // writer's ("Location", a size), kept in extra.media by html-media.ts as for any message.
  if (node.classes.includes('media_wrap')) {
    pieces.push(BOUNDARY);
    return pieces;
  }
  switch (node.name) {
    case 'br':
      pieces.push('\n');
      break;
    case 'img':
      pieces.push(node.attributes['alt'] ?? '');
      break;
    case 'a':
      pieces.push(linkedText(node, joinPieces(node.children.flatMap((child) => collect(child, [])))));
      break;
    default:
      for (const child of node.children) collect(child, pieces);
  }
  return pieces;
}

/** One line break for each run of boundaries between words; none at the start or the end. */
function joinPieces(pieces: readonly Piece[]): string {
  let text = '';
  let pendingBreak = false;
  for (const piece of pieces) {
    if (piece === BOUNDARY) {
      pendingBreak = text !== '';
    } else if (piece !== '') {
      if (pendingBreak) text += '\n';
      pendingBreak = false;
      text += piece;
    }
  }
  return text;
}
