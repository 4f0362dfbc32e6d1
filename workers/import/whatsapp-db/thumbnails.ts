/**
 * Thumbnails WhatsApp keeps inside the database: new `message_thumbnail.thumbnail` (keyed on the
 * message's rowid; in a transitional database on messages._id too, trigger
 * messages_bd_for_message_thumbnail_trigger [verified schema on the IPED sample]), legacy
 * `messages.raw_data`, and `message_quoted_location.thumbnail` (a quoted place's map). They are the
 * only image of a shared place, and of media whose file is gone. [belief: that raw_data holds the
 * preview JPEG of image, video and location rows; no sample holds a value, so an attachment is made
 * only of bytes that start as an image does]
 */

import type { ParsedAttachment } from '../../../shared/contracts/parsed-source.ts';
import type { ColumnRequest, Row } from '../sqlite/index.ts';
import { blobValue, integerValue } from '../sqlite/index.ts';
import { imageKind } from './system-detail-text.ts';

/** A thumbnail is a few KB; a larger blob is not read, only its length recorded. */
const MAX_THUMBNAIL_BYTES = 2 * 1024 * 1024;

/** The request that reads a thumbnail column, bounded in size (its length is always read). */
export function thumbnailColumn(name: string): ColumnRequest {
  return { name, maxBytes: MAX_THUMBNAIL_BYTES };
}

/** A thumbnail as read: where it lies, its length, and its bytes when small enough and binary. */
export interface WaThumbnail {
  column: string;
  size: number;
  bytes: Uint8Array | null;
}

/** The thumbnail in `row[key]` (read with thumbnailColumn), or null when the row holds none. */
export function thumbnailOf(row: Row, key: string, column: string): WaThumbnail | null {
  const size = integerValue(row[`${key}__length`]);
  if (size === null || size === 0) return null;
  const bytes = blobValue(row[key]);
  return { column, size, bytes: bytes !== null && bytes.byteLength > 0 ? bytes : null };
}

/** What extra keeps of a thumbnail: where it lies and its size, never its bytes (rows stay small). */
export function thumbnailFacts(thumbnail: WaThumbnail): { column: string; size: number } {
  return { column: thumbnail.column, size: thumbnail.size };
}

/** The thumbnail as an attachment with its bytes (the import hashes and stores them), when they are an image. */
export function thumbnailAttachment(thumbnail: WaThumbnail, baseName: string): ParsedAttachment | null {
  if (thumbnail.bytes === null) return null;
  const image = imageKind(thumbnail.bytes);
  if (image === null) return null;
  return { kind: 'attached', mediaType: 'image', mimeType: image.mimeType, fileName: `${baseName}.${image.extension}`, bytes: thumbnail.bytes, size: thumbnail.bytes.byteLength };
}
