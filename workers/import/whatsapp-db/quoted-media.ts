/**
 * The media a reply quotes, as stored with the reply (new layout `message_quoted_media`, keyed on
 * the reply's row like message_quoted): its type, file name, caption, length and preview. Like the
 * quoted text it is a copy, so it survives when the quoted photo or voice message is gone: what a
 * conversation about a picture was about.
 *
 * [sources: the table as WhatsApp creates it in several decompiled Android builds (`CREATE TABLE
 * message_quoted_media (message_row_id INTEGER PRIMARY KEY, media_job_uuid TEXT, transferred
 * INTEGER, file_path TEXT, file_size INTEGER, …, mime_type TEXT, file_length INTEGER, media_name
 * TEXT, file_hash TEXT, media_duration INTEGER, …)`); a public write-up of a WhatsApp Android
 * reader ("WhatsApp on Android", Amberkeep) counts 8,940 rows on a real 2026 archive, no orphans,
 * 7,322 with thumbnail bytes, and reads mime_type, media_name, media_caption, media_duration and
 * thumbnail. The duration is taken as seconds, as message_media.media_duration is read. The
 * thumbnail's size is kept (as message_quoted_location's is), not its bytes.]
 */

import type { ColumnRequest, Row } from '../sqlite/index.ts';
import { integerValue, nonEmptyText } from '../sqlite/index.ts';
import { thumbnailColumn, thumbnailFacts, thumbnailOf } from './thumbnails.ts';
import type { WaThumbnail } from './thumbnails.ts';

/** The side table's columns, as the new layout reader joins them (alias `mqm`). */
export const QUOTED_MEDIA_COLUMNS: readonly (string | ColumnRequest)[] = ['mime_type', 'media_name', 'media_caption', 'media_duration', thumbnailColumn('thumbnail')];

export interface WaQuotedMedia {
  mimeType: string | null;
  name: string | null;
  caption: string | null;
  durationSeconds: number | null;
  thumbnail: WaThumbnail | null;
}

/** The quoted media a joined row holds, or null when the reply has no message_quoted_media row (or an empty one). */
export function quotedMediaOf(row: Row): WaQuotedMedia | null {
  const media: WaQuotedMedia = {
    mimeType: nonEmptyText(row['mqm_mime_type']),
    name: nonEmptyText(row['mqm_media_name']),
    caption: nonEmptyText(row['mqm_media_caption']),
    durationSeconds: integerValue(row['mqm_media_duration']),
    thumbnail: thumbnailOf(row, 'mqm_thumbnail', 'message_quoted_media.thumbnail'),
  };
  return media.mimeType === null && media.name === null && media.caption === null && media.durationSeconds === null && media.thumbnail === null ? null : media;
}

/** The quoted media as kept in extra.quoteMedia. */
export function quotedMediaFacts(media: WaQuotedMedia): Record<string, unknown> {
  return { mimeType: media.mimeType, name: media.name, caption: media.caption, durationSeconds: media.durationSeconds, thumbnail: media.thumbnail === null ? null : thumbnailFacts(media.thumbnail) };
}
