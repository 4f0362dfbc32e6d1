/**
 * A message's attachment as a CSV row names it: a file name (iMazing's "Attachment" column holds
 * the file's original name; the file it saves beside the CSV is named otherwise, per
 * bitrealm-dev/message-exporters' INPUT_FORMAT.md) and, in another column, its type. The row does
 * not say where the bytes are, so the attachment has a name and no path.
 */

import type { MediaType, ParsedAttachment } from '../../../shared/contracts/parsed-source.ts';

/** A type written as a MIME type ("image/heic"), not a word ("Image"). */
const MIME_TYPE = /^[a-z]+\/[a-z0-9][a-z0-9!#$&^_.+-]*$/iu;

/**
 * The attachment a row's cells name, or null for a blank name. A type that is not a MIME type
 * is put in `extra.attachmentType` as written: what such a word means is not read into it; so is
 * any type beside a blank name, which no attachment is there to carry.
 */
export function cellAttachment(nameCell: string | null, typeCell: string | null, extra: Record<string, unknown>): ParsedAttachment | null {
  const fileName = nameCell?.trim() ?? '';
  const type = typeCell?.trim() ?? '';
  const mimeType = MIME_TYPE.test(type) ? type : null;
  if (type !== '' && (mimeType === null || fileName === '')) extra['attachmentType'] = typeCell;
  if (fileName === '') return null;
  const attachment: ParsedAttachment = { kind: 'attached', mediaType: mediaTypeOf(mimeType, fileName), fileName };
  if (mimeType !== null) attachment.mimeType = mimeType;
  return attachment;
}

const EXTENSION_TYPES: ReadonlyMap<string, MediaType> = new Map([
  ...['jpg', 'jpeg', 'png', 'heic', 'heif', 'bmp', 'tif', 'tiff'].map((extension): [string, MediaType] => [extension, 'image']),
  ['gif', 'gif'],
  ...['mp4', 'mov', 'm4v', '3gp', 'mkv', 'avi', 'webm'].map((extension): [string, MediaType] => [extension, 'video']),
  ...['m4a', 'mp3', 'aac', 'amr', 'wav', 'opus', 'ogg', 'caf'].map((extension): [string, MediaType] => [extension, 'audio']),
  ['vcf', 'contact'],
]);

/** By the MIME type when there is one, else by the name's extension; unknown when neither tells. */
function mediaTypeOf(mimeType: string | null, fileName: string): MediaType {
  const mime = (mimeType ?? '').toLowerCase();
  if (mime === 'image/gif') return 'gif';
  if (mime.startsWith('image/')) return 'image';
  if (mime.startsWith('video/')) return 'video';
  if (mime.startsWith('audio/')) return 'audio';
  if (mime.includes('vcard')) return 'contact';
  if (mime.startsWith('application/') || mime.startsWith('text/')) return 'document';
  const extension = /\.([a-z0-9]{1,5})$/iu.exec(fileName)?.[1]?.toLowerCase() ?? '';
  return EXTENSION_TYPES.get(extension) ?? 'unknown';
}
