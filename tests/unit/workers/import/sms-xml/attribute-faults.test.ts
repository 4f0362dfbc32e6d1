import { describe, expect, it } from 'vitest';
import { smsBackupXmlParser } from '../../../../../workers/import/sms-xml/index.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

/**
 * What a version of signalbackup-tools' XML export (Signal backup → SMS Backup & Restore) writes:
 * the root's count without quotes (`<smses count=3 …>`) and, on an MMS text part, `cl` twice. The
 * first stopped the read before any message ("nothing could be read"), the second after the first
 * MMS with text. saxes reads past both; the read now goes on, saying where and how it read them.
 * Numbers and texts are invented.
 */
const xml = `<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>
<smses count=3 backup_date="" type="full">
  <sms protocol="0" address="+31600000001" contact_name="Bob" date="1672570000000" type="1" subject="null" body="hoi" read="1" status="-1" locked="0" />
  <mms msg_box="2" date="1672570100000" date_sent="1672570100" address="+31600000001" contact_name="Bob" m_type="0" text_only="1">
    <parts>
      <part seq="0" ct="text/plain" name="null" chset="106" cd="null" fn="null" cl="&lt;text000123&gt;" cl="text000123.txt" ctt_s="null" ctt_t="null" text="dinner at 7?" ></part>
    </parts>
    <addrs><addr address="+31600000001" type="151" charset="106" /></addrs>
  </mms>
  <sms protocol="0" address="+31600000001" contact_name="null" date="1672570200000" type="2" subject="null" body="ok" read="1" status="-1" locked="0" />
</smses>`;

describe('SMS Backup & Restore files with attribute faults', () => {
  it('reads past an unquoted root count and a repeated part attribute, reporting both', async () => {
    const result = await runParser(smsBackupXmlParser, inputFromText(xml, { displayName: 'signal.xml' }));
    expect(result.messages.map((message) => [message.direction, message.text])).toEqual([
      ['incoming', 'hoi'],
      ['outgoing', 'dinner at 7?'],
      ['outgoing', 'ok'],
    ]);
    expect(result.messages[1]?.extra?.['parts']).toEqual([expect.objectContaining({ cl: 'text000123.txt' })]);
    expect(result.warnings.map((warning) => [warning.place, warning.message])).toEqual([
      ['signal.xml:2:14', "bad XML: unquoted attribute value; the value is read up to the next space or '>', and reading goes on."],
      ['signal.xml:6:171', 'bad XML: duplicate attribute: cl; the value written last is the one read, and reading goes on.'],
    ]);
  });

  it('keeps every value of a repeated attribute on the message, not only the last one read', async () => {
    const repeated = `<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>
<smses count="1">
  <sms protocol="0" address="+31600000001" address="+31600000002" date="1672570000000" type="1" body="hoi" />
</smses>`;
    const result = await runParser(smsBackupXmlParser, inputFromText(repeated, { displayName: 'dup.xml' }));
    expect(result.messages[0]?.extra?.['repeatedAttributes']).toEqual([{ element: 'sms', name: 'address', values: ['+31600000001', '+31600000002'] }]);
    const mms = await runParser(smsBackupXmlParser, inputFromText(xml, { displayName: 'signal.xml' }));
    expect(mms.messages[1]?.extra?.['repeatedAttributes']).toEqual([{ element: 'part 1', name: 'cl', values: ['<text000123>', 'text000123.txt'] }]);
  });

  it('stops at an unquoted value inside a record, where reading past it would swallow the records after it', async () => {
    // saxes reads `body=ok/>` as "ok/" and leaves the <sms> open: the next two became its children.
    const unquoted = `<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>
<smses count="3">
  <sms protocol="0" address="+31600000001" date="1672570000000" type="1" body="first" />
  <sms protocol="0" address="+31600000001" date="1672570050000" type="1" body=ok/>
  <sms protocol="0" address="+31600000001" date="1672570100000" type="1" body="second" />
  <sms protocol="0" address="+31600000001" date="1672570200000" type="1" body="third" />
</smses>`;
    const result = await runParser(smsBackupXmlParser, inputFromText(unquoted, { displayName: 'u.xml' }));
    // The broken record is kept as written and the read stops there, saying so, as for any fault.
    expect(result.messages.map((message) => [message.kind, message.text])).toEqual([
      ['message', 'first'],
      ['unparsed', expect.stringContaining('body=ok/>')],
    ]);
    expect(result.outcome.details['complete']).toBe(false);
    expect(result.warnings.map((warning) => warning.message)).toEqual([expect.stringMatching(/^bad XML: unquoted attribute value.*reading stopped there/u)]);
  });
});
