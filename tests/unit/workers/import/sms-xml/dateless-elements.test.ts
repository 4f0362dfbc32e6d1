import { describe, expect, it } from 'vitest';
import { smsBackupXmlParser } from '../../../../../workers/import/sms-xml/index.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

/**
 * Regression (a real backup, Upgwades/Virtual-Boyfriend sms.xml, whose elements have no `date`):
 * the warning said the date "" could not be read, though there was none, and the message showed
 * no time at all although `readable_date` gave the phone's own display of it.
 */
describe('elements without a readable date', () => {
  it('keep readable_date as the time as written, with no UTC time, and say which attribute was missing', async () => {
    const xml = `<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>
<smses count="3">
  <sms protocol="0" address="+15550000001" type="1" body="no date" readable_date="Feb 4, 2016 17:40:43" contact_name="Ana" />
  <sms protocol="0" address="+15550000001" date="yesterday" type="2" body="bad date" readable_date="Feb 4, 2016 17:41:00" />
  <sms protocol="0" address="+15550000001" type="2" body="nothing" />
</smses>`;
    const result = await runParser(smsBackupXmlParser, inputFromText(xml, { displayName: 'sms.xml' }));
    expect(result.messages.map((message) => [message.text, message.time, message.timestampText])).toEqual([
      ['no date', null, 'Feb 4, 2016 17:40:43'],
      ['bad date', null, 'Feb 4, 2016 17:41:00'],
      ['nothing', null, ''],
    ]);
    expect(result.warnings.map((warning) => warning.message)).toEqual([
      'the element has no date attribute; its readable_date "Feb 4, 2016 17:40:43" is kept as the time as written (the phone\'s display, not converted to UTC)',
      'the date "yesterday" could not be read; its readable_date "Feb 4, 2016 17:41:00" is kept as the time as written (the phone\'s display, not converted to UTC)',
      'the element has no date attribute',
    ]);
  });
});
