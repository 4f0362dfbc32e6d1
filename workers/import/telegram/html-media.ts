/**
 * Media blocks of a Telegram HTML message (inside `div.media_wrap`) → attachments plus the facts
 * shown beside them. The link's folder (photos/, stickers/, voice_messages/...) is trusted over
 * the block's class, because the exporter reuses `media_photo` for stickers and others.
 */

import type { MediaType, ParsedAttachment } from '../../../shared/contracts/parsed-source.ts';
import { baseName } from '../import-limits.ts';
import { hasScheme, pageFilePath } from './html-links.ts';
import { childElements, findAll, hasClasses } from './html-tree.ts';
import type { HtmlElement } from './html-tree.ts';
import { decodeEntities, textOf } from './html-text.ts';

const FOLDER_TYPES: ReadonlyMap<string, MediaType> = new Map<string, MediaType>([
  ['photos', 'image'],
  ['stickers', 'sticker'],
  ['video_files', 'video'],
  ['round_video_messages', 'video'],
  ['voice_messages', 'audio'],
  ['audio_files', 'audio'],
  ['animations', 'gif'],
  ['files', 'document'],
  ['contacts', 'contact'],
]);

const CLASS_TYPES: [string, MediaType][] = [
  ['photo_wrap', 'image'],
  ['video_file_wrap', 'video'],
  ['animated_wrap', 'gif'],
  ['sticker_wrap', 'sticker'],
  ['media_photo', 'image'],
  ['media_video', 'video'],
  ['media_voice_message', 'audio'],
  ['media_audio_file', 'audio'],
  ['media_file', 'document'],
  ['media_location', 'location'],
  ['media_live_location', 'location'],
  ['media_venue', 'location'],
  ['media_contact', 'contact'],
];

/**
 * The generic block Telegram Desktop falls back to when it cannot draw a sticker or an animation
 * (no thumbnail: the file was left out, or is a .tgs) reuses `media_photo` or `media_video`; its
 * English title is then the only sign of what the file was (pushStickerMedia, pushAnimatedMedia).
 */
const FALLBACK_TITLE_TYPES: ReadonlyMap<string, MediaType> = new Map<string, MediaType>([
  ['Sticker', 'sticker'],
  ['Animation', 'gif'],
]);
const FALLBACK_CLASSES = ['media_photo', 'media_video'];

/**
 * The title a file block gets when the document has no name (prepareMediaData: `data.name.isEmpty()
 * ? "File" : data.name`): a word of the writer, not the file's name.
 */
const UNNAMED_FILE_TITLE = 'File';

/** Blocks that are facts, not files: kept in `extra.media` only. */
const FACT_CLASSES = ['media_call', 'media_game', 'media_invoice', 'media_poll', 'media_giveaway'];
const NOT_INCLUDED = /not included|exceeds maximum size|unavailable/iu;

export interface HtmlMedia {
  attachments: ParsedAttachment[];
  /** What each block showed: class, title, status, description, link. */
  facts: Record<string, string | string[]>[];
  unsafePaths: string[];
}

/** `pageFolders`: the folders of the page's path, to resolve links from the export root (html-links.ts). */
export function htmlMedia(container: HtmlElement, pageFolders: readonly string[]): HtmlMedia {
  const result: HtmlMedia = { attachments: [], facts: [], unsafePaths: [] };
  const wraps = findAll(container, (element) => element.classes.includes('media_wrap'), (element) => hasClasses(element, 'forwarded', 'body'));
  for (const wrap of wraps) {
    for (const block of childElements(wrap)) readBlock(block, pageFolders, result);
  }
  return result;
}

