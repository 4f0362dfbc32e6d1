import { describe, expect, it } from 'vitest';
import { ufdrReportParser } from '../../../../../workers/import/ufdr/index.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

/**
 * The report prefilter (shared with the SMS XML importer) escapes an '&' that starts no reference,
 * because saxes otherwise reads up to the next ';' in the file as one entity name. Inside CDATA an
 * '&' is plain text and must stay exactly as written.
 */

const NS = 'xmlns="http://pa.cellebrite.com/report/2.0"';

function message(id: string, body: string): string {
  return `<model type="InstantMessage" id="${id}"><field name="Body" type="String"><value type="String">${body}</value></field><field name="TimeStamp" type="TimeStamp"><value type="TimeStamp">2024-01-01T00:00:00Z</value></field></model>\n`;
}

function report(messages: string): string {
  return `<?xml version="1.0"?>\n<project id="t" ${NS}><decodedData><modelType type="InstantMessage">\n${messages}</modelType></decodedData></project>`;
}

describe('Cellebrite report.xml: "&" in message bodies', () => {
  const xml = report(`${message('a', '<![CDATA[Tom & Jerry &amp; co]]>')}${message('b', 'AT&T bill')}${message('c', '<![CDATA[x &lt; y]]>')}${message('d', 'line&#10;two')}`);

  it.each([7, 64 * 1024])('keeps CDATA as written and a bare "&" as a literal, each message apart (chunks of %i bytes)', async (chunkBytes) => {
    const result = await runParser(ufdrReportParser, inputFromText(xml, { displayName: 'report.xml', chunkBytes }));
    expect(result.messages.map((record) => [record.kind, record.text])).toEqual([
      ['message', 'Tom & Jerry &amp; co'],
      ['message', 'AT&T bill'],
      ['message', 'x &lt; y'],
      ['message', 'line\ntwo'],
    ]);
  });
});
