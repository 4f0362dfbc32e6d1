import { describe, expect, it } from 'vitest';
import type { SourceLocator } from '../../../../shared/contracts/parsed-source.ts';
import { LocatorJson } from '../../../../workers/import/message-batch.ts';
import { whatsappTextParser } from '../../../../workers/import/whatsapp/index.ts';
import { smsBackupXmlParser } from '../../../../workers/import/sms-xml/index.ts';
import { whatsappText } from '../../../support/hostile-corpus/seeds.ts';
import { inputFromText, runParser } from '../../../support/parser-harness.ts';

describe('LocatorJson (locators as the case stores them)', () => {
  it('writes the same text as JSON.stringify for every locator a WhatsApp export gives', async () => {
    const result = await runParser(whatsappTextParser, inputFromText(`${whatsappText()}not a header\n`, { displayName: 'WhatsApp Chat with "Ana" \\ ș 🎉.txt' }));
    const locators = result.messages.map((message) => message.locator);
    expect(locators.length).toBeGreaterThan(2);
    const json = new LocatorJson();
    expect(locators.map((locator) => json.text(locator))).toEqual(locators.map((locator) => JSON.stringify(locator)));
  });

  it.each<[string, SourceLocator]>([
    ['a file name with quotes, backslash, control characters and RTL', { kind: 'text-lines', file: 'a"b\\c\u0001\n\u202Eﺍ.txt', lineStart: 1, lineEnd: 2, byteStart: 0, byteEnd: 10 }],
    ['offsets past 32 bits', { kind: 'text-lines', file: 'big.txt', lineStart: 2 ** 33, lineEnd: 2 ** 33 + 1, byteStart: 2 ** 40, byteEnd: 2 ** 40 + 5 }],
    ['a number that is not an integer (written as JSON.stringify does)', { kind: 'text-lines', file: 'x.txt', lineStart: Number.NaN, lineEnd: 1, byteStart: 0, byteEnd: 1 }],
    ['an XML element', { kind: 'xml-path', file: 'sms "all" \\ ș.xml', path: '/smses/mms[12]', line: 40, column: 3 }],
    ['an XML path with quotes, backslash and control characters', { kind: 'xml-path', file: 'report.xml', path: '/a/"b"\\c\u0001[1]', line: 2 ** 40, column: 1 }],
    ['an XML element without line and column', { kind: 'xml-path', file: 'report.xml', path: '/smses/sms[1]' }],
    ['an XML element with a column that is not a number', { kind: 'xml-path', file: 'report.xml', path: '/smses/sms[1]', line: 1, column: Number.POSITIVE_INFINITY }],
    ['another kind of locator', { kind: 'sqlite-row', file: 'msgstore.db', table: 'message', rowid: 7 }],
  ])('writes JSON.stringify’s text for %s', (_case, locator) => {
    expect(new LocatorJson().text(locator)).toBe(JSON.stringify(locator));
  });

  it('writes the same text as JSON.stringify for every locator an SMS Backup & Restore file gives', async () => {
    const xml = `<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<smses count="3">\n  <sms protocol="0" address="+40721000111" date="1700000000000" type="1" body="hi &quot;there&quot;" read="1" />\n  <sms address="+40721000112" date="1700000001000" type="2" body="ș" />\n  <mms date="1700000002" msg_box="1"><parts><part seq="0" ct="text/plain" text="x" /></parts><addrs><addr address="+40721000111" type="137" /></addrs></mms>\n</smses>\n`;
    const result = await runParser(smsBackupXmlParser, inputFromText(xml, { displayName: 'sms-"backup" ș.xml' }));
    const locators = result.messages.map((message) => message.locator);
    expect(locators).toHaveLength(3);
    const json = new LocatorJson();
    expect(locators.map((locator) => json.text(locator))).toEqual(locators.map((locator) => JSON.stringify(locator)));
  });

  it('follows a change of file (a zip with several chats) instead of repeating the first name', () => {
    const json = new LocatorJson();
    const first: SourceLocator = { kind: 'text-lines', file: 'one.txt', lineStart: 1, lineEnd: 1, byteStart: 0, byteEnd: 5 };
    const second: SourceLocator = { ...first, file: 'two.txt' };
    expect([json.text(first), json.text(second), json.text(first)].map((text) => (JSON.parse(text) as { file: string }).file)).toEqual(['one.txt', 'two.txt', 'one.txt']);
  });
});
