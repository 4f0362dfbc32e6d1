import { describe, expect, it } from 'vitest';
import type { EncodedMessage, ParsedMessage } from '../../../../../shared/contracts/parsed-source.ts';
import { ByteScratch, MAX_PLAIN_SMS_BYTES, PlainSmsLineReader } from '../../../../../workers/import/sms-xml/plain-sms-bytes.ts';
import { parseSmsBackupXml } from '../../../../../workers/import/sms-xml/parse-sms-xml.ts';
import { inputFromText } from '../../../../support/parser-harness.ts';

const reader = new PlainSmsLineReader();

/** The attributes of `line` as the byte reader reads it, or null when it leaves the line to the text path. */
function attributesOf(line: string): Record<string, string> | null {
  const bytes = Buffer.from(`<smses>\n${line}`, 'utf8');
  const start = bytes.indexOf('\n') + 1;
  if (!reader.read(bytes, start, bytes.length)) return null;
  const scratch = new ByteScratch();
  return Object.fromEntries(reader.names.slice(0, reader.count).map((name, index) => [name, reader.value(index, scratch)]));
}

describe('the plain sms line, read from bytes', () => {
  it('gives its attributes and the column of its "<"', () => {
    expect(attributesOf('  <sms protocol="0" address="+40721" body=\'it&apos;s "ok"\' />\n')).toEqual({ protocol: '0', address: '+40721', body: 'it\'s "ok"' });
    expect(reader.column).toBe(3);
    expect(attributesOf('\t<sms a="1"/>\r\n')).toEqual({ a: '1' });
    expect(reader.column).toBe(2);
  });

  it('reads the five named references, character references to characters XML allows, and an emoji written as its two surrogate halves', () => {
    expect(attributesOf('<sms body="a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos;&#10;f&#x1F600;&#13;&#9;&#0065;" />\n')).toEqual({ body: 'a & b <c> "d" \'e\'\nf😀\r\tA' });
    expect(reader.joinedPairs).toBe(0);
    expect(attributesOf('<sms body="😀 as written, ş, نص, &#55357;&#56832; and &#xD83D;&#xDE00; as the app writes it" />\n')).toEqual({ body: '😀 as written, ş, نص, 😀 and 😀 as the app writes it' });
    expect(reader.joinedPairs).toBe(2);
  });

  it.each([
    ['a tab in a value (XML makes it a space)', '<sms body="a\tb" />'],
    ['a carriage return in a value', '<sms body="a\rb" />'],
    ['a < in a value', '<sms body="a<b" />'],
    ['a control character', '<sms body="a\u0001b" />'],
    ['U+FFFF', '<sms body="a\uffffb" />'],
    ['U+FFFE', '<sms body="a\ufffeb" />'],
    ['half a surrogate pair, referenced alone', '<sms body="&#55357; alone" />'],
    ['the halves of a pair in the wrong order', '<sms body="&#56832;&#55357;" />'],
    ['a surrogate half in a form the prefilter does not join', '<sms body="&#055357;&#56832;" />'],
    ['a reference to a character XML forbids', '<sms body="&#0;" />'],
    ['a reference past Unicode', '<sms body="&#x110000;" />'],
    ['a decimal reference of eight digits', '<sms body="&#00000065;" />'],
    ['an unknown entity', '<sms body="&nbsp;" />'],
    ['an uppercase hex marker', '<sms body="&#X41;" />'],
    ['a bare ampersand', '<sms body="Tom & Jerry" />'],
    ['a reference without its semicolon', '<sms body="a &amp b" />'],
    ['a duplicate attribute', '<sms body="a" body="b" />'],
    ['a space before =', '<sms body ="a" />'],
    ['an unquoted value', '<sms body=a />'],
    ['no space between attributes', '<sms a="1"b="2" />'],
    ['a name with a colon', '<sms x:body="a" />'],
    ['a name outside ASCII', '<sms bödy="a" />'],
    ['a tab between attributes', '<sms a="1"\tb="2" />'],
    ['an element that is not self-closing', '<sms body="a"></sms>'],
    ['no attributes', '<sms  />'],
    ['another element after it on its line', '<sms body="a" /><sms body="b" />'],
    ['text after it on its line', '<sms body="a" /> x'],
    ['two line breaks after it (CR, then CR LF)', '<sms body="a" />\r\r'],
  ])('leaves %s to the text path', (_case, element) => {
    expect(attributesOf(`  ${element}\n`)).toBeNull();
  });

  it.each(['__proto__', 'constructor', 'toString'])('leaves a name a plain object already answers to (%s) to the text path', (name) => {
    expect(attributesOf(`  <sms ${name}="x" body="a" />\n`)).toBeNull();
  });

  it('leaves a line longer than MAX_PLAIN_SMS_BYTES, or one without its line feed, to the text path', () => {
    expect(attributesOf(`<sms body="${'x'.repeat(MAX_PLAIN_SMS_BYTES)}" />\n`)).toBeNull();
    expect(attributesOf('<sms body="a" />')).toBeNull();
  });

  it('reads the next element right whatever names the element before had', () => {
    const shape = '<sms protocol="0" date="1" body="x" />\n';
    for (const [element, attributes] of [
      ['<sms protocol="1" date="2" body="y" />\n', { protocol: '1', date: '2', body: 'y' }],
      ['<sms protocol="1" />\n', { protocol: '1' }],
      ['<sms protocol="1" date="2" body="y" read="1" />\n', { protocol: '1', date: '2', body: 'y', read: '1' }],
      ['<sms protocol="1" date_sent="5" body="y" />\n', { protocol: '1', date_sent: '5', body: 'y' }],
      ['<sms date="2" protocol="1" body="y" />\n', { date: '2', protocol: '1', body: 'y' }],
    ] as const) {
      attributesOf(shape);
      expect(attributesOf(element)).toEqual(attributes);
      expect(attributesOf(shape)).toEqual({ protocol: '0', date: '1', body: 'x' });
    }
    for (const refused of ['<sms protocol="1" date="2" body="y" date="3" />\n', '<sms protocol="1" read="1" protocol="2" />\n', '<sms protocol="1" date="2" body="y" constructor="3" />\n']) {
      attributesOf(shape);
      expect(attributesOf(refused)).toBeNull();
      expect(attributesOf(shape)).toEqual({ protocol: '0', date: '1', body: 'x' });
    }
  });
});

