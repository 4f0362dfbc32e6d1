import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../../shared/errors.ts';
import { ufdrReportParser } from '../../../../../workers/import/ufdr/index.ts';
import { inputFromBytes, inputFromFile, inputFromText, runParser } from '../../../../support/parser-harness.ts';

/** Reports built to hurt an XML importer: entity attacks, cut files, huge fields, wrong roots. */
const FIXTURES = path.resolve(process.cwd(), 'fixtures/ufdr');
const NS = 'xmlns="http://pa.cellebrite.com/report/2.0"';

function report(messages: string): string {
  return `<?xml version="1.0"?>\n<project id="t" ${NS}><decodedData><modelType type="InstantMessage">${messages}</modelType></decodedData></project>`;
}

function message(body: string): string {
  return `<model type="InstantMessage" id="h"><field name="Body" type="String"><value type="String">${body}</value></field><field name="TimeStamp" type="TimeStamp"><value type="TimeStamp">2024-01-01T00:00:00Z</value></field></model>`;
}

describe('Cellebrite report.xml importer against hostile input', () => {
  it('refuses a DOCTYPE that declares entities, naming the file and line, before anything is parsed', async () => {
    const error = await runParser(ufdrReportParser, inputFromFile(path.join(FIXTURES, 'entity-attack.xml'))).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('E_IMPORT_FORMAT');
    expect((error as AppError).message).toMatch(/^entity-attack\.xml:3: the DOCTYPE at line 3 declares XML entities.*refused/u);
  });

  it.each([64 * 1024, 7])('keeps what a truncated report held, the cut message as unparsed raw text, and says where (chunks of %i bytes)', async (chunkBytes) => {
    const result = await runParser(ufdrReportParser, inputFromFile(path.join(FIXTURES, 'truncated.xml'), { chunkBytes }));
    expect(result.messages.map((record) => record.kind)).toEqual(['message', 'message', 'unparsed']);
    const cut = result.messages[2];
    expect(cut).toMatchObject({
      chatKey: 'chat:WhatsApp:40712345678@s.whatsapp.net',
      reason: expect.stringMatching(/^the XML breaks inside this model \(.* at line \d+, column \d+\)$/u),
      locator: { kind: 'xml-path', path: "/project/decodedData/modelType[@type='Chat']/model[1]/multiModelField[@name='Messages']/model[3]", line: 46, column: 11 },
    });
    expect(cut?.text.startsWith('<model type="InstantMessage" id="m-3"')).toBe(true);
    expect(cut?.text.endsWith('<![CDATA[')).toBe(true);
    expect(result.warnings).toEqual([
      { place: 'truncated.xml:37:11', message: expect.stringMatching(/^attachment "files\/Image\/IMG-20240312-WA0004\.jpg" is named by the report but its file is not in the UFDR/u) },
      { place: expect.stringMatching(/^truncated\.xml:\d+:\d+$/u), message: expect.stringMatching(/^bad XML: .*the 2 records before it were imported/u) },
    ]);
    expect(result.outcome.details).toMatchObject({ messages: 2, unparsed: 1, complete: false });
  });

  it('bounds a huge Body field and says so', async () => {
    const result = await runParser(ufdrReportParser, inputFromText(report(message('x'.repeat(1_200_000)))));
    expect(result.messages[0]?.text.length).toBe(1024 * 1024);
    expect(result.warnings.map((warning) => warning.message)).toContainEqual(expect.stringMatching(/Body was longer than 1048576 characters/u));
  });

  // Regression: the reader cut the raw text to 64K before the record was built, so no unparsed UFDR record ever said it was cut.
  it.each([64 * 1024, 997])('says how much of a long cut message the unparsed record keeps (chunks of %i bytes)', async (chunkBytes) => {
    const xml = report(message('x'.repeat(100_000))).split('</value>')[0] ?? '';
    const result = await runParser(ufdrReportParser, inputFromText(xml, { chunkBytes }));
    const cut = result.messages[0];
    const written = xml.length - xml.indexOf('<model type="InstantMessage"');
    expect(cut?.kind).toBe('unparsed');
    expect(cut?.text.length).toBe(64 * 1024);
    expect(cut?.reason).toMatch(new RegExp(`^the XML breaks inside this model \\(.*\\) \\(raw text truncated to the first 65536 of ${written} characters\\)$`, 'u'));
  });

  it('says how much of a long empty SMS the unparsed record keeps', async () => {
    const sms = `<model type="SMS" id="s"><field name="Folder" type="String"><value type="String">${'f'.repeat(100_000)}</value></field></model>`;
    const xml = `<?xml version="1.0"?>\n<project id="t" ${NS}><decodedData><modelType type="SMS">${sms}</modelType></decodedData></project>`;
    const result = await runParser(ufdrReportParser, inputFromText(xml, { chunkBytes: 4096 }));
    expect(result.messages[0]).toMatchObject({ kind: 'unparsed', reason: `the SMS model has none of Body, TimeStamp or Attachments (raw text truncated to the first 65536 of ${sms.length} characters)` });
    expect(result.messages[0]?.text).toBe(sms.slice(0, 64 * 1024));
  });

  it('keeps an undeclared entity as written and joins emoji written as two surrogate references', async () => {
    const result = await runParser(ufdrReportParser, inputFromText(report(message('a &lol9; b &#55357;&#56832;'))));
    expect(result.messages[0]?.text).toBe('a &lol9; b 😀');
    expect(result.warnings[0]?.message).toMatch(/entity/u);
  });

  it('refuses a file whose root is not a Cellebrite <project>', async () => {
    await expect(runParser(ufdrReportParser, inputFromText(`<smses ${NS}><sms/></smses>`))).rejects.toMatchObject({ code: 'E_IMPORT_FORMAT', message: expect.stringMatching(/not a Cellebrite <project>/u) });
  });

  it('recognises the encrypted report.xml of a protected UFDR and refuses it plainly', async () => {
    const bytes = new Uint8Array([0x2d, 0x06, 0x52, 0x6d, 0x11, 0x22, 0x33]);
    expect(ufdrReportParser.sniff(bytes, 'report.xml')).toBe(true);
    expect(ufdrReportParser.sniff(bytes, 'other.bin')).toBe(false);
    await expect(runParser(ufdrReportParser, inputFromBytes(bytes, { displayName: 'report.xml' }))).rejects.toMatchObject({ code: 'E_IMPORT_FORMAT', message: expect.stringMatching(/password-protected/u) });
  });

  it('reads a Base64String body as text and a report without a zone as wall-clock time', async () => {
    const xml = report(message('ignored').replace('<value type="String">ignored', `<value type="String" format="Base64String">${Buffer.from('olá').toString('base64')}`).replace('2024-01-01T00:00:00Z', '03-Jan-24 07:05:09 PM'));
    const result = await runParser(ufdrReportParser, inputFromText(xml));
    expect(result.messages[0]).toMatchObject({ text: 'olá', time: { wall: { year: 2024, month: 1, day: 3, hour: 19, minute: 5, second: 9 } } });
  });
  it('regression: reads on past a taggedFiles file and an attachment nested 200 000 elements deep (was: call stack overflow, nothing imported)', async () => {
    const deep = `${'<a>'.repeat(200_000)}${'</a>'.repeat(200_000)}`;
    const attachment = `<multiModelField name="Attachments" type="Attachment"><model type="Attachment" id="at">${deep}</model></multiModelField>`;
    const xml = `<?xml version="1.0"?>\n<project id="t" ${NS}><taggedFiles><file id="f1" path="/x.jpg">${deep}</file></taggedFiles><decodedData><modelType type="InstantMessage">${message('before')}${message('deep').replace('</model>', `${attachment}</model>`)}${message('after')}</modelType></decodedData></project>`;
    const result = await runParser(ufdrReportParser, inputFromText(xml));
    expect(result.messages.map((item) => [item.kind, item.text])).toEqual([['message', 'before'], ['message', 'deep'], ['message', 'after']]);
    expect(result.outcome.details).toMatchObject({ complete: true, taggedFiles: 1 });
  });
});
