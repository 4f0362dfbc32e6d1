import { describe, expect, it } from 'vitest';
import { smsBackupXmlParser } from '../../../../../workers/import/sms-xml/index.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

/**
 * A file in the style an adb backup script writes "SMS Backup & Restore compatible" (its calls
 * inside <smses> and counted in its count; an <mms> with no `address` attribute, its <addr> and
 * <part> elements with no <addrs>/<parts> around them, its date in seconds). The MMS made a chat
 * of its own named by both addrs, the owner's too, apart from the SMS chat with the same person,
 * and the count was reported as wrong. Numbers and texts are invented.
 */
const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes" ?>
<!-- SMS Backup & Restore compatible -->
<smses count="5">
<sms protocol="0" address="+40711111111" date="1700000000000" type="1" subject="null" body="are you there?" read="1" status="-1" locked="0" date_sent="0" readable_date="" contact_name="(Unknown)" />
<call number="+40711111111" duration="65" date="1700000100000" type="2" presentation="1" readable_date="" contact_name="(Unknown)" />
<mms msg_box="1" date="1700000300" read="1" sub="" ct_t="application/vnd.wap.multipart.related">
  <addr address="+40711111111" type="137" charset="106" />
  <addr address="+40700000000" type="151" charset="106" />
  <part seq="0" ct="text/plain" name="null" chset="106" text="the photo" />
</mms>
<mms msg_box="2" date="1700000400" read="1" sub="" ct_t="application/vnd.wap.multipart.related">
  <addr address="+40700000000" type="137" charset="106" />
  <addr address="+40711111111" type="151" charset="106" />
  <part seq="0" ct="text/plain" name="null" chset="106" text="got it" />
</mms>
<mms msg_box="1" date="1700000500" read="1" sub="" ct_t="application/vnd.wap.multipart.related">
  <addr address="+40722222222" type="137" charset="106" />
  <addr address="+40700000000" type="151" charset="106" />
  <addr address="+40711111111" type="151" charset="106" />
  <part seq="0" ct="text/plain" name="null" chset="106" text="group hello" />
</mms>
</smses>`;

describe('SMS Backup & Restore written by a converter without address attributes', () => {
  it('puts a one-to-one MMS in the chat of the other party, saying where that came from, and accepts a count with calls', async () => {
    const result = await runParser(smsBackupXmlParser, inputFromText(xml, { displayName: 'sms-calls.xml' }));
    expect(result.messages.map((message) => [message.text, message.chatKey === result.messages[0]?.chatKey, message.extra?.['conversationFrom'] ?? null])).toEqual([
      ['are you there?', true, null],
      ['Outgoing call, 1 min 5 s', false, null],
      ['the photo', true, 'the addrs (the mms has no address attribute)'],
      ['got it', true, 'the addrs (the mms has no address attribute)'],
      ['group hello', false, 'the addrs (the mms has no address attribute)'],
    ]);
    expect(result.messages[2]).toMatchObject({ direction: 'incoming', senderId: '+40711111111' });
    expect(result.messages[4]).toMatchObject({ direction: 'incoming', senderId: '+40722222222' });
    expect(result.warnings.map((warning) => warning.message).filter((message) => message.includes('count='))).toEqual([]);
  });
});
