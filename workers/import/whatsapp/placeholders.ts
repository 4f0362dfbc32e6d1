/**
 * What a message body's placeholder says (FORMATS.md §1.4): media omitted or attached
 * (media-lines.ts, ios-omitted.ts), a deleted, edited or undecrypted message
 * (message-states.ts), a location share (location-shares.ts). Each of those modules names the
 * sources its wordings come from. The body's text is never changed: the flags describe it.
 */

import { isLocationShare } from './location-shares.ts';
import { classifyMedia, laterAttachments, mediaTypeFromFileName } from './media-lines.ts';
import { isDeletedText, isEditedText, isWaitingText } from './message-states.ts';
import { withNamedFile } from './omitted-file-name.ts';
import type { WhatsAppMedia } from './types.ts';

export interface PlaceholderInfo {
  media: WhatsAppMedia | null;
  /** Further files the body's later lines name, in order, when its first line names one; else null. */
  moreMedia: WhatsAppMedia[] | null;
  deleted: boolean;
  edited: boolean;
  location: boolean;
  /** The body is the export's stand-in for a message this phone could not decrypt. */
  waiting: boolean;
}

/** The first line of a text. */
function firstLineOf(text: string): string {
  const newline = text.indexOf('\n');
  return newline === -1 ? text : text.slice(0, newline);
}

/**
 * Classifies a message body (direction marks already removed). `written` is the same body as
 * written, marks in, when the caller has it: it tells iOS's caption + wording from a person's
 * sentence that ends with the same words. The text itself is left as written; the flags only
 * describe it.
 */
export function classifyPlaceholders(text: string, written: string | null = null): PlaceholderInfo {
  const whole = text.trim();
  const multiLine = text.includes('\n');
  // One line (most bodies): its first line is the whole of it.
  const firstLine = multiLine ? firstLineOf(text).trim() : whole;
  const classified = firstLine === '' ? null : classifyMedia(firstLine, written === null ? null : firstLineOf(written));
  const media = classified === null ? null : withNamedFile(classified, firstLine, whole, mediaTypeFromFileName);
  return {
    media,
    // Looked for only below an attachment line: most bodies have one line, and most first lines name no file.
    moreMedia: multiLine && media?.kind === 'attached' ? laterAttachments(text, media.fileName ?? null) : null,
    deleted: isDeletedText(whole, written),
    edited: isEditedText(whole),
    location: media?.mediaType === 'location' || isLocationShare(firstLine, whole),
    waiting: isWaitingText(whole),
  };
}

/** True when the body is a placeholder that marks a real message (never a system notice). */
export function isMessagePlaceholder(info: PlaceholderInfo): boolean {
  return info.media !== null || info.deleted || info.location || info.waiting;
}