function readBlock(block: HtmlElement, pageFolders: readonly string[], result: HtmlMedia): void {
  const fact: Record<string, string | string[]> = { class: block.classes.join(' ') };
  const title = firstText(block, 'title');
  const status = firstText(block, 'status');
  const description = firstText(block, 'description');
  const href = decodeEntities(block.attributes['href'] ?? findAll(block, (element) => element.name === 'a' && element.attributes['href'] !== undefined)[0]?.attributes['href'] ?? '');
  if (title !== '') fact['title'] = title;
  if (status !== '') fact['status'] = status;
  if (description !== '') fact['description'] = description;
  if (href !== '') fact['href'] = href;
  if (block.classes.includes('media_poll')) readPoll(block, fact);
  if (block.classes.includes('media_giveaway')) readSections(block, fact);
  result.facts.push(fact);
  if (FACT_CLASSES.some((name) => block.classes.includes(name))) return;

  const isLink = hasScheme(href);
  const path = href === '' || isLink ? null : pageFilePath(href, pageFolders);
  // The folder beside the page (photos/, stickers/...), not the "../../chats/chat_01/" a full export's link starts with.
  const linked = path ?? href;
  const folder = !isLink && linked.includes('/') ? linked.slice(0, linked.indexOf('/')) : '';
  const byClass = CLASS_TYPES.find(([name]) => block.classes.includes(name))?.[1];
  const byTitle = FALLBACK_CLASSES.some((name) => block.classes.includes(name)) ? FALLBACK_TITLE_TYPES.get(title) : undefined;
  const mediaType: MediaType = FOLDER_TYPES.get(folder) ?? byTitle ?? byClass ?? 'unknown';
  const attachment: ParsedAttachment = { kind: 'attached', mediaType };
  if (href !== '' && !isLink) {
    if (path === null) result.unsafePaths.push(href);
    else attachment.path = path;
    attachment.fileName = fileNameOf(block, title) ?? baseName(href);
    if (path !== null) {
      const preview = thumbnailOf(block, path, pageFolders);
      if (preview !== null) attachment.whenMissing = preview;
    }
  } else if (NOT_INCLUDED.test(description) || (mediaType !== 'location' && mediaType !== 'contact')) {
    // A file-type block with no link to the file: the export left the bytes out.
    attachment.kind = 'omitted';
    const name = fileNameOf(block, title);
    if (name !== null) attachment.fileName = name;
  }
  result.attachments.push(attachment);
}

/**
 * The preview a photo, video or sticker block shows (`<img src="photos/photo_1@…_thumb.jpg">`): a
 * file of the export of its own, the stand-in for the linked file when the copy has lost it.
 * None when the image is the linked file itself, a web link or outside the export.
 */
function thumbnailOf(block: HtmlElement, linkedPath: string, pageFolders: readonly string[]): ParsedAttachment | null {
  const image = findAll(block, (element) => element.name === 'img' && element.attributes['src'] !== undefined)[0];
  const src = decodeEntities(image?.attributes['src'] ?? '');
  if (src === '' || hasScheme(src)) return null;
  const path = pageFilePath(src, pageFolders);
  if (path === null || path === linkedPath) return null;
  return { kind: 'attached', mediaType: 'image', path, fileName: baseName(src) };
}

/**
 * A poll is not a generic media block: its question, answers (with their votes) and total sit in
 * divs of their own (`question bold`, `details`, `answer`…, `total details`), and are the
 * message's only content.
 */
function readPoll(block: HtmlElement, fact: Record<string, string | string[]>): void {
  const children = childElements(block);
  const question = children.find((child) => child.classes.includes('question'));
  const details = children.find((child) => child.classes.includes('details') && !child.classes.includes('total'));
  const total = children.find((child) => child.classes.includes('total'));
  if (question !== undefined) fact['question'] = textOf(question);
  if (details !== undefined) fact['details'] = textOf(details);
  fact['answers'] = children.filter((child) => child.classes.includes('answer')).map((child) => textOf(child));
  if (total !== undefined) fact['total'] = textOf(total);
}

/**
 * A giveaway (pushGiveaway) writes no title or status: its prizes, participants and winners'
 * selection date are pairs of `section_title` and `section_body` divs, kept as "title: body".
 */
function readSections(block: HtmlElement, fact: Record<string, string | string[]>): void {
  const sections: string[] = [];
  let title = '';
  for (const child of childElements(block)) {
    if (child.classes.includes('section_title')) title = textOf(child);
    else if (child.classes.includes('section_body')) sections.push(title === '' ? textOf(child) : `${title}: ${textOf(child)}`);
  }
  fact['sections'] = sections;
}

/** The document's own name, which a file block shows as its title; null when the title is not one. */
function fileNameOf(block: HtmlElement, title: string): string | null {
  return block.classes.includes('media_file') && title !== '' && title !== UNNAMED_FILE_TITLE ? title : null;
}

function firstText(block: HtmlElement, className: string): string {
  const found = findAll(block, (element) => element.classes.includes(className))[0];
  return found === undefined ? '' : textOf(found);
}
