import { describe, expect, it } from 'vitest';
import { smsBackupXmlParser } from '../../../../../workers/import/sms-xml/index.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

/**
 * Regression: every address with an '@' was read as an RCS group, so an MMS or SMS from an
 * e-mail address (a carrier's e-mail gateway) became a "group" with no sender: its contact_name
 * ignored and, without a 137 address, nobody named. Only RCS group addresses are groups.
 */
function backup(elements: string): string {
  return `<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<smses count="2">\n${elements}</smses>\n`;
}

describe('an e-mail address is one sender, an RCS group address a group (regression)', () => {
  it('names the e-mail sender of an incoming MMS and SMS, in a private conversation', async () => {
    const result = await runParser(
      smsBackupXmlParser,
      inputFromText(
        backup(
          '  <mms date="1720997593000" msg_box="1" address="Joe@Example.com" contact_name="Joe Recruiter"><parts><part seq="0" ct="text/plain" text="Job offer attached" /></parts><addrs /></mms>\n' +
            '  <sms address="joe@example.com" date="1720997594000" type="1" body="Call me" contact_name="Joe Recruiter" />\n',
        ),
        { displayName: 'sms.xml' },
      ),
    );
    expect(result.messages.map((message) => [message.chatKey, message.sender, message.direction])).toEqual([
      ['joe@example.com', 'Joe Recruiter', 'incoming'],
      ['joe@example.com', 'Joe Recruiter', 'incoming'],
    ]);
    expect(result.chats.filter((chat) => chat.key === 'joe@example.com').map((chat) => chat.kind)).toEqual(['private']);
  });

  it('keeps an RCS group address a group, its sender from the 137 address', async () => {
    const result = await runParser(
      smsBackupXmlParser,
      inputFromText(
        backup(
          '  <mms date="1720997593000" msg_box="1" address="group_8@rcs.google.com" contact_name="(Unknown)"><parts><part seq="0" ct="text/plain" text="hi all" /></parts><addrs><addr address="+15550001" type="137" /><addr address="+15550002" type="151" /></addrs></mms>\n',
        ),
        { displayName: 'sms.xml' },
      ),
    );
    expect(result.messages.map((message) => [message.chatKey, message.sender])).toEqual([['group_8@rcs.google.com', '+15550001']]);
    expect(result.chats.map((chat) => chat.kind)).toEqual(['group']);
  });
});
