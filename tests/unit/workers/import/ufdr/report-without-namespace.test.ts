import { describe, expect, it } from 'vitest';
import { ufdrReportParser } from '../../../../../workers/import/ufdr/index.ts';
import { field, party } from '../../../../support/ufdr-report-builder.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

/**
 * A report.xml whose <project> carries no default namespace. FORMATS.md §7.1: IPED recognises a
 * Physical Analyzer XML report by `project id`, `extractionType` and `sourceExtractions` near the
 * start, not by the namespace. Unrecognised, the whole report (or the UFDR holding it) would be
 * refused as an unknown format.
 */

const XML = [
  '<?xml version="1.0" encoding="utf-8"?>',
  '<project id="4f1c2a10" name="Case" reportVersion="5.2.0.0" licenseID="x" containsGarbage="False" extractionType="FileSystem">',
  '<sourceExtractions><extractionInfo id="0" name="File System" type="FileSystem" deviceName="Phone" index="0" IsPartialData="False"/></sourceExtractions>',
  '<decodedData><modelType type="Chat"><model type="Chat" id="c1" deleted_state="Intact">',
  `${field('Source', 'WhatsApp')}${field('Id', '40711111111@s.whatsapp.net')}`,
  `<multiModelField name="Participants" type="Party">${party({ id: '40711111111@s.whatsapp.net', name: 'Her' })}</multiModelField>`,
  `<multiModelField name="Messages" type="InstantMessage"><model type="InstantMessage" id="m1" deleted_state="Intact"><modelField name="From" type="Party">${party({ id: '40711111111@s.whatsapp.net' })}</modelField>${field('Body', 'hello')}</model></multiModelField>`,
  '</model></modelType></decodedData></project>',
].join('\n');

describe('Cellebrite report.xml without the default namespace', () => {
  it('is recognised by the markers IPED uses, and read', async () => {
    expect(ufdrReportParser.sniff(new TextEncoder().encode(XML), 'report.xml')).toBe(true);
    const { messages } = await runParser(ufdrReportParser, inputFromText(XML, { displayName: 'report.xml' }));
    expect(messages.map((message) => [message.text, message.sender])).toEqual([['hello', 'Her']]);
  });

  it('still claims no other <project> file', () => {
    for (const other of ['<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion></project>', '<project id="p1" name="gradle"><target name="build"/></project>']) {
      expect(ufdrReportParser.sniff(new TextEncoder().encode(other), 'pom.xml')).toBe(false);
    }
  });
});
