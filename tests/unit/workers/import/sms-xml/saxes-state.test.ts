import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { isBetweenMarkup, readsAsXml10 } from '../../../../../workers/import/sms-xml/saxes-state.ts';

function parserAfter(xml: string): SaxesParser<{ xmlns: false; position: true; fileName: string }> {
  const parser = new SaxesParser<{ xmlns: false; position: true; fileName: string }>({ xmlns: false, position: true, fileName: 'x.xml' });
  parser.on('error', () => undefined);
  parser.write(xml);
  return parser;
}

function after(xml: string): boolean {
  return isBetweenMarkup(parserAfter(xml));
}

describe("saxes's state, as the plain-sms reader relies on it", () => {
  it('is between markup after an element, its text, a comment, a processing instruction and a CDATA section', () => {
    expect(after('<smses>\n  ')).toBe(true);
    expect(after('<smses>\n  <sms a="1" />\n  ')).toBe(true);
    expect(after('<smses><!-- note -->\n')).toBe(true);
    expect(after('<smses><?pi x?>')).toBe(true);
    expect(after('<smses><![CDATA[ x ]]>')).toBe(true);
  });

  it('is not inside a tag, a comment, a processing instruction or a CDATA section', () => {
    expect(after('<smses><sms a="1" ')).toBe(false);
    expect(after('<smses><sms a="1')).toBe(false);
    expect(after('<smses><!-- ')).toBe(false);
    expect(after('<smses><?pi ')).toBe(false);
    expect(after('<smses><![CDATA[ ')).toBe(false);
    expect(after('<smses><')).toBe(false);
  });

  it('is not while saxes holds back a CR (it may be half a CR LF) or half a surrogate pair', () => {
    expect(after('<smses>\r')).toBe(false);
    expect(after('<smses>\ud83d')).toBe(false);
    expect(after('<smses>\r\n')).toBe(true);
  });

  it('reads by XML 1.0 rules without a declaration or with version 1.0, and not with 1.1 (NEL is a line break there)', () => {
    expect(readsAsXml10(parserAfter('<smses>'))).toBe(true);
    expect(readsAsXml10(parserAfter('<?xml version="1.0"?><smses>'))).toBe(true);
    const xml11 = parserAfter('<?xml version="1.1"?><smses>\u0085');
    expect(readsAsXml10(xml11)).toBe(false);
    expect(xml11.line).toBe(2);
  });
});
