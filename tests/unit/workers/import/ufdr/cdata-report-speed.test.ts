import { afterEach, describe, expect, it, vi } from 'vitest';
import { XmlPrefilter } from '../../../../../workers/import/sms-xml/xml-prefilter.ts';
import { ufdrReportParser } from '../../../../../workers/import/ufdr/index.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

/**
 * Regression: a report.xml whose values are all CDATA (as Physical Analyzer writes every string)
 * took time growing with the square of the chunk it was read in. The shared XML prefilter, given
 * a whole chunk (a megabyte in the import worker), looked for the next comment from every CDATA
 * section through the rest of that chunk; a report has none, so each section scanned to the
 * chunk's end. 20,000 messages (12 MB) took 28 s, 3.7 s of every 5 s in that one search; read a
 * few kilobytes at a time they take under 2 s. The prefilter must never be given a whole chunk.
 */

const NS = 'xmlns="http://pa.cellebrite.com/report/2.0"';

function message(index: number): string {
  return `<model type="InstantMessage" id="m${index}" deleted_state="Intact"><field name="Source" type="String"><value type="String"><![CDATA[WhatsApp]]></value></field><field name="Body" type="String"><value type="String"><![CDATA[message ${index}]]></value></field><field name="TimeStamp" type="TimeStamp"><value type="TimeStamp" format="TimeStampKnown">2024-01-01T00:00:00.000+00:00</value></field></model>\n`;
}

const COUNT = 4000;
const XML = `<?xml version="1.0"?>\n<project id="t" ${NS}><decodedData><modelType type="InstantMessage">\n${Array.from({ length: COUNT }, (_, index) => message(index)).join('')}</modelType></decodedData></project>`;

afterEach(() => {
  vi.restoreAllMocks();
});

describe('Cellebrite report.xml read in megabyte chunks', () => {
  it('gives the XML prefilter a few kilobytes at a time, never a whole chunk, and reads every message', async () => {
    const lengths: number[] = [];
    const push = XmlPrefilter.prototype.push;
    vi.spyOn(XmlPrefilter.prototype, 'push').mockImplementation(function (this: XmlPrefilter, text: string) {
      lengths.push(text.length);
      return push.call(this, text);
    });
    const result = await runParser(ufdrReportParser, inputFromText(XML, { displayName: 'report.xml', chunkBytes: 1024 * 1024 }));
    expect(result.messages).toHaveLength(COUNT);
    expect(result.messages.at(-1)?.text).toBe(`message ${COUNT - 1}`);
    expect(XML.length).toBeGreaterThan(1024 * 1024);
    expect(Math.max(...lengths)).toBeLessThanOrEqual(4096);
  });
});
