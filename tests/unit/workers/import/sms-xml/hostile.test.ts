import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../../shared/errors.ts';
import { smsBackupXmlParser } from '../../../../../workers/import/sms-xml/index.ts';
import { collectingSink, inputFromFile, inputFromText, runParser } from '../../../../support/parser-harness.ts';

/** Inputs built to hurt an XML importer: entity attacks, huge values, long files. */
const FIXTURES = path.resolve(process.cwd(), 'fixtures/sms-xml');

describe('SMS XML importer against hostile input', () => {
  it('refuses a billion-laughs file before the XML parser sees it', async () => {
    const error = await runParser(smsBackupXmlParser, inputFromFile(path.join(FIXTURES, 'billion-laughs.xml'))).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('E_IMPORT_FORMAT');
    expect((error as AppError).message).toMatch(/^billion-laughs\.xml:3: the DOCTYPE at line 3 declares XML entities.*refused/u);
  });

  it('refuses an external-entity file and never reads the referenced file', async () => {
    const sink = collectingSink();
    const input = inputFromFile(path.join(FIXTURES, 'external-entity.xml'));
    await expect(smsBackupXmlParser.parse(input, sink, {})).rejects.toMatchObject({ code: 'E_IMPORT_FORMAT' });
    expect(sink.collected.messages).toEqual([]);
  });

  it('refuses entity declarations hidden behind a fake root inside the internal subset', async () => {
    const xml = '<?xml version="1.0"?>\n<!DOCTYPE smses [<!ATTLIST a b "<c">\n<!ENTITY x "y">]>\n<smses count="0"></smses>';
    await expect(runParser(smsBackupXmlParser, inputFromText(xml))).rejects.toMatchObject({ code: 'E_IMPORT_FORMAT' });
  });

  it('refuses a prologue that never reaches a root element', async () => {
    const xml = `<?xml version="1.0"?>\n<!--${'x'.repeat(2 * 1024 * 1024)}`;
    await expect(runParser(smsBackupXmlParser, inputFromText(xml))).rejects.toMatchObject({ code: 'E_IMPORT_FORMAT' });
  });

  it('keeps an undeclared entity reference as written instead of expanding anything', async () => {
    const xml = '<smses count="1"><sms address="1" date="1712340000000" type="1" body="a &lol9; b"/></smses>';
    const result = await runParser(smsBackupXmlParser, inputFromText(xml));
    expect(result.messages[0]?.text).toBe('a &lol9; b');
  });

  it('streams a 6 MB attribute value and a long file without readAll()', async () => {
    const data = Buffer.alloc(4 * 1024 * 1024, 7).toString('base64');
    const sms = Array.from({ length: 3000 }, (_, index) => `<sms address="+1555${index % 50}" date="${1712340000000 + index}" type="1" body="m${index}"/>`).join('\n');
    const xml = `<smses count="3001"><mms date="1712340000000" msg_box="1" address="+15550"><parts><part ct="image/jpeg" cl="big.jpg" data="${data}"/></parts></mms>\n${sms}</smses>`;
    const result = await runParser(smsBackupXmlParser, inputFromText(xml, { forbidReadAll: true }));
    expect(result.messages).toHaveLength(3001);
    expect(result.messages[0]?.attachments[0]?.size).toBe(4 * 1024 * 1024);
    expect(result.messages[3000]?.text).toBe('m2999');
    expect(result.progress.length).toBeGreaterThan(10);
    expect(result.warnings).toEqual([]);
  });

  it('stops when cancelled', async () => {
    const sms = Array.from({ length: 5000 }, (_, index) => `<sms address="1" date="${1712340000000 + index}" type="1" body="m"/>`).join('');
    const sink = collectingSink({ cancelAfter: 2 });
    await expect(smsBackupXmlParser.parse(inputFromText(`<smses>${sms}</smses>`, { chunkBytes: 4096 }), sink, {})).rejects.toMatchObject({ code: 'E_CANCELLED' });
    expect(sink.collected.messages.length).toBeLessThan(5000);
  });
});
