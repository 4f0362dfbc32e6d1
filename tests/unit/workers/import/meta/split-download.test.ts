import { describe, expect, it } from 'vitest';
import { metaMessagesParser } from '../../../../../workers/import/meta/index.ts';
import { threadMediaDownloadPath } from '../../../../../workers/import/meta/split-download.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

/**
 * A thread's own media, named by its path in the download, may be looked for in the other zips of
 * a download Meta split into parts (zip/split-parts.ts): only a path into the media folders of the
 * very folder the message file lies in says which thread's file it is.
 */
const FOLDER = 'your_facebook_activity/messages/inbox/anapop_1234567890';

describe('a Meta media uri as a path of a split download', () => {
  it('is one for a file of the thread’s own media folders, from the download’s root', () => {
    for (const media of ['photos', 'videos', 'audio', 'gifs', 'files']) expect(threadMediaDownloadPath(`${FOLDER}/${media}/1.bin`, FOLDER)).toBe(`${FOLDER}/${media}/1.bin`);
    expect(threadMediaDownloadPath('your_instagram_activity/messages/inbox/ana_17/photos/2.jpg', 'your_instagram_activity/messages/inbox/ana_17')).toBe('your_instagram_activity/messages/inbox/ana_17/photos/2.jpg');
    // Older downloads put messages/ at the root.
    expect(threadMediaDownloadPath('messages/archived_threads/ana_17/videos/3.mp4', 'messages/archived_threads/ana_17')).toBe('messages/archived_threads/ana_17/videos/3.mp4');
  });

  it('is none for another thread, the shared stickers, a folder that is no message box, a path deeper or beside, or an unknown folder', () => {
    expect(threadMediaDownloadPath('your_facebook_activity/messages/inbox/other_1/photos/1.jpg', FOLDER)).toBeNull();
    expect(threadMediaDownloadPath('your_facebook_activity/messages/stickers_used/1.png', FOLDER)).toBeNull();
    expect(threadMediaDownloadPath(`${FOLDER}/photos/deeper/1.jpg`, FOLDER)).toBeNull();
    expect(threadMediaDownloadPath(`${FOLDER}/1.jpg`, FOLDER)).toBeNull();
    expect(threadMediaDownloadPath(`${FOLDER}/thumbnails/1.jpg`, FOLDER)).toBeNull();
    expect(threadMediaDownloadPath('downloads/stuff/anapop_1/photos/1.jpg', 'downloads/stuff/anapop_1')).toBeNull();
    expect(threadMediaDownloadPath('photos/1.jpg', '')).toBeNull();
  });

  it('is given to the attachments of a message file read from a zip, not to one read by its file name alone', async () => {
    const thread = JSON.stringify({
      participants: [{ name: 'Ana Pop' }, { name: 'Dan Ionescu' }],
      messages: [{ sender_name: 'Ana Pop', timestamp_ms: 1_700_000_000_000, photos: [{ uri: `${FOLDER}/photos/9.jpg` }], sticker: { uri: 'your_facebook_activity/messages/stickers_used/s.png' } }],
      title: 'Ana Pop',
      thread_path: 'inbox/anapop_1234567890',
    });
    const inZip = await runParser(metaMessagesParser, inputFromText(thread, { displayName: `${FOLDER}/message_1.json` }));
    expect(inZip.messages[0]?.attachments).toEqual([
      { kind: 'attached', mediaType: 'image', fileName: '9.jpg', path: `${FOLDER}/photos/9.jpg`, alternativePaths: ['photos/9.jpg'], downloadPath: `${FOLDER}/photos/9.jpg` },
      { kind: 'attached', mediaType: 'sticker', fileName: 's.png', path: 'your_facebook_activity/messages/stickers_used/s.png', alternativePaths: ['../../stickers_used/s.png'] },
    ]);
    const onDisk = await runParser(metaMessagesParser, inputFromText(thread, { displayName: 'message_1.json' }));
    expect(onDisk.messages[0]?.attachments.map((attachment) => attachment.downloadPath)).toEqual([undefined, undefined]);
  });
});
