import { pseudoRandomBytes } from './databases.ts';
import { cut } from './damage.ts';
import { SEED_WORD, tinyPng, whatsappText } from './seeds.ts';
import type { HostileCase } from './types.ts';

/** Files that are not what their name says, and images. */
export function miscCases(): HostileCase[] {
  return [
    {
      id: 'dir-named-zip',
      format: 'zip',
      attack: 'a folder named .zip holding a chat',
      entry: 'export.zip/chat.txt',
      files: [{ name: 'export.zip/chat.txt', bytes: () => whatsappText() }],
      expect: { status: 'imported', format: 'whatsapp-txt', finds: [SEED_WORD], messages: 3 },
    },
    {
      id: 'empty-dir-named-zip',
      format: 'zip',
      attack: 'an empty folder named .zip',
      entry: 'empty.zip',
      files: [{ name: 'empty.zip', directory: true }],
      expect: { status: 'nothing', why: 'an empty folder met while walking a seized tree is not a source (phones hold hundreds); named on its own it is refused, tested one by one' },
    },
    {
      id: 'image-truncated',
      format: 'image',
      attack: 'a PNG cut in half',
      entry: 'screenshot.png',
      files: [{ name: 'screenshot.png', bytes: () => cut(tinyPng(), 0.5) }],
      expect: { status: 'imported', format: 'image', messages: 1 }, // recorded as an image item; decoding (and its error) happens at OCR
    },
    {
      id: 'image-random-named-jpg',
      format: 'image',
      attack: 'random bytes named .jpg',
      entry: 'photo.jpg',
      files: [{ name: 'photo.jpg', bytes: () => pseudoRandomBytes(32 * 1024, 'random-jpg') }],
      expect: { status: 'failed', code: 'E_IMPORT_FORMAT', says: /the content looks encrypted/u },
    },
    {
      id: 'empty-json',
      format: 'telegram-json',
      attack: 'an empty result.json',
      entry: 'result.json',
      files: [{ name: 'result.json', bytes: () => '' }],
      expect: { status: 'failed', code: 'E_IMPORT_EMPTY', says: /empty/u },
    },
  ];
}
