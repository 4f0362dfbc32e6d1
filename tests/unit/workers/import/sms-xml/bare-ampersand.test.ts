import { describe, expect, it } from 'vitest';
import { smsBackupXmlParser } from '../../../../../workers/import/sms-xml/index.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

/**
 * An '&' that starts no character or entity reference ("AT&T", "Q & A") is not well-formed XML,
 * but some writers leave it unescaped. saxes reads everything from such an '&' up to the next ';'
 * anywhere in the file as one entity name, so the messages between were swallowed into the first
 * body (three messages read as one, with only a count warning).
 */

const PROLOGUE = `<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n`;

function sms(address: string, date: number, type: number, body: string): string {
  return `<sms protocol="0" address="${address}" date="${date}" type="${type}" subject="null" body="${body}" read="1" status="-1" locked="0" date_sent="0" readable_date="x" contact_name="(Unknown)" />`;
}

describe('SMS Backup & Restore XML: an unescaped "&" in a body', () => {
  const xml = `${PROLOGUE}<smses count="3">\n${sms('+15550000003', 1720997595000, 1, 'Your AT&T bill is ready')}\n${sms('+15550000004', 1720997596000, 1, 'Q & A at 5')}\n${sms('+15550000005', 1720997597000, 2, 'line one&#10;line two &amp; more')}\n</smses>`;

  it('keeps the "&" as written and every message apart, with a warning naming the place', async () => {
    for (const chunkBytes of [7, 64 * 1024]) {
      const { messages, warnings, outcome } = await runParser(smsBackupXmlParser, inputFromText(xml, { displayName: 'backup.xml', chunkBytes }));
      expect(messages.map((message) => [message.kind, message.text, message.locator])).toEqual([
        ['message', 'Your AT&T bill is ready', { kind: 'xml-path', file: 'backup.xml', path: '/smses/sms[1]', line: 3, column: 1 }],
        ['message', 'Q & A at 5', { kind: 'xml-path', file: 'backup.xml', path: '/smses/sms[2]', line: 4, column: 1 }],
        ['message', 'line one\nline two & more', { kind: 'xml-path', file: 'backup.xml', path: '/smses/sms[3]', line: 5, column: 1 }],
      ]);
      expect(outcome.details?.['bareAmpersands']).toBe(2);
      expect(warnings).toEqual([{ place: 'backup.xml:3', message: '2 "&" characters that start no XML reference (as in "AT&T") were read as a literal "&"' }]);
    }
  });

  it('still reads a well-formed or undefined reference as before', async () => {
    const { messages } = await runParser(smsBackupXmlParser, inputFromText(`${PROLOGUE}<smses count="1">${sms('+15550000003', 1720997595000, 1, 'p&amp;q &#65;&#x42; &nbsp; &#55357;&#56832;')}</smses>`, { displayName: 'backup.xml' }));
    expect(messages[0]?.text).toBe('p&q AB &nbsp; 😀');
  });

  it('does not count an "&" in a comment, as in the header SMS Backup & Restore writes: a comment may hold one', async () => {
    // The comment every SMS Backup & Restore 10.x backup starts with; '&' is legal in a comment,
    // and reading it as a bare '&' put a false warning on every such backup.
    const header = `${PROLOGUE}<!--File Created By SMS Backup & Restore v10.20.002 on 01/01/2025 10:00:00-->\n<?xml-stylesheet type="text/xsl" href="sms.xsl"?>\n`;
    const xml = `${header}<smses count="2">\n<!-- Q & A -->\n${sms('+15550000003', 1720997595000, 1, 'Your AT&T bill')}\n${sms('+15550000004', 1720997596000, 1, 'x &amp; y')}\n</smses>`;
    for (const chunkBytes of [5, 7, 64 * 1024]) {
      const { messages, warnings, outcome } = await runParser(smsBackupXmlParser, inputFromText(xml, { displayName: 'backup.xml', chunkBytes }));
      expect(messages.map((message) => [message.text, message.locator])).toEqual([
        ['Your AT&T bill', { kind: 'xml-path', file: 'backup.xml', path: '/smses/sms[1]', line: 6, column: 1 }],
        ['x & y', { kind: 'xml-path', file: 'backup.xml', path: '/smses/sms[2]', line: 7, column: 1 }],
      ]);
      expect(outcome.details?.['bareAmpersands']).toBe(1);
      expect(warnings).toEqual([{ place: 'backup.xml:6', message: '1 "&" characters that start no XML reference (as in "AT&T") were read as a literal "&"' }]);
    }
  });
});
