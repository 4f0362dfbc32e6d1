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

describe('the plain sms element after another (names as the previous element had them)', () => {
  const SHAPE = '<sms protocol="0" date="1" body="x" />';

  it.each([
    ['the same names', '<sms protocol="1" date="2" body="y" />', { protocol: '1', date: '2', body: 'y' }],
    ['fewer of them', '<sms protocol="1" />', { protocol: '1' }],
    ['more of them', '<sms protocol="1" date="2" body="y" read="1" />', { protocol: '1', date: '2', body: 'y', read: '1' }],
    ['a longer name that starts with a known one', '<sms protocol="1" date_sent="5" body="y" />', { protocol: '1', date_sent: '5', body: 'y' }],
    ['another order', '<sms date="2" protocol="1" body="y" />', { date: '2', protocol: '1', body: 'y' }],
    ['one more in the middle', '<sms protocol="1" type="2" date="2" body="y" />', { protocol: '1', type: '2', date: '2', body: 'y' }],
  ])('reads an element with %s', (_case, element, attributes) => {
    attributesOf(SHAPE);
    expect(attributesOf(element)).toEqual(attributes);
    // And the one after it, whichever names the previous one left.
    expect(attributesOf(SHAPE)).toEqual({ protocol: '0', date: '1', body: 'x' });
  });

  it.each([
    ['a known name again after the known ones', '<sms protocol="1" date="2" body="y" date="3" />'],
    ['a name Object.prototype answers to after the known ones', '<sms protocol="1" date="2" body="y" constructor="3" />'],
    ['a known name again after a new one', '<sms protocol="1" read="1" protocol="2" />'],
  ])('still leaves %s to saxes', (_case, element) => {
    attributesOf(SHAPE);
    expect(read(element)).toBeNull();
  });
});
