import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import type { CaseSession } from '../../engine/case/case-session.ts';
import { Engine } from '../../engine/engine.ts';
import { resolveOcrSettings } from '../../engine/ocr/ocr-options.ts';
import { telegramMessage, telegramPage, telegramText } from './telegram-html-markup.ts';
import { tempFolder } from './temp-case.ts';

/**
 * A Telegram Desktop HTML export folder whose messages carry photos with known text, and a case
 * that imported it and read its images: the setup of the tests where OCR meets tags, search and
 * the index. Photos are rendered in the test (an SVG in DejaVu Sans rasterised to JPEG by sharp),
 * named photo_<n>@… in order of appearance, one line of text every 64 pixels.
 */
export interface PhotoMessage {
  from: string;
  /** The lines written in each photo of the message. */
  photos?: readonly (readonly string[])[];
  /** Message text after the photos. */
  text?: string;
  /**
   * 'media' (default): each photo in a media_wrap block, as a message with a photo is written;
   * 'rich': the photos as figures inside a rich message's text, as Telegram Desktop lays out an
   * album sent as one rich message.
   */
  layout?: 'media' | 'rich';
}

const LINE_HEIGHT = 64;

export async function writePhotoWithText(path: string, lines: readonly string[]): Promise<void> {
  const text = lines.map((line, index) => `<text x="24" y="${70 + index * LINE_HEIGHT}" font-family="DejaVu Sans" font-size="34" fill="black">${line}</text>`).join('');
  await sharp(Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="900" height="${60 + lines.length * LINE_HEIGHT}"><rect width="100%" height="100%" fill="white"/>${text}</svg>`)).jpeg().toFile(path);
}

function photoLink(file: string): string {
  return `<a class="photo_wrap clearfix pull_left" href="photos/${file}"><img class="photo" src="photos/${file}" style="width: 260px; height: 195px"/></a>`;
}

function mediaBlock(file: string): string {
  return `<div class="media_wrap clearfix">${photoLink(file)}</div>`;
}

/** A rich message's figure holding a photo, as Telegram Desktop's HTML writer lays it out. */
function richFigure(file: string): string {
  return `\n<figure class="rich_block rich_media_item" data-rich-kind="photo">\n<div class="media_wrap clearfix">\n<a class="photo_wrap clearfix pull_left" href="photos/${file}">\n<img class="photo" src="photos/${file}" style="width: 260px; height: 195px"/>\n</a>\n</div>\n</figure>\n`;
}

/** Writes the chat's folder (messages.html and photos/) under a new temporary folder; returns its path. */
export async function writeTelegramPhotoChat(messages: readonly PhotoMessage[], folderName = 'ChatExport_2025-12-05'): Promise<string> {
  const folder = join(tempFolder(), folderName);
  mkdirSync(join(folder, 'photos'), { recursive: true });
  let photoNumber = 0;
  const blocks: string[] = [];
  for (const [index, message] of messages.entries()) {
    const files: string[] = [];
    for (const lines of message.photos ?? []) {
      photoNumber++;
      const file = `photo_${photoNumber}@03-12-2025_19-01-00.jpg`;
      await writePhotoWithText(join(folder, 'photos', file), lines);
      files.push(file);
    }
    const text = message.text === undefined ? '' : telegramText(message.text);
    const inner = message.layout === 'rich'
      ? `<div class="text rich_message" data-rich-message="1" data-rich-part="false" dir="auto">${files.map(richFigure).join('')}</div>${text}`
      : `${files.map(mediaBlock).join('')}${text}`;
    blocks.push(telegramMessage(index + 1, message.from, inner));
  }
  writeFileSync(join(folder, 'messages.html'), telegramPage(blocks, messages[0]?.from));
  return folder;
}

/** A new case that imported the folders (times in UTC) and read their images with the default OCR settings. */
export async function openCaseWithImagesRead(folders: readonly string[], actor = 'ocr-test'): Promise<{ engine: Engine; session: CaseSession }> {
  const engine = new Engine({ mode: 'cli', actor });
  const session = await engine.openCase(join(tempFolder(), 'case'), true);
  await engine.startImport([...folders], { timeZone: 'UTC' }).done;
  await engine.startOcr(resolveOcrSettings({})).done;
  return { engine, session };
}
