import { describe, expect, it } from 'vitest';
import { ufdrReportParser } from '../../../../../workers/import/ufdr/index.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

/**
 * Regression: saxes goes on reading the slice it was given after an error it cannot recover from
 * (a close tag that does not match), and the reader went on building records from it. The model
 * the break was in was then mapped as a clean message, the models after it in the same 64K slice
 * were imported too, and the warning said the import stopped at the break and counted them as
 * read before it. Nothing after the break is read: the model it cut becomes 'unparsed' with its
 * raw text, and what the warning says is what was imported.
 */

const NS = 'xmlns="http://pa.cellebrite.com/report/2.0"';

function message(id: string, body: string, close = '</field>'): string {
  return `<model type="InstantMessage" id="${id}"><field name="Body" type="String"><value type="String">${body}</value>${close}<field name="TimeStamp" type="TimeStamp"><value type="TimeStamp">2024-01-01T00:00:00Z</value></field></model>\n`;
}

const XML = `<?xml version="1.0"?>\n<project id="t" ${NS}><decodedData><modelType type="InstantMessage">\n${message('m0', 'before')}${message('m1', 'broken', '')}${message('m2', 'after')}</modelType></decodedData></project>`;

describe('Cellebrite report.xml: a break in the middle of the XML', () => {
  it.each([64 * 1024, 7])('reads nothing after it, keeps the cut model raw, and says how many were read (chunks of %i bytes)', async (chunkBytes) => {
    const result = await runParser(ufdrReportParser, inputFromText(XML, { displayName: 'report.xml', chunkBytes }));
    expect(result.messages.map((record) => [record.kind, record.kind === 'unparsed' ? record.text.slice(0, 37) : record.text])).toEqual([
      ['message', 'before'],
      ['unparsed', '<model type="InstantMessage" id="m1">'],
    ]);
    expect(result.messages[1]?.reason).toMatch(/^the XML breaks inside this model \(/u);
    expect(result.warnings.map((warning) => warning.message)).toEqual([expect.stringMatching(/^bad XML: .*the 1 records before it were imported, anything after it was not$/u)]);
    expect(result.outcome.details).toMatchObject({ messages: 1, unparsed: 1, complete: false });
  });
});
