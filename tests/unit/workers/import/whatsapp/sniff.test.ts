import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

import { SNIFF_BYTE_LIMIT, sniffWhatsAppText } from '../../../../../workers/import/whatsapp/index.ts';

const SAMPLES = path.resolve(process.cwd(), '../shared/samples');
const HAVE_SAMPLES = existsSync(path.join(SAMPLES, 'whatsapp-txt'));
const encoder = new TextEncoder();

function listFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const full = path.join(directory, name);
    return statSync(full).isDirectory() ? listFiles(full) : [full];
  });
}

function head(file: string): Uint8Array {
  return new Uint8Array(readFileSync(file)).subarray(0, SNIFF_BYTE_LIMIT);
}

describe('sniffWhatsAppText on hand-made text', () => {
  it('accepts Android and iOS heads', () => {
    expect(sniffWhatsAppText(encoder.encode('1/1/21, 12:00 - A: Hi\n1/1/21, 12:01 - B: Whats up?\n'))).toBe(true);
    expect(sniffWhatsAppText(encoder.encode('\ufeff[3/18/22, 14:56:01] A: \u200eMessages\r\n[3/18/22, 14:57:01] B: x\r\n'))).toBe(true);
  });

  it('accepts a one-message chat: its first line is a whole header (single-header-chat.test.ts)', () => {
    expect(sniffWhatsAppText(encoder.encode('1/1/21, 12:00 - A: Hi\nand then a long letter follows\nwith no more headers\n'))).toBe(true);
  });

  it.each([
    ['JSON', '{\n  "name": "Chat",\n  "messages": [\n    {"date": "2022-03-18T14:56:01", "from": "A", "text": "hi"}\n  ]\n}\n'],
    ['XML', '<?xml version="1.0"?>\n<smses count="2">\n  <sms date="1647615361000" body="12/03/2022, 10:00 - hi" />\n</smses>\n'],
    ['CSV', 'date,time,sender,text\n2022-03-18,14:56,Alice,hi\n2022-03-18,14:57,Bob,hello\n18/03/2022,14:58,Bob,again\n'],
    ['prose', 'On 12 March we met at the station.\nThe meeting lasted until 10:30 and then we left.\nNothing else happened.\n'],
    ['one header, not on the first line', 'Letter\n1/1/21, 12:00 - A: Hi\nand then a long letter follows\nwith no more headers\n'],
    ['empty', ''],
    ['binary', '\u0000\u0001\u0002\u0003PK\u0003\u0004'],
    ['signal-export', '[2019-12-24, 12:23] Jane Doe: Hello John!\n[2020-01-17, 21:49] John Doe: Hello\n'],
    ['signal-export without comma, under a typed title', 'Chat\nwith\nJane\n[2019-12-24 12:23] Jane: hi\n[2019-12-24 12:24] Me: a\n[2019-12-24 12:25] Me: b\n[2019-12-24 12:26] Me: c\n[2019-12-24 12:27] Me: d\n'],
  ])('rejects %s', (_name, text) => {
    expect(sniffWhatsAppText(encoder.encode(text))).toBe(false);
  });
});

describe.skipIf(!HAVE_SAMPLES)('sniffWhatsAppText on the shared samples', () => {
  const files = HAVE_SAMPLES ? listFiles(SAMPLES) : [];
  const whatsApp = files.filter((file) => file.includes(`${path.sep}whatsapp-txt${path.sep}`) && file.endsWith('.txt'));
  const others = files.filter((file) => !whatsApp.includes(file));

  it.each(whatsApp.map((file) => path.relative(SAMPLES, file)))('accepts %s', (relative) => {
    expect(sniffWhatsAppText(head(path.join(SAMPLES, relative)))).toBe(true);
  });

  it.each(others.map((file) => path.relative(SAMPLES, file)))('rejects %s', (relative) => {
    expect(sniffWhatsAppText(head(path.join(SAMPLES, relative)))).toBe(false);
  });
});
