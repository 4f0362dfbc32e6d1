import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { isBetweenMarkup } from '../../../../../workers/import/sms-xml/saxes-state.ts';

function after(xml: string): boolean {
  const parser = new SaxesParser<{ xmlns: false; position: true; fileName: string }>({ xmlns: false, position: true, fileName: 'x.xml' });
  parser.on('error', () => undefined);
  parser.write(xml);
  return isBetweenMarkup(parser);
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
});
