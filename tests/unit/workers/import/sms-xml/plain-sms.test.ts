import { describe, expect, it } from 'vitest';
import { MAX_PLAIN_SMS_CHARS, readPlainSms } from '../../../../../workers/import/sms-xml/plain-sms.ts';

function read(element: string, after = '\n  '): ReturnType<typeof readPlainSms> {
  return readPlainSms(`  ${element}${after}`, 2);
}

function attributesOf(element: string): Record<string, string> | null {
  const result = read(element);
  return result === null || result === 'incomplete' ? null : { ...result.attributes };
}

describe('the plain sms element (read without saxes)', () => {
  it('gives its attributes and where it ends', () => {
    const text = '  <sms protocol="0" address="+40721" body=\'it&apos;s "ok"\' />\n';
    expect(readPlainSms(text, 2)).toEqual({ attributes: { protocol: '0', address: '+40721', body: 'it\'s "ok"' }, end: text.indexOf('/>') + 2 });
  });

  it('reads the five named references and character references to characters XML allows', () => {
    expect(attributesOf('<sms body="a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos;&#10;f&#x1F600;&#13;&#9;" />')).toEqual({ body: 'a & b <c> "d" \'e\'\nf😀\r\t' });
    expect(attributesOf('<sms body="😀 emoji as written, ş, نص" />')).toEqual({ body: '😀 emoji as written, ş, نص' });
  });

  it.each([
    ['a tab in a value (XML makes it a space)', '<sms body="a\tb" />'],
    ['a line break in a value', '<sms body="a\nb" />'],
    ['a carriage return in a value', '<sms body="a\rb" />'],
    ['a < in a value', '<sms body="a<b" />'],
    ['a control character', '<sms body="a\u0001b" />'],
    ['U+FFFF', '<sms body="a\uffffb" />'],
    ['half a surrogate pair, written', '<sms body="a\ud83db" />'],
    ['half a surrogate pair, referenced (how the app writes emoji)', '<sms body="&#55357;&#56832;" />'],
    ['a reference to a character XML forbids', '<sms body="&#0;" />'],
    ['an unknown entity', '<sms body="&nbsp;" />'],
    ['an uppercase hex marker', '<sms body="&#X41;" />'],
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
  ])('declines %s (saxes reads it)', (_case, element) => {
    expect(read(element)).toBeNull();
  });

  it('declines an element followed by more than spaces on its line, and takes one followed by spaces and CR LF', () => {
    expect(read('<sms body="a" />', '<sms body="b" />\n')).toBeNull();
    expect(read('<sms body="a" />', '  \r\n')).not.toBeNull();
  });

  it('says incomplete when the text ends before the element or its line does, and declines an element too long to wait for', () => {
    expect(readPlainSms('  <sms body="abc', 2)).toBe('incomplete');
    expect(readPlainSms('  <sms body="abc" /', 2)).toBe('incomplete');
    expect(readPlainSms('  <sms body="abc" />  ', 2)).toBe('incomplete');
    expect(readPlainSms(`  <sms body="${'x'.repeat(MAX_PLAIN_SMS_CHARS)}`, 2)).toBeNull();
  });

  it.each(['__proto__', 'constructor', 'toString'])('declines a name a plain object already answers to (%s): saxes reads it', (name) => {
    expect(read(`<sms ${name}="x" body="a" />`)).toBeNull();
  });
});
