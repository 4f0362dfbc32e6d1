import { describe, expect, it } from 'vitest';
import { telegramHtmlParser } from '../../../../../workers/import/telegram/index.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

/**
 * Regression: when Telegram Desktop cannot draw a sticker or an animation (no thumbnail: the file
 * was not included, or it is an animated .tgs sticker), it writes a generic block with the class
 * of a photo or a video and the English title "Sticker" or "Animation" (export_output_html.cpp,
 * pushStickerMedia and pushAnimatedMedia; the real EmerickGrimm/Telegram-Chat-Export-Reader
 * sample.html has such a "Sticker" block on `media_photo`). Without a link to stickers/ or
 * animations/ the title is the only sign of the file's kind; it was read as a photo or a video.
 * Likewise a document with no name is titled "File" (prepareMediaData), which is no file name.
 */

function page(media: string): string {
  return [
    '<!DOCTYPE html><html><head><meta charset="utf-8"/></head><body><div class="page_wrap">',
    '<div class="page_header"><div class="content"><div class="text bold">Marta</div></div></div>',
    '<div class="page_body chat_page"><div class="history">',
    `<div class="message default clearfix" id="message10"><div class="body"><div class="pull_right date details" title="03.12.2025 19:07:11 UTC+02:00">19:07</div><div class="from_name">Marta</div>${media}</div></div>`,
    '</div></div></div></body></html>',
  ].join('\n');
}

function genericBlock(classes: string, title: string, status: string): string {
  return [
    `<div class="media_wrap clearfix"><div class="media clearfix pull_left ${classes}">`,
    '<div class="fill pull_left"></div><div class="body">',
    `<div class="title bold">${title}</div>`,
    '<div class="description">Not included, change data exporting settings to download.</div>',
    `<div class="status details">${status}</div>`,
    '</div></div></div>',
  ].join('\n');
}

async function attachmentsOf(media: string): Promise<unknown> {
  const { messages } = await runParser(telegramHtmlParser, inputFromText(page(media), { displayName: 'ChatExport/messages.html' }));
  return messages[0]?.attachments;
}

describe('Telegram HTML: the generic fallback block of a sticker or an animation', () => {
  it('reads a "Sticker" block on media_photo with no file as an omitted sticker', async () => {
    expect(await attachmentsOf(genericBlock('media_photo', 'Sticker', '👋, 23.4 KB'))).toEqual([{ kind: 'omitted', mediaType: 'sticker' }]);
  });

  it('reads an "Animation" block on media_video with no file as an omitted gif', async () => {
    expect(await attachmentsOf(genericBlock('media_video', 'Animation', '1.2 MB'))).toEqual([{ kind: 'omitted', mediaType: 'gif' }]);
  });

  it('keeps a photo a photo and a video message a video', async () => {
    expect(await attachmentsOf(genericBlock('media_photo', 'Photo', '1280x960, 120.5 KB'))).toEqual([{ kind: 'omitted', mediaType: 'image' }]);
    expect(await attachmentsOf(genericBlock('media_video', 'Video message', '00:07, 300.0 KB'))).toEqual([{ kind: 'omitted', mediaType: 'video' }]);
  });

  it('regression: takes "File", the title of a document with no name, for no file name', async () => {
    // prepareMediaData titles an unnamed document "File"; the linked path holds its real name.
    const linked = '<div class="media_wrap clearfix"><a class="media clearfix pull_left block_link media_file" href="files/scan_0412.pdf"><div class="fill pull_left"></div><div class="body"><div class="title bold">File</div><div class="status details">1.1 MB</div></div></a></div>';
    expect(await attachmentsOf(linked)).toEqual([{ kind: 'attached', mediaType: 'document', path: 'files/scan_0412.pdf', fileName: 'scan_0412.pdf' }]);
    expect(await attachmentsOf(genericBlock('media_file', 'File', '1.1 MB'))).toEqual([{ kind: 'omitted', mediaType: 'document' }]);
    // A named document keeps its name, linked or not.
    expect(await attachmentsOf(genericBlock('media_file', 'contract.pdf', '1.1 MB'))).toEqual([{ kind: 'omitted', mediaType: 'document', fileName: 'contract.pdf' }]);
  });
});
