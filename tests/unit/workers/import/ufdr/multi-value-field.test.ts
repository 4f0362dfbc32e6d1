import { describe, expect, it } from 'vitest';
import { ufdrReportParser } from '../../../../../workers/import/ufdr/index.ts';
import { CELLEBRITE_NS, field, parties } from '../../../../support/ufdr-report-builder.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

/**
 * A `<multiField>` holds several `<value>` elements (IPED reads every one of them). Reading only
 * the first silently dropped the rest of the text.
 */

const XML = [
  '<?xml version="1.0" encoding="utf-8"?>',
  `<project id="r" reportVersion="7.60.0.1" xmlns="${CELLEBRITE_NS}"><decodedData><modelType type="SMS">`,
  '<model type="SMS" id="s1" deleted_state="Intact">',
  field('Folder', 'Inbox'),
  '<multiField name="Body" type="String"><value type="String"><![CDATA[first part]]></value><value type="String"><![CDATA[second part]]></value></multiField>',
  parties([{ id: '+40711111111', role: 'From' }]),
  '</model></modelType></decodedData></project>',
].join('\n');

describe('Cellebrite multiField values', () => {
  it('keeps every value of a multi-valued Body, one per line, in the order written', async () => {
    const { messages } = await runParser(ufdrReportParser, inputFromText(XML, { displayName: 'report.xml', chunkBytes: 61 }));
    expect(messages.map((message) => message.text)).toEqual(['first part\nsecond part']);
  });
});
