/**
 * Media lines of WhatsApp Web's export (WAWebExportChatPlainTextFormatter, in WhatsApp Web's
 * shipped code), which put a caption on the same line, after the placeholder:
 * `IMG-….jpg (file attached) caption` and `<image omitted> caption`. Phone exports put a
 * caption on the next line, so these shapes only add to what media-lines.ts reads.
 */

import type { WhatsAppMedia, WhatsAppMediaType } from './types.ts';

/** A bracketed label with a caption after it: ` (file attached) `. */
const LABEL_BEFORE_CAPTION = / \(([^()]{3,40})\) /gu;
/** The exported file's name ends with an extension (`IMG-20250304-WA0001.jpg`, `Plan (final).pdf`). */
const FILE_NAME_END = /\.[\p{L}\p{N}]{1,8}$/u;
/** `<image omitted> caption`: the placeholder, a space and a caption. */
const OMITTED_BEFORE_CAPTION = /^<([^<>]{2,60})> \S/u;

/** What media-lines.ts knows of the labels, passed in so the two modules do not import each other. */
export interface WebExportLabelReaders {
  isAttachedLabel(label: string): boolean;
  /** The media type an omitted-media label names, or null when the label is no such wording. */
  omittedType(label: string): WhatsAppMediaType | null;
  /** The media type of an exported file, from its name. */
  fileType(fileName: string): WhatsAppMediaType;
}

/** The media of a web export's placeholder with a caption on the same line, or null. */
export function webExportMedia(firstLine: string, readers: WebExportLabelReaders): WhatsAppMedia | null {
  if (firstLine.startsWith('<')) {
    const label = OMITTED_BEFORE_CAPTION.exec(firstLine)?.[1];
    const mediaType = label === undefined ? null : readers.omittedType(label);
    return mediaType === null ? null : { kind: 'omitted', mediaType };
  }
  if (!firstLine.includes(') ')) return null;
  for (const match of firstLine.matchAll(LABEL_BEFORE_CAPTION)) {
    const fileName = firstLine.slice(0, match.index).trim();
    const label = match[1];
    if (label !== undefined && FILE_NAME_END.test(fileName) && readers.isAttachedLabel(label)) {
      return { kind: 'attached', mediaType: readers.fileType(fileName), fileName };
    }
  }
  return null;
}
