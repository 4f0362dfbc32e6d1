import { describe, expect, it } from 'vitest';
import { smsBackupXmlParser } from '../../../../../workers/import/sms-xml/index.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

/**
 * Android's call log writes a withheld or unknown caller as the number "-2" or "-1" (older
 * versions) or as an empty number with `presentation` 2/3 (newer). The sign was dropped when the
 * conversation key was made, so a withheld call ("-2") and a call to the short number "2" shared
 * one conversation, titled "Calls: -2"; an empty number gave the sender "" and the title "Calls: ".
 */

function calls(body: string): string {
  return `<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<calls count="${(body.match(/<call /gu) ?? []).length}">\n${body}\n</calls>`;
}

describe('SMS Backup & Restore calls from withheld numbers', () => {
  it('keeps "-2" apart from the number "2", as written', async () => {
    const { messages, chats } = await runParser(smsBackupXmlParser, inputFromText(calls(
      '<call number="-2" duration="0" date="1609632000000" type="3" presentation="2" contact_name="(Unknown)" />\n<call number="2" duration="3" date="1609632003000" type="2" presentation="1" contact_name="(Unknown)" />',
    ), { displayName: 'calls.xml' }));
    expect(messages.map((message) => [message.chatKey, message.senderId, message.text])).toEqual([
      ['calls:-2', '-2', 'Incoming call, missed'],
      ['calls:2', null, 'Outgoing call, 3 s'],
    ]);
    expect(chats.map((chat) => [chat.key, chat.title])).toEqual([['calls:-2', 'Calls: -2'], ['calls:2', 'Calls: 2']]);
  });

  it('reads an empty number as no number, not as an empty sender', async () => {
    const { messages, chats } = await runParser(smsBackupXmlParser, inputFromText(calls(
      '<call number="" duration="0" date="1609632001000" type="1" presentation="2" contact_name="(Unknown)" />',
    ), { displayName: 'calls.xml' }));
    expect(messages[0]).toMatchObject({ sender: null, senderId: null, direction: 'incoming', text: 'Incoming call' });
    expect((messages[0]?.extra?.['attributes'] as Record<string, string>)['number']).toBe('');
    expect(chats.map((chat) => chat.title)).toEqual(['Calls: unknown number']);
  });
});
