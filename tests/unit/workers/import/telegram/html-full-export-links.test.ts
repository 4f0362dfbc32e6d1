import { describe, expect, it } from 'vitest';
import { telegramHtmlParser } from '../../../../../workers/import/telegram/index.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

/**
 * In a full-account HTML export each chat's pages lie in chats/chat_NN/, and the writer links
 * every file from the export root: href = "../" once per folder of the page, then the file's path
 * from the root, which for the chat's own media starts with the chat's folder
 * (export_output_html.cpp: Wrap::relativePath = _base + path). So messages.html of chat_01 links
 * its photo as "../../chats/chat_01/photos/p.jpg": a file beside the page, not outside it.
 */

function page(body: string): string {
  return [
    '<!DOCTYPE html><html><head><meta charset="utf-8"/><title>Exported Data</title></head><body><div class="page_wrap">',
    '<div class="page_header"><a class="content block_link" href="../../lists/chats.html" onclick="return GoBack(this)"><div class="text bold">\nAnn \n</div></a></div>',
    '<div class="page_body chat_page"><div class="history">',
    body,
    '</div></div></div></body></html>',
  ].join('\n');
}

function message(id: number, inner: string): string {
  return `<div class="message default clearfix" id="message${id}">\n<div class="body">\n<div class="pull_right date details" title="12.01.2023 10:11:12 UTC+02:00">\n10:11\n</div>\n<div class="from_name">\nAnn \n</div>\n${inner}\n</div>\n</div>`;
}

async function parse(body: string, displayName = 'chats/chat_01/messages.html') {
  return runParser(telegramHtmlParser, inputFromText(page(body), { displayName }));
}

describe('Telegram HTML full-account export: links from the export root', () => {
  it('links a chat page\'s media written as "../../chats/chat_01/…" to the file beside the page', async () => {
    const { messages, warnings } = await parse(
      [
        message(1, '<div class="media_wrap clearfix">\n<a class="photo_wrap clearfix pull_left" href="../../chats/chat_01/photos/photo_1@12-01-2023_10-11-12.jpg">\n<img class="photo" src="../../chats/chat_01/photos/photo_1@12-01-2023_10-11-12_thumb.jpg" style="width: 260px; height: 195px"/>\n</a>\n</div>'),
        message(2, '<div class="media_wrap clearfix">\n<a class="media clearfix pull_left block_link media_file" href="../../chats/chat_01/files/contract.pdf">\n<div class="fill pull_left">\n</div>\n<div class="body">\n<div class="title bold">\ncontract.pdf\n</div>\n<div class="status details">\n109.6 KB\n</div>\n</div>\n</a>\n</div>'),
      ].join('\n'),
    );
    // The preview beside it too (the stand-in for a missing photo), linked the same way.
    const thumbnail = { kind: 'attached', mediaType: 'image', path: 'photos/photo_1@12-01-2023_10-11-12_thumb.jpg', fileName: 'photo_1@12-01-2023_10-11-12_thumb.jpg' };
    expect(messages[0]?.attachments).toEqual([{ kind: 'attached', mediaType: 'image', path: 'photos/photo_1@12-01-2023_10-11-12.jpg', fileName: 'photo_1@12-01-2023_10-11-12.jpg', whenMissing: thumbnail }]);
    expect(messages[1]?.attachments).toEqual([{ kind: 'attached', mediaType: 'document', path: 'files/contract.pdf', fileName: 'contract.pdf' }]);
    expect(warnings).toEqual([]);
  });

  it('types a file by its folder beside the page: a sticker the exporter draws as a generic media_photo block stays a sticker', async () => {
    const { messages } = await parse(
      message(1, '<div class="media_wrap clearfix">\n<a class="media clearfix pull_left block_link media_photo" href="../../chats/chat_01/stickers/AnimatedSticker.tgs">\n<div class="fill pull_left">\n</div>\n<div class="body">\n<div class="title bold">\nSticker\n</div>\n<div class="status details">\n👋\n</div>\n</div>\n</a>\n</div>'),
    );
    expect(messages[0]?.attachments).toEqual([{ kind: 'attached', mediaType: 'sticker', path: 'stickers/AnimatedSticker.tgs', fileName: 'AnimatedSticker.tgs' }]);
  });

  it('links the new group photo of a service message the same way', async () => {
    const { messages, warnings } = await parse(
      '<div class="message service" id="message5">\n<div class="body details">\nAnn changed group photo\n</div>\n<div class="userpic_wrap">\n<a class="userpic_link" href="../../chats/chat_01/photos/photo_2@12-01-2023_10-11-12.jpg">\n<img class="userpic" src="../../chats/chat_01/photos/photo_2@12-01-2023_10-11-12_thumb.jpg" style="width: 60px; height: 60px"/>\n</a>\n</div>\n</div>',
    );
    expect(messages[0]?.attachments).toEqual([{ kind: 'attached', mediaType: 'image', path: 'photos/photo_2@12-01-2023_10-11-12.jpg', fileName: 'photo_2@12-01-2023_10-11-12.jpg' }]);
    expect(warnings).toEqual([]);
  });

  it('still refuses a link that climbs into another chat\'s folder, and one that climbs above the export', async () => {
    const { messages, warnings } = await parse(
      [
        message(1, '<div class="media_wrap clearfix">\n<a class="photo_wrap clearfix pull_left" href="../../chats/chat_02/photos/p.jpg">\n</a>\n</div>'),
        message(2, '<div class="media_wrap clearfix">\n<a class="photo_wrap clearfix pull_left" href="../../../chat_01/photos/p.jpg">\n</a>\n</div>'),
      ].join('\n'),
    );
    expect(messages.map((message) => message.attachments[0]?.path)).toEqual([undefined, undefined]);
    expect(warnings.map((warning) => warning.message)).toEqual([
      'the link "../../chats/chat_02/photos/p.jpg" points outside the export folder; it was not linked',
      'the link "../../../chat_01/photos/p.jpg" points outside the export folder; it was not linked',
    ]);
  });
});

describe('Telegram HTML: the preview a media block shows', () => {
  it('makes a video\'s thumbnail its stand-in, and none of an image that is the linked file itself or a web address', async () => {
    const { messages } = await parse(
      [
        message(1, '<div class="media_wrap clearfix">\n<a class="video_file_wrap clearfix pull_left" href="video_files/clip.mp4">\n<div class="video_play_bg">\n<div class="video_play">\n</div>\n</div>\n<div class="video_duration">\n00:07\n</div>\n<img class="video_file" src="video_files/clip.mp4_thumb.jpg" style="width: 260px; height: 146px"/>\n</a>\n</div>'),
        message(2, '<div class="media_wrap clearfix">\n<a class="photo_wrap clearfix pull_left" href="photos/p.jpg">\n<img class="photo" src="photos/p.jpg"/>\n</a>\n</div>'),
        message(3, '<div class="media_wrap clearfix">\n<a class="photo_wrap clearfix pull_left" href="photos/q.jpg">\n<img class="photo" src="https://example.invalid/q.jpg"/>\n</a>\n</div>'),
      ].join('\n'),
      'messages.html',
    );
    expect(messages[0]?.attachments).toEqual([
      { kind: 'attached', mediaType: 'video', path: 'video_files/clip.mp4', fileName: 'clip.mp4', whenMissing: { kind: 'attached', mediaType: 'image', path: 'video_files/clip.mp4_thumb.jpg', fileName: 'clip.mp4_thumb.jpg' } },
    ]);
    expect(messages[1]?.attachments[0]?.whenMissing).toBeUndefined();
    expect(messages[2]?.attachments[0]?.whenMissing).toBeUndefined();
  });
});
