/**
 * Media fields of a Telegram JSON message → attachments. File fields hold a path relative to the
 * export folder (the folder holding result.json), or a literal note such as "(File not included.
 * Change data exporting settings to download.)" when the export left the bytes out.
 */

import type { MediaType, ParsedAttachment } from '../../../shared/contracts/parsed-source.ts';
import { baseName, safeRelativePath } from '../import-limits.ts';
import { isJsonObject } from './json-walker.ts';
import type { JsonObject, JsonValue } from './json-walker.ts';

/** Fields consumed here (the importer copies every other field into `extra`). */
export const MEDIA_KEYS = new Set(['photo', 'file', 'file_name', 'file_size', 'photo_file_size', 'mime_type', 'contact_vcard', 'contact_vcard_file_size']);

const MEDIA_TYPES: ReadonlyMap<string, MediaType> = new Map<string, MediaType>([
  ['sticker', 'sticker'],
  ['video_message', 'video'],
  ['voice_message', 'audio'],
  ['animation', 'gif'],
  ['video_file', 'video'],
  ['audio_file', 'audio'],
]);

/** A document's media type from its `media_type` (none written: a plain file). */
export function documentMediaType(mediaType: JsonValue | undefined): MediaType {
  return typeof mediaType === 'string' ? (MEDIA_TYPES.get(mediaType) ?? 'unknown') : 'document';
}

export interface MediaResult {
  attachments: ParsedAttachment[];
  /** File fields whose path was refused (absolute, or climbing out of the export). */
  unsafePaths: string[];
}

export function telegramAttachments(message: JsonObject): MediaResult {
  const result: MediaResult = { attachments: [], unsafePaths: [] };
  const photo = message['photo'];
  if (typeof photo === 'string') {
    result.attachments.push(fileAttachment(photo, 'image', message['photo_file_size'], undefined, undefined, result));
  }
  const file = message['file'];
  if (typeof file === 'string') {
    const mediaType = documentMediaType(message['media_type']);
    const mimeType = typeof message['mime_type'] === 'string' ? message['mime_type'] : undefined;
    const fileName = typeof message['file_name'] === 'string' ? message['file_name'] : undefined;
    const attachment = fileAttachment(file, mediaType, message['file_size'], mimeType, fileName, result);
    result.attachments.push(attachment);
    // A video's or document's preview image, exported with the photos: the only image of a file
    // the export left out, and the stand-in for one the copy has lost (still kept in extra as written).
    const thumbnail = message['thumbnail'];
    if (typeof thumbnail === 'string' && !isNotIncludedNote(thumbnail)) {
      const preview = fileAttachment(thumbnail, 'image', message['thumbnail_file_size'], undefined, undefined, result);
      if (preview.path !== undefined) {
        if (attachment.kind === 'omitted' || attachment.path === undefined) result.attachments.push(preview);
        else attachment.whenMissing = preview;
      }
    }
  }
  const vcard = message['contact_vcard'];
  if (typeof vcard === 'string') {
    result.attachments.push(fileAttachment(vcard, 'contact', message['contact_vcard_file_size'], 'text/vcard', undefined, result));
  } else if (isJsonObject(message['contact_information'])) {
    // The contact's details are inline (kept in `extra`); there is no file.
    result.attachments.push({ kind: 'attached', mediaType: 'contact' });
  }
  if (isJsonObject(message['location_information'])) {
    result.attachments.push({ kind: 'attached', mediaType: 'location' });
  }
  return result;
}

export function fileAttachment(
  written: string,
  mediaType: MediaType,
  size: JsonValue | undefined,
  mimeType: string | undefined,
  fileName: string | undefined,
  result: MediaResult,
): ParsedAttachment {
  const attachment: ParsedAttachment = { kind: 'attached', mediaType };
  if (mimeType !== undefined) attachment.mimeType = mimeType;
  if (typeof size === 'number' && Number.isFinite(size) && size >= 0) attachment.size = size;
  if (isNotIncludedNote(written)) {
    attachment.kind = 'omitted';
    if (fileName !== undefined) attachment.fileName = fileName;
    return attachment;
  }
  const path = safeRelativePath(written);
  if (path === null) {
    result.unsafePaths.push(written);
  } else {
    attachment.path = path;
  }
  attachment.fileName = fileName ?? baseName(written);
  return attachment;
}

/** "(File not included. …)", "(File exceeds maximum size. …)", "(File unavailable, please try again later)". */
export function isNotIncludedNote(written: string): boolean {
  return written === '' || /^\(File [^)]*\)$/u.test(written.trim());
}
