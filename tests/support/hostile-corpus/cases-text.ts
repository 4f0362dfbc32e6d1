import { hugeWords, INVALID_UTF8, LONE_SURROGATE_UTF8, NUL, spliced, utf16be, utf16le } from './damage.ts';
import { csvText, SEED_WORD, tinyPng, whatsappLine, whatsappText } from './seeds.ts';
import type { HostileCase } from './types.ts';
import { DECOY_NAME } from './types.ts';

/** WhatsApp text exports and mapped CSV: the line-oriented formats. */
export function textCases(): HostileCase[] {
  const chat = 'chat.txt';
  const good = whatsappText();
  return [
    {
      id: 'wa-invalid-utf8',
      format: 'whatsapp-txt',
      attack: 'invalid UTF-8 bytes inside a message',
      entry: chat,
      files: [{ name: chat, bytes: () => spliced(good, whatsappLine(10, 'Ana', 'broken '), INVALID_UTF8, ' bytes brokenword\n') }],
      expect: { status: 'imported', issues: [/chat\.txt:4\b.*UTF-8/u], finds: [SEED_WORD, 'brokenword'] },
    },
    {
      id: 'wa-lone-surrogate',
      format: 'whatsapp-txt',
      attack: 'a lone surrogate encoded as UTF-8 bytes (CESU-8)',
      entry: chat,
      files: [{ name: chat, bytes: () => spliced(good, whatsappLine(10, 'Ana', 'half '), LONE_SURROGATE_UTF8, ' a pair surrogateword\n') }],
      expect: { status: 'imported', issues: [/chat\.txt:4\b.*UTF-8/u], finds: [SEED_WORD, 'surrogateword'] },
    },
    {
      id: 'wa-nul-bytes',
      format: 'whatsapp-txt',
      attack: 'NUL bytes inside a message',
      entry: chat,
      files: [{ name: chat, bytes: () => spliced(good, whatsappLine(10, 'Ana', 'before'), NUL, NUL, 'nulword after\n') }],
      expect: { status: 'imported', finds: [SEED_WORD, 'nulword'], messages: 4 },
    },
    {
      id: 'wa-utf16le',
      format: 'whatsapp-txt',
      attack: 'the chat re-saved as UTF-16 LE with a byte order mark',
      entry: chat,
      files: [{ name: chat, bytes: () => utf16le(good) }],
      expect: { status: 'failed', code: 'E_IMPORT_FORMAT', says: /UTF-16/u },
    },
    {
      id: 'wa-utf16be',
      format: 'whatsapp-txt',
      attack: 'the chat as UTF-16 BE with a byte order mark',
      entry: chat,
      files: [{ name: chat, bytes: () => utf16be(good) }],
      expect: { status: 'failed', code: 'E_IMPORT_FORMAT', says: /UTF-16/u },
    },
    {
      id: 'wa-truncated',
      format: 'whatsapp-txt',
      attack: 'the file cut in the middle of a message and of a multi-byte character',
      entry: chat,
      files: [{ name: chat, bytes: () => spliced(good, whatsappLine(10, 'Ana', 'cut here '), Buffer.from('î', 'utf8').subarray(0, 1)) }],
      expect: { status: 'imported', issues: [/chat\.txt:4\b.*UTF-8/u], finds: [SEED_WORD] },
    },
    {
      id: 'wa-50mb-line',
      format: 'whatsapp-txt',
      attack: 'one message whose body is a single 50 MiB line',
      entry: chat,
      files: [{ name: chat, bytes: () => spliced(good, `${whatsappLine(10, 'Ana', 'longline ')}`, hugeWords(), `\n${whatsappLine(11, 'Dan', 'tailword after the long line')}\n`) }],
      expect: { status: 'imported', issues: [/chat\.txt:4 .*52428809 characters long; its first 1048576 are kept/u], finds: [SEED_WORD, 'longline', 'tailword'], messages: 5 },
    },
    {
      id: 'wa-attachment-escape',
      format: 'whatsapp-txt',
      attack: 'attachment names that climb out of the export folder to a real file',
      entry: chat,
      files: [{ name: chat, bytes: () => `${good}${whatsappLine(10, 'Ana', `../../${DECOY_NAME} (file attached)`)}\n${whatsappLine(11, 'Ana', `/etc/passwd (file attached)`)}\n` }],
      expect: { status: 'imported', finds: [SEED_WORD], messages: 5 },
    },
    {
      id: 'wa-png-named-txt',
      format: 'image',
      attack: 'a PNG image named .txt',
      entry: chat,
      files: [{ name: chat, bytes: () => tinyPng() }],
      expect: { status: 'imported', format: 'image', messages: 1 },
    },
    {
      id: 'wa-empty',
      format: 'whatsapp-txt',
      attack: 'an empty file',
      entry: chat,
      files: [{ name: chat, bytes: () => '' }],
      expect: { status: 'failed', code: 'E_IMPORT_EMPTY', says: /empty/u },
    },
    ...csvCases(),
  ];
}

