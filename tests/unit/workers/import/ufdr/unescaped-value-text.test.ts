import { describe, expect, it } from 'vitest';
import { ufdrReportParser } from '../../../../../workers/import/ufdr/index.ts';
import { ValueTextGuard } from '../../../../../workers/import/ufdr/value-text-guard.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

/**
 * Physical Analyzer writes some field values without escaping them, a Password model's Data
 * above all: IPED (sepinf-inc/IPED, iped-engine UFEDXMLWrapper) wraps exactly that value in CDATA
 * before its SAX parser reads a report. A '<' in such a value ("a<b", a password "x</y") was taken
 * for a tag: saxes failed there and the import stopped, so every model after the first such
 * Password (the report's chats among them) was lost. A value holds text only, so a '<' inside one
 * that opens neither its close tag nor a CDATA section is read as text, and counted in a warning.
 */

const NS = 'xmlns="http://pa.cellebrite.com/report/2.0"';

// The layout Physical Analyzer writes (and IPED's wrapper expects): the value on a line of its own.
const PASSWORD = [
  '<modelType type="Password">',
  '<model type="Password" id="pw1" deleted_state="Intact" decoding_confidence="High" isrelated="False" source_index="7" extractionId="0">',
  '<field name="Service" type="String">',
  '<value type="String"><![CDATA[Wi-Fi]]></value>',
  '</field>',
  '<field name="Data" type="String">',
  '<value type="String">p<ss&w</rd>x<3</value>',
  '</field>',
  '</model>',
  '</modelType>',
].join('\n');

function message(id: string, body: string): string {
  return `<model type="InstantMessage" id="${id}" deleted_state="Intact"><field name="Body" type="String"><value type="String">${body}</value></field><field name="TimeStamp" type="TimeStamp"><value type="TimeStamp" format="TimeStampKnown">2024-01-01T00:00:00.000+00:00</value></field></model>`;
}

const XML = [
  '<?xml version="1.0" encoding="utf-8"?>',
  `<project id="t" name="n" reportVersion="7.69.0.1" extractionType="FileSystem" ${NS}>`,
  '<decodedData>',
  PASSWORD,
  '<modelType type="InstantMessage">',
  message('m1', '<![CDATA[a CDATA body holding <value type="String">x</value> and a < b]]>'),
  message('m2', 'a < b, <3'),
  '<!-- <value> in a comment -->',
  message('m3', 'after'),
  '<model type="InstantMessage" id="m4"><field name="Body" type="String"><value type="String"/></field><field name="Subject" type="String"><value type="String">s</value></field></model>',
  '</modelType>',
  '</decodedData>',
  '</project>',
].join('\n');

describe('Cellebrite report.xml: a value written without escaping', () => {
  it.each([64 * 1024, 7, 1])('is read as text, and the models after it are read (chunks of %i bytes)', async (chunkBytes) => {
    const result = await runParser(ufdrReportParser, inputFromText(XML, { displayName: 'report.xml', chunkBytes }));
    expect(result.messages.map((record) => [record.extra?.['modelId'], record.kind, record.text])).toEqual([
      ['m1', 'message', 'a CDATA body holding <value type="String">x</value> and a < b'],
      ['m2', 'message', 'a < b, <3'],
      ['m3', 'message', 'after'],
      ['m4', 'message', ''],
    ]);
    expect(result.outcome.details).toMatchObject({ complete: true, modelCounts: { Password: 1, InstantMessage: 4 } });
    expect(result.warnings).toEqual([
      { place: 'report.xml:10', message: expect.stringMatching(/^5 '<' characters inside field values are not escaped in the report .*Password.*; they were read as text$/u) },
    ]);
  });
});

describe('Cellebrite report.xml: "]]>" in a value written without escaping', () => {
  // Regression: saxes reports a "]]>" in a text and reads on, keeping it, but the reader took the
  // report for broken there; with the Password first, nothing had been read and the whole UFDR was refused.
  it.each([64 * 1024, 5])('is kept as written, with a warning, and the report is read on (chunks of %i bytes)', async (chunkBytes) => {
    const xml = XML.replace('p<ss&w</rd>x<3', 'ab]]>cd').replace(message('m2', 'a < b, <3'), message('m2', 'x]]>y'));
    const result = await runParser(ufdrReportParser, inputFromText(xml, { displayName: 'report.xml', chunkBytes }));
    expect(result.messages.map((record) => [record.extra?.['modelId'], record.text])).toEqual([
      ['m1', 'a CDATA body holding <value type="String">x</value> and a < b'],
      ['m2', 'x]]>y'],
      ['m3', 'after'],
      ['m4', ''],
    ]);
    expect(result.outcome.details).toMatchObject({ complete: true });
    expect(result.warnings.map((warning) => [warning.place, warning.message])).toEqual([
      ['report.xml:10:26', 'the string "]]>" is disallowed in char data. The text is kept as written.'],
      ['report.xml:16:118', 'the string "]]>" is disallowed in char data. The text is kept as written.'],
    ]);
  });
});

describe('ValueTextGuard', () => {
  const guarded = (text: string, size: number): string => {
    const guard = new ValueTextGuard();
    let out = '';
    for (let at = 0; at < text.length; at += size) out += guard.push(text.slice(at, at + size));
    return out + guard.end();
  };

  it.each([1, 2, 3, 5, 8, 13, 64, 100_000])('gives the same text whatever the chunk size (%i)', (size) => {
    expect(guarded(XML, size)).toBe(guarded(XML, XML.length));
  });

  it('escapes only the text of values, and leaves well-formed XML as it is', () => {
    expect(guarded('<f><value a="x>y" b=\'<\'>1<2</value><x:value>a<b</x:value><value/><![CDATA[<]]><value><![CDATA[<]]>c<d</value><!--<value>--><value>e<!--f</value></f>', 1)).toBe(
      '<f><value a="x>y" b=\'<\'>1&lt;2</value><x:value>a&lt;b</x:value><value/><![CDATA[<]]><value><![CDATA[<]]>c&lt;d</value><!--<value>--><value>e&lt;!--f</value></f>',
    );
    const wellFormed = `<project ${NS}><values><valueType>x</valueType></values>${message('m', 'plain &amp; &lt;b&gt;')}</project>`;
    expect(guarded(wellFormed, 3)).toBe(wellFormed);
  });
});