describe('plain sms lines in an import', () => {
  it('are handed to a sink that stores encoded messages as such, but the first of each conversation and those a record needs a note for', async () => {
    const lines = [];
    for (let index = 0; index < 100; index += 1) lines.push(`  <sms address="+4072${index % 4}" date="${1673769600000 + index}" type="${1 + (index % 2)}" body="m${index}" contact_name="C" />`);
    lines.push('  <sms address="+40720" date="1673769600" type="1" body="a date in seconds" />');
    lines.push('  <sms address="+40720" date="1673769600000" type="7" body="an unknown type" />');
    const encoded: EncodedMessage[] = [];
    const parsed: ParsedMessage[] = [];
    const sink = {
      chat: () => undefined,
      message: (message: ParsedMessage) => void parsed.push(message),
      encodedMessage: (message: EncodedMessage) => void encoded.push({ ...message, bytes: new Uint8Array(message.bytes) }),
      warning: () => undefined,
      throwIfCancelled: () => undefined,
      progress: () => undefined,
    };
    await parseSmsBackupXml(inputFromText(`<?xml version="1.0"?>\n<smses>\n${lines.join('\n')}\n</smses>\n`), sink);
    expect(parsed.map((message) => message.text)).toEqual(['m0', 'm1', 'm2', 'm3', 'a date in seconds', 'an unknown type']);
    expect(encoded).toHaveLength(96);
    const fifth = encoded[0] as EncodedMessage;
    expect(Buffer.from(fifth.bytes).toString('utf8', fifth.textStart, fifth.textEnd)).toBe('m4');
    expect(JSON.parse(Buffer.from(fifth.bytes).toString('utf8', fifth.extraStart, fifth.extraEnd))).toEqual({ element: 'sms', attributes: { type: '1' }, status: 'inbox' });
    expect(fifth).toMatchObject({ chatKey: '+40720', sender: 'C', senderId: '+40720', direction: 'incoming', utcMs: 1673769600004, timestampText: '1673769600004', locator: { path: '/smses/sms[5]', line: 7, column: 3 } });
  });
});
