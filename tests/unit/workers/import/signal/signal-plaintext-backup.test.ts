import { describe, expect, it } from 'vitest';

import { smsBackupXmlParser, sniffSmsBackupXml } from '../../../../../workers/import/sms-xml/index.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

/**
 * FORMATS.md §6: Signal Android's old SignalPlaintextBackup.xml is read by the SMS Backup & Restore
 * importer. Signal's XmlBackup writer escapes every character above ASCII as a numeric reference
 * per UTF-16 unit, so an emoji arrives as two surrogate references; absent values are the word
 * "null"; type 1 is received and 2 sent.
 */
const SIGNAL_PLAINTEXT_BACKUP = [
  "<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>",
  '<!-- File Created By Signal -->',
  '<smses count="2">',
  ' <sms protocol="0" address="+40712345678" contact_name="null" date="1546300800000" readable_date="Jan 1, 2019 00:00:00" type="1" subject="null"'
    + ' body="Pa&#351;aport &#55357;&#56832;" toa="null" sc_toa="null" service_center="null" read="1" status="-1" locked="0" />',
  ' <sms protocol="0" address="+40712345678" contact_name="Dorin" date="1546300860000" readable_date="Jan 1, 2019 00:01:00" type="2" subject="null"'
    + ' body="ok &amp; bye" toa="null" sc_toa="null" service_center="null" read="1" status="-1" locked="0" />',
  '</smses>',
  '',
].join('\n');

describe('SignalPlaintextBackup.xml through the SMS Backup & Restore importer', () => {
  it('is sniffed as SMS Backup & Restore XML', () => {
    expect(sniffSmsBackupXml(new TextEncoder().encode(SIGNAL_PLAINTEXT_BACKUP))).toBe(true);
  });

  it('reads direction, sender, UTC time and the text with surrogate-pair references joined into one emoji', async () => {
    const result = await runParser(smsBackupXmlParser, inputFromText(SIGNAL_PLAINTEXT_BACKUP, { displayName: 'SignalPlaintextBackup.xml' }));
    expect(result.messages).toHaveLength(2);
    expect(result.messages[0]).toMatchObject({
      kind: 'message', direction: 'incoming', senderId: '+40712345678', time: { utcMs: 1546300800000 }, timestampText: '1546300800000',
      text: 'Paşaport 😀', attachments: [], deleted: false,
      locator: { kind: 'xml-path', file: 'SignalPlaintextBackup.xml', path: '/smses/sms[1]', line: 4 },
    });
    // "null" is Signal's word for no name: never a contact called "null".
    expect(result.messages[0]?.sender).toBe('+40712345678');
    expect(result.messages[1]).toMatchObject({ direction: 'outgoing', sender: null, text: 'ok & bye', time: { utcMs: 1546300860000 }, locator: { path: '/smses/sms[2]', line: 5 } });
    expect(result.outcome.details).toMatchObject({ declaredCount: '2', messages: 2, unparsed: 0, surrogatePairsJoined: 1 });
  });
});