function csvCases(): HostileCase[] {
  const file = 'messages.csv';
  const good = csvText();
  return [
    {
      id: 'csv-invalid-utf8',
      format: 'csv',
      attack: 'invalid UTF-8 bytes in a cell',
      entry: file,
      files: [{ name: file, bytes: () => spliced(good, '2024-04-05T21:02:00Z,Dorin,bad ', INVALID_UTF8, ' brokenword,Dorin\n') }],
      expect: { status: 'imported', issues: [/messages\.csv .*not valid UTF-8 \(at byte offset 1\d\d/u], finds: [SEED_WORD, 'brokenword'] },
    },
    {
      id: 'csv-lone-surrogate',
      format: 'csv',
      attack: 'a lone surrogate as raw bytes in a cell',
      entry: file,
      files: [{ name: file, bytes: () => spliced(good, '2024-04-05T21:02:00Z,Dorin,half ', LONE_SURROGATE_UTF8, ' surrogateword,Dorin\n') }],
      expect: { status: 'imported', issues: [/messages\.csv .*not valid UTF-8 \(at byte offset 1\d\d/u], finds: [SEED_WORD, 'surrogateword'] },
    },
    {
      id: 'csv-nul-bytes',
      format: 'csv',
      attack: 'NUL bytes in a cell',
      entry: file,
      files: [{ name: file, bytes: () => spliced(good, '2024-04-05T21:02:00Z,Dorin,before', NUL, 'nulword,Dorin\n') }],
      expect: { status: 'imported', finds: [SEED_WORD, 'nulword'], messages: 3 },
    },
    {
      id: 'csv-truncated',
      format: 'csv',
      attack: 'the file cut inside a quoted cell',
      entry: file,
      files: [{ name: file, bytes: () => `${good}2024-04-05T21:02:00Z,Dorin,"an open quote that never clo` }],
      expect: { status: 'imported', issues: [/messages\.csv:4 \(row 4\) Quote Not Closed/u], finds: [SEED_WORD], messages: 2, unparsed: 1 },
    },
    {
      // Excel's "Unicode text": UTF-16 with its byte order mark, which the CSV reader reads (it was refused before it).
      id: 'csv-utf16le',
      format: 'csv',
      attack: 'the CSV saved as UTF-16 LE with a byte order mark',
      entry: file,
      files: [{ name: file, bytes: () => utf16le(good) }],
      expect: { status: 'imported', finds: [SEED_WORD], messages: 2 },
    },
    {
      id: 'csv-utf16le-no-bom',
      format: 'csv',
      attack: 'the CSV saved as UTF-16 LE without a byte order mark',
      entry: file,
      files: [{ name: file, bytes: () => Buffer.from(good, 'utf16le') }],
      expect: { status: 'failed', code: 'E_IMPORT_FORMAT', says: /UTF-16/u },
    },
  ];
}
