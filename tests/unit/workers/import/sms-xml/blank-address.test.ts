import { describe, expect, it } from 'vitest';
import { smsBackupXmlParser } from '../../../../../workers/import/sms-xml/index.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

/**
 * Some messages have no sender address (emergency and carrier broadcasts, a withheld sender):
 * SMS Backup & Restore writes `address=""`. That was read as the address "": the message had an
 * empty sender and sender id, and its conversation the empty title "", where `address="null"`
 * gave no sender and the title "(no address)". A blank address is now no address, either way;
 * the attribute is kept as written in `extra.attributes` when it says anything.
 */

async function read(element: string): Promise<Awaited<ReturnType<typeof runParser>>> {
  return runParser(smsBackupXmlParser, inputFromText(`<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<smses count="1">${element}</smses>`, { displayName: 'backup.xml' }));
}

describe('SMS Backup & Restore message with a blank address', () => {
  it('reads an sms with address "" or " " as one with no address', async () => {
    for (const address of ['', ' ', 'null']) {
      const { messages, chats } = await read(`<sms protocol="0" address="${address}" date="1720997593000" type="1" body="Extreme alert" contact_name="(Unknown)" />`);
      expect(messages.map((message) => [message.sender, message.senderId, message.chatKey, message.text])).toEqual([[null, null, '(no address)', 'Extreme alert']]);
      expect(chats.map((chat) => chat.title)).toEqual(['(no address)']);
    }
  });

  it('reads an incoming mms with address "" and no from addr as one with no sender', async () => {
    const { messages, chats } = await read(`<mms date="1720997593000" msg_box="1" address="" m_type="132"><parts><part seq="0" ct="text/plain" text="hi" /></parts><addrs /></mms>`);
    expect(messages.map((message) => [message.sender, message.senderId, message.chatKey])).toEqual([[null, null, '(no address)']]);
    expect(chats.map((chat) => chat.title)).toEqual(['(no address)']);
  });
});
