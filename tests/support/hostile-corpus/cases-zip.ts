import { buildZip } from '../zip-writer.ts';
import { cut } from './damage.ts';
import { SEED_WORD, whatsappLine, whatsappText, whatsappZip } from './seeds.ts';
import type { HostileCase } from './types.ts';
import { floodZip, gigabyteBomb, nestedZip, slipEntries, zip64Liar } from './zips.ts';

/** WhatsApp export zips: names that leave the archive, bombs, size lies, nesting, floods. */
export function zipCases(): HostileCase[] {
  const file = 'WhatsApp Chat - Ana.zip';
  const chat = { name: '_chat.txt', data: whatsappText(), deflate: true };
  const withPhoto = `${whatsappText()}${whatsappLine(10, 'Ana', 'IMG-20240312-WA0001.jpg (file attached)')}\n`;
  return [
    {
      id: 'zip-slip',
      format: 'zip',
      attack: 'entries named ../, /etc/x, C:\\x, ..\\ and a symlink entry, beside a real _chat.txt',
      entry: file,
      files: [{ name: file, bytes: () => buildZip([...slipEntries(), chat]) }],
      expect: { status: 'imported', issues: [/escaped-relative/u, /escaped-absolute/u, /escaped-drive/u, /escaped-backslash/u, /escaped-normalised/u, /passwd\.jpg.*link/u], finds: [SEED_WORD] },
    },
    {
      id: 'zip-bomb-gigabyte-chat',
      format: 'zip',
      attack: '_chat.txt inflating to 1 GiB of zeros from about 1 MB',
      entry: file,
      files: [{ name: file, bytes: () => gigabyteBomb('_chat.txt') }],
      expect: { status: 'failed', code: 'E_IMPORT_FORMAT', says: /_chat\.txt cannot be read: compresses \d+:1, beyond the 200:1 limit \(zip bomb\?\)/u },
    },
    {
      id: 'zip-bomb-gigabyte-media',
      format: 'zip',
      attack: 'a real chat whose attached photo inflates to 1 GiB of zeros',
      entry: file,
      files: [{ name: file, bytes: () => gigabyteBomb('IMG-20240312-WA0001.jpg', [{ name: '_chat.txt', data: withPhoto, deflate: true }]) }],
      expect: { status: 'imported', issues: [/_chat\.txt:4 attachment IMG-20240312-WA0001\.jpg cannot be read \(.*zip bomb\?\)\); recorded as missing/u], finds: [SEED_WORD], messages: 4 },
    },
    {
      id: 'zip-bomb-ratio',
      format: 'zip',
      attack: 'a chat followed by 40 MB of one letter (compresses ~1000:1)',
      entry: file,
      files: [{ name: file, bytes: () => buildZip([{ name: '_chat.txt', data: `${whatsappText()}${'A'.repeat(40 * 1024 * 1024)}`, deflate: true }]) }],
      expect: { status: 'failed', code: 'E_IMPORT_FORMAT', says: /_chat\.txt cannot be read: compresses \d+:1, beyond the 200:1 limit \(zip bomb\?\)/u },
    },
    {
      id: 'zip-size-understated',
      format: 'zip',
      attack: '_chat.txt whose headers say 10 bytes',
      entry: file,
      files: [{ name: file, bytes: () => buildZip([{ ...chat, declaredSize: 10 }]) }],
      expect: { status: 'failed', code: 'E_IMPORT_FORMAT', says: /_chat\.txt cannot be read: too many bytes in the stream\. expected 10/u },
    },
    {
      id: 'zip-size-overstated',
      format: 'zip',
      attack: '_chat.txt whose headers say 3 GB (more than it holds)',
      entry: file,
      files: [{ name: file, bytes: () => buildZip([{ ...chat, declaredSize: 3_000_000_000 }]) }],
      expect: { status: 'failed', code: 'E_IMPORT_FORMAT', says: /_chat\.txt cannot be read: compresses \d+:1, beyond the 200:1 limit \(zip bomb\?\)/u },
    },
    {
      id: 'zip-size-zip64-marker',
      format: 'zip',
      attack: '_chat.txt whose size is the ZIP64 marker 0xFFFFFFFF with no ZIP64 record',
      entry: file,
      files: [{ name: file, bytes: () => zip64Liar(chat) }],
      expect: { status: 'failed', code: 'E_IMPORT_FORMAT', says: /_chat\.txt cannot be read: compresses \d+:1, beyond the 200:1 limit/u },
    },
    {
      id: 'zip-nested',
      format: 'zip',
      attack: 'a chat inside a zip nested 25 levels deep',
      entry: file,
      files: [{ name: file, bytes: () => nestedZip(25, [chat]) }],
      expect: { status: 'failed', code: 'E_IMPORT_FORMAT', says: /level-2\.zip.*(nested|zip inside)/u },
    },
    {
      id: 'zip-flood',
      format: 'zip',
      attack: '21 000 one-byte entries (more than the 20 000 a zip survey looks at), the chat last',
      entry: file,
      files: [{ name: file, bytes: () => floodZip(21_000, chat) }],
      expect: { status: 'imported', finds: [SEED_WORD], messages: 3 },
    },
    {
      id: 'zip-truncated',
      format: 'zip',
      attack: 'the zip cut in half (no central directory)',
      entry: file,
      files: [{ name: file, bytes: () => cut(floodZip(200, chat), 0.5) }],
      expect: { status: 'failed', code: 'E_IMPORT_FORMAT', says: /not a readable zip archive .*End of central directory record signature not found/u },
    },
    {
      id: 'zip-named-json',
      format: 'zip',
      attack: 'a WhatsApp zip named result.json',
      entry: 'result.json',
      files: [{ name: 'result.json', bytes: () => whatsappZip() }],
      expect: { status: 'imported', format: 'zip', finds: [SEED_WORD], messages: 3 },
    },
  ];
}
