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
 *
 * Some words in a rich message are the exporter's, not the sender's (export_output_html.cpp in a
 * tdesktop tree with RichHtmlRenderer, read in the search index, file id 55023239970):
 * renderFallback writes `div.rich_block.rich_fallback[data-rich-kind]` holding "Unsupported rich
 * content" (kind unsupported), "Malformed rich content" (malformed) or "Unknown rich content"
 * (unknown) where it could not render a block; renderText writes `span.rich_inline_fallback`
 * holding "Unsupported rich text" (kind unsupported-text) or "Inline image" (kind inline-image,
 * with data-document-id) for a text it could not render, and for a "diff" text a
 * `del.rich_diff_previous` starting "Previous: " before the earlier words. Those labels are kept
 * out of the person's words and returned as exporter facts (kind, label, and for a diff the
 * earlier words), so a search for "unsupported" does not find the exporter, and the message
 * still says something was there.
 */

import { decodeEntities, LAYOUT_BREAK, linkedText } from './html-text.ts';
import type { HtmlElement, HtmlNode } from './html-tree.ts';

/** Where a block of the writer's layout begins or ends. */
const BOUNDARY = null;
type Piece = string | typeof BOUNDARY;

/** A label the exporter wrote into a rich message in place of what it could not render. */
export interface RichExporterLabel {
  /** data-rich-kind: unsupported, malformed, unknown, unsupported-text, inline-image; diff-previous. */
  kind: string;
  label: string;
  documentId?: string;
  /** For a diff: the earlier words the exporter shows after "Previous: ". */
  previousText?: string;
}

export interface RichMessageText {
  text: string;
  exporterLabels: RichExporterLabel[];
}

/** The words renderDiff writes before a diff's earlier text. */
const DIFF_PREVIOUS_LABEL = 'Previous:';

export function isRichMessage(element: HtmlElement): boolean {
  return element.classes.includes('rich_message');
}

export function richMessageText(element: HtmlElement): RichMessageText {
  const exporterLabels: RichExporterLabel[] = [];
  return { text: joinPieces(collect(element, [], exporterLabels)), exporterLabels };
}

function collect(node: HtmlNode, pieces: Piece[], labels: RichExporterLabel[]): Piece[] {
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
  if (node.classes.includes('rich_fallback') || node.classes.includes('rich_inline_fallback')) {
    const label: RichExporterLabel = { kind: node.attributes['data-rich-kind'] ?? '', label: wordsOf(node, labels) };
    if (node.attributes['data-document-id'] !== undefined) label.documentId = node.attributes['data-document-id'];
    labels.push(label);
    if (node.classes.includes('rich_fallback')) pieces.push(BOUNDARY);
    return pieces;
  }
  if (node.name === 'del' && node.classes.includes('rich_diff_previous')) {
    const written = wordsOf(node, labels);
    const previousText = written.startsWith(DIFF_PREVIOUS_LABEL) ? written.slice(DIFF_PREVIOUS_LABEL.length).trimStart() : written;
    labels.push({ kind: 'diff-previous', label: DIFF_PREVIOUS_LABEL, previousText });
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
      pieces.push(linkedText(node, joinPieces(node.children.flatMap((child) => collect(child, [], labels)))));
      break;
    default:
      for (const child of node.children) collect(child, pieces, labels);
  }
  return pieces;
}

/** An element's words as one text (a label, a diff's earlier words); labels inside it are collected too. */
function wordsOf(element: HtmlElement, labels: RichExporterLabel[]): string {
  return joinPieces(element.children.flatMap((child) => collect(child, [], labels)));
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
