/**
 * Meta splits a large "Download your information" export over several zips, the parts of one
 * download: a thread's message_1.json may lie in one part and the photos it names in another.
 * The uri of a thread's own media names the thread's folder, whose name ends with the thread's
 * id ("your_facebook_activity/messages/inbox/alice_1234567890/photos/987.jpg"), and Meta names
 * the file after the media's own id. Such a path, written from the root of the download, is what
 * the zip reader may look for in the other zips picked with this one (zip/split-parts.ts), only
 * when it lies in the very folder of the message file that names it: a path into another thread
 * or a folder the download shares between threads (stickers_used) proves nothing of this thread.
 */

/** The folders a DYI download keeps threads in, under messages/ (FORMATS.md §3). */
const MESSAGE_BOXES = new Set(['inbox', 'archived_threads', 'filtered_threads', 'message_requests', 'e2ee_cutover']);
/** The folders of a thread's own media, beside its message_N.json. */
const MEDIA_FOLDERS = new Set(['photos', 'videos', 'audio', 'gifs', 'files']);

/**
 * `path` (safe, relative, '/'-separated) as a path of the split download, when it names a file of
 * a media folder of the thread whose message file lies in `messageFolder` (the folder as the
 * source names it: "your_facebook_activity/messages/inbox/alice_123" in a zip); else null.
 */
export function threadMediaDownloadPath(path: string, messageFolder: string): string | null {
  const folder = messageFolder.split('/');
  const [messages, box, thread] = folder.slice(-3);
  if (folder.length < 3 || messages !== 'messages' || box === undefined || !MESSAGE_BOXES.has(box) || thread === undefined || thread === '') return null;
  const parts = path.split('/');
  if (parts.length !== folder.length + 2) return null;
  const media = parts[parts.length - 2];
  if (media === undefined || !MEDIA_FOLDERS.has(media)) return null;
  return parts.slice(0, folder.length).join('/') === messageFolder ? path : null;
}
