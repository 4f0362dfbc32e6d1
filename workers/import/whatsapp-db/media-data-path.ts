/**
 * The media file path of a legacy msgstore row. The legacy `messages` table has no path column:
 * WhatsApp kept it inside `thumb_image`, a Java-serialized `com.whatsapp.MediaData` whose `file`
 * (a java.io.File) is written as a serialized string (TC_STRING: 0x74, a 2-byte big-endian length,
 * then modified UTF-8). The class layout changed between app versions, so the blob is not
 * deserialized: its strings are scanned, within a bounded prefix, for one that is plausibly a
 * WhatsApp media path. Garbage yields a reason, never an exception.
 */

/** Bytes of thumb_image scanned at most: a MediaData is a few hundred bytes; more is not ours to walk. */
export const MEDIA_DATA_SCAN_BYTES = 64 * 1024;

/** Java serialization's marker for a string of up to 65535 bytes. */
const TC_STRING = 0x74;

/** Longer than any Android path (PATH_MAX is 4096); anything longer is not a path. */
const MAX_PATH_LENGTH = 4096;

/**
 * "…/Media/WhatsApp <kind>/…/<file>": the folder every WhatsApp (and WhatsApp Business) media
 * file is kept under, on the phone and in a copy of its WhatsApp folder. Group 1 is the part from
 * "Media/" on, which is how the new schema's message_media.file_path names the same file.
 */
const MEDIA_PATH = /(?:^|\/)(Media\/WhatsApp [^/]+\/(?:[^/]+\/)*[^/]+)$/u;

export type MediaPathResult =
  | { path: string; /** The string as found in the blob (an absolute phone path, often). */ found: string }
  | { path: null; reason: string };

/** The media path in a legacy `thumb_image` value (bytes or text), or why there is none. */
export function mediaPathFromMediaData(value: Uint8Array | string | null, fullLength: number | null = null): MediaPathResult {
  if (value === null || value.length === 0) return { path: null, reason: 'no thumb_image (the legacy schema keeps the media path only there)' };
  if (typeof value === 'string') {
    const plain = plausibleMediaPath(value);
    return plain ?? { path: null, reason: 'thumb_image is text without a WhatsApp media path' };
  }
  const bytes = value.subarray(0, MEDIA_DATA_SCAN_BYTES);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (let at = 0; at + 3 <= bytes.length; at++) {
    if (bytes[at] !== TC_STRING) continue;
    const length = ((bytes[at + 1] ?? 0) << 8) | (bytes[at + 2] ?? 0);
    if (length < 1 || length > MAX_PATH_LENGTH || at + 3 + length > bytes.length) continue;
    let text: string;
    try {
      text = decoder.decode(bytes.subarray(at + 3, at + 3 + length));
    } catch {
      continue; // not UTF-8: a byte 0x74 that is not a string marker
    }
    const found = plausibleMediaPath(text);
    if (found !== null) return found;
  }
  const truncated = (fullLength ?? value.length) > MEDIA_DATA_SCAN_BYTES;
  return { path: null, reason: truncated ? `no WhatsApp media path in the first ${MEDIA_DATA_SCAN_BYTES} bytes of thumb_image` : 'no WhatsApp media path in thumb_image' };
}

/** `text` when it reads as a WhatsApp media path; relative from "Media/" so it resolves like the new schema's. */
function plausibleMediaPath(text: string): { path: string; found: string } | null {
  if (text.length > MAX_PATH_LENGTH || /[\u0000-\u001f\u007f\ufffd]/u.test(text)) return null;
  const normalised = text.replaceAll('\\', '/');
  // A path that climbs out of its folder is not one WhatsApp wrote; never hand it on to be opened.
  if (normalised.split('/').some((segment) => segment === '..')) return null;
  const match = MEDIA_PATH.exec(normalised);
  const path = match?.[1];
  return path === undefined ? null : { path, found: text };
}

/**
 * "…/WhatsApp/Media/…" (or "WhatsApp Business"): a path on the phone, absolute
 * (/storage/emulated/0/WhatsApp/Media/…, /storage/emulated/0/Android/media/com.whatsapp/WhatsApp/Media/…)
 * or under the app root; group 1 is the part from "Media/" on, relative to that root.
 */
const DEVICE_MEDIA_PATH = /(?:^|\/)WhatsApp(?: Business)?\/(Media\/.+)$/u;

/** The folder of the app root's media, as SHARED_EXPORT_FOLDERS names it for 'whatsapp-android-db'. */
const APP_MEDIA_FOLDER = 'Media';

/**
 * Where a media path the database holds (message_media.file_path, or the one read out of a
 * legacy MediaData) points, relative to the database's own folder, as attachment lookup reads
 * it. WhatsApp writes it relative to its app root ("Media/WhatsApp Images/…") or absolute on the
 * phone; both are mapped to "Media/…" by their "WhatsApp/" suffix. When the database lies in the
 * app's Databases folder (`inAppRoot`), the app root is its parent and the path becomes
 * "../Media/…", the one place outside the database's folder that lookup then accepts
 * (sharedExportFolders). A path with a ".." segment is not one WhatsApp wrote: it is handed on as
 * written, and the lookup's own containment decides (it cannot leave the allowed folders).
 */
export function placedMediaPath(path: string, inAppRoot: boolean): string {
  const normalised = path.replaceAll('\\', '/');
  if (normalised.split('/').some((segment) => segment === '..')) return path;
  const fromRoot = normalised.startsWith(`${APP_MEDIA_FOLDER}/`) ? normalised : DEVICE_MEDIA_PATH.exec(normalised)?.[1];
  if (fromRoot === undefined) return path;
  return inAppRoot ? `../${fromRoot}` : fromRoot;
}

/** "…/Message/Media/…": an iOS media path, absolute in the app group container or relative to it. */
const IOS_DEVICE_MEDIA_PATH = /(?:^|\/)(Message\/Media\/.+)$/u;

/**
 * Where an iOS ZMEDIALOCALPATH points, relative to ChatStorage.sqlite's folder. The database lies
 * at the root of the app group folder (AppDomainGroup-group.net.whatsapp.WhatsApp.shared) and the
 * media under its Message/Media; ZMEDIALOCALPATH holds "Media/<chat jid>/…", relative to Message/
 * [belief: forensic write-ups, no full real sample], or an absolute container path. Both become
 * "Message/Media/…", below the database's folder: nothing outside it is needed. A path with a
 * ".." segment is handed on as written (lookup containment decides).
 */
export function placedIosMediaPath(path: string): string {
  const normalised = path.replaceAll('\\', '/');
  if (normalised.split('/').some((segment) => segment === '..')) return path;
  if (normalised.startsWith(`${APP_MEDIA_FOLDER}/`)) return `Message/${normalised}`;
  return IOS_DEVICE_MEDIA_PATH.exec(normalised)?.[1] ?? path;
}
