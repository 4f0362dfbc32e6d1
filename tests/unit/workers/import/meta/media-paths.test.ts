import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedExportFolders } from '../../../../../shared/contracts/parsed-source.ts';
import { metaMessagesParser } from '../../../../../workers/import/meta/index.ts';
import { resolveAttachment } from '../../../../../workers/import/resolve-attachment.ts';
import { folderFiles } from '../../../../../workers/import/source-files.ts';
import { inputFromFile, inputFromText, runParser } from '../../../../support/parser-harness.ts';

/**
 * A media `uri` is written from the root of the DYI export ("your_facebook_activity/messages/inbox/
 * a_1/photos/1.jpg"), but a folder on disk is searched from the message file's own folder (the
 * thread folder). The same file must be found both ways.
 */
describe('Meta media imported from a folder on disk', () => {
  it('finds a photo whose uri is written from the export root, from the thread folder', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'dyi-'));
    const thread = path.join(root, 'your_facebook_activity/messages/inbox/a_1');
    mkdirSync(path.join(thread, 'photos'), { recursive: true });
    writeFileSync(path.join(thread, 'photos/1.jpg'), 'jpeg bytes');
    const json = path.join(thread, 'message_1.json');
    writeFileSync(json, JSON.stringify({ participants: [{ name: 'A' }], messages: [{ sender_name: 'A', timestamp_ms: 1712340000000, photos: [{ uri: 'your_facebook_activity/messages/inbox/a_1/photos/1.jpg', creation_timestamp: 1712340000 }] }], thread_path: 'inbox/a_1' }));

    const { messages } = await runParser(metaMessagesParser, inputFromFile(json));
    const attachment = messages[0]?.attachments[0];
    if (attachment === undefined) throw new Error('no attachment');
    // The uri as written stays the path; the place beside the message file is the alternative.
    expect(attachment).toMatchObject({ path: 'your_facebook_activity/messages/inbox/a_1/photos/1.jpg', alternativePaths: ['photos/1.jpg'] });
    const resolved = await resolveAttachment(attachment, folderFiles(json), root);
    expect(resolved).toMatchObject({ status: 'ok', sourcePath: 'photos/1.jpg', size: 10 });
  });

  it('finds a sticker the export keeps for every thread (messages/stickers_used), two folders up from the thread', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'dyi-'));
    const thread = path.join(root, 'messages/inbox/a_1');
    mkdirSync(thread, { recursive: true });
    mkdirSync(path.join(root, 'messages/stickers_used'), { recursive: true });
    writeFileSync(path.join(root, 'messages/stickers_used/s.png'), 'png bytes');
    const json = path.join(thread, 'message_1.json');
    writeFileSync(json, JSON.stringify({ messages: [{ sender_name: 'A', timestamp_ms: 1, sticker: { uri: 'messages/stickers_used/s.png' } }] }));
    const { messages } = await runParser(metaMessagesParser, inputFromFile(json));
    const attachment = messages[0]?.attachments[0];
    if (attachment === undefined) throw new Error('no attachment');
    expect(attachment).toEqual({ kind: 'attached', mediaType: 'sticker', fileName: 's.png', path: 'messages/stickers_used/s.png', alternativePaths: ['../../stickers_used/s.png'] });
    const resolved = await resolveAttachment(attachment, folderFiles(json, sharedExportFolders('meta-messages-json', json)), root);
    expect(resolved).toMatchObject({ status: 'ok', sourcePath: '../../stickers_used/s.png', size: 9 });
    // Nothing else two folders up is reachable: only the shared stickers folder.
    writeFileSync(path.join(root, 'messages/secret.txt'), 'x');
    const outside = await resolveAttachment({ kind: 'attached', mediaType: 'document', path: '../../secret.txt' }, folderFiles(json, sharedExportFolders('meta-messages-json', json)), root);
    expect(outside.status).toBe('missing');
  });
});

describe('Meta media fields the attachment cannot hold', () => {
  it('keeps the media lists as written in extra: a web-address uri, creation_timestamp, a video thumbnail, ai_stickers', async () => {
    const json = JSON.stringify({
      messages: [
        {
          sender_name: 'A',
          timestamp_ms: 1712340000000,
          photos: [{ uri: 'https://scontent.example.invalid/v/abc.jpg?oh=1', creation_timestamp: 1712339000 }],
          videos: [{ uri: 'messages/inbox/a_1/videos/v.mp4', creation_timestamp: 1712338000, thumbnail: { uri: 'messages/inbox/a_1/videos/t.jpg' } }],
          sticker: { uri: 'messages/stickers_used/s.png', ai_stickers: [{ uri: 'messages/stickers_used/ai.png' }] },
        },
      ],
    });
    const { messages } = await runParser(metaMessagesParser, inputFromText(json, { displayName: 'message_1.json' }));
    const [message] = messages;
    // The web address was nowhere but in a file name cut from it ("abc.jpg?oh=1").
    expect(message?.attachments[0]).toMatchObject({ kind: 'omitted', mediaType: 'image' });
    expect(message?.extra?.['photos']).toEqual([{ uri: 'https://scontent.example.invalid/v/abc.jpg?oh=1', creation_timestamp: 1712339000 }]);
    expect(message?.extra?.['videos']).toEqual([{ uri: 'messages/inbox/a_1/videos/v.mp4', creation_timestamp: 1712338000, thumbnail: { uri: 'messages/inbox/a_1/videos/t.jpg' } }]);
    expect(message?.extra?.['sticker']).toEqual({ uri: 'messages/stickers_used/s.png', ai_stickers: [{ uri: 'messages/stickers_used/ai.png' }] });
  });
});
