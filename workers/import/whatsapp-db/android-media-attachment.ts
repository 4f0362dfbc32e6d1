/**
 * The attachments a message row's media and contact cards become: the file WhatsApp names (or
 * an omitted one when it keeps no local path), with WhatsApp's own SHA-256 of it to check the
 * found bytes against, and each shared vCard as a file of its own.
 */

import type { ParsedAttachment } from '../../../shared/contracts/parsed-source.ts';
import type { WaFields, WaMedia } from './android-fields.ts';
import type { androidMessageType } from './message-types.ts';

/** True when a media row says anything of a file (a legacy row of a non-media type reads as an all-empty one). */
export function namesMedia(media: WaMedia | null): media is WaMedia {
  return media !== null && (media.path !== null || media.mimeType !== null || media.name !== null || (media.size ?? 0) > 0);
}

export function mediaAttachment(fields: WaFields, mediaType: NonNullable<ReturnType<typeof androidMessageType>['mediaType']>, extra: Record<string, unknown>): ParsedAttachment {
  const media = fields.media;
  // No local path: the file was never downloaded (or was removed); the message still says what it was.
  const attachment: ParsedAttachment = { kind: media?.path === null || media === null ? 'omitted' : 'attached', mediaType };
  if (media === null) return attachment;
  const fileName = media.name ?? media.path?.split('/').pop() ?? null;
  if (fileName !== null) attachment.fileName = fileName;
  if (media.mimeType !== null) attachment.mimeType = media.mimeType;
  if (media.path !== null) attachment.path = media.path;
  if (media.size !== null && media.size > 0) attachment.size = media.size;
  if (media.pathFound !== undefined) extra['mediaPathInDatabase'] = media.pathFound;
  if (media.pathNote !== undefined) extra['mediaPathNote'] = media.pathNote;
  putFileHash(attachment, media.fileHash ?? null, extra);
  return attachment;
}

/**
 * WhatsApp's own SHA-256 of the file becomes the digest the found bytes are checked against (hex,
 * as attachments are hashed); a value that is not 32 bytes of base64 is kept as it stands, unchecked.
 */
function putFileHash(attachment: ParsedAttachment, fileHash: string | null, extra: Record<string, unknown>): void {
  if (fileHash === null) return;
  const bytes = /^[A-Za-z0-9+/]{43}=$/u.test(fileHash) ? Buffer.from(fileHash, 'base64') : null;
  if (bytes?.byteLength === 32) attachment.vendorDigests = { sha256: bytes.toString('hex') };
  else extra['mediaFileHash'] = fileHash;
}

export function contactCard(vcard: string, name: string | null): ParsedAttachment {
  const bytes = new TextEncoder().encode(vcard);
  return { kind: 'attached', mediaType: 'contact', mimeType: 'text/vcard', fileName: `${name ?? 'contact'}.vcf`, bytes, size: bytes.byteLength };
}
