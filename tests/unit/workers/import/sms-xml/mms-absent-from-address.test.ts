import { describe, expect, it } from 'vitest';
import { smsBackupXmlParser } from '../../../../../workers/import/sms-xml/index.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

/**
 * An incoming MMS's sender is its `<addr type="137">` (from). When the phone did not record that
 * address, SMS Backup & Restore writes the literal "null" (or it is empty); it was read as the
 * address "", so the message had an empty sender and sender id: in a one-to-one conversation
 * the other party, who sent it, was lost, and in a group it was attributed to "". An absent from
 * address is now no from address: the one-to-one conversation's party is the sender, and a
 * group message stays unattributed, as without any 137 addr.
 */

async function senderOf(address: string, contactName: string, fromAddress: string): Promise<[string | null, string | null | undefined]> {
  const xml = `<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<smses count="1"><mms date="1720997593000" msg_box="1" address="${address}" contact_name="${contactName}" m_type="132"><parts><part seq="0" ct="text/plain" text="hi" /></parts><addrs><addr address="${fromAddress}" type="137" charset="106" /><addr address="+15550000009" type="151" charset="106" /></addrs></mms></smses>`;
  const { messages } = await runParser(smsBackupXmlParser, inputFromText(xml, { displayName: 'backup.xml' }));
  const [message] = messages;
  if (message === undefined) throw new Error('no message');
  return [message.sender, message.senderId];
}

describe('SMS Backup & Restore incoming MMS whose from address is absent', () => {
  it('takes the one-to-one party as the sender', async () => {
    for (const absent of ['null', '', ' ']) {
      expect(await senderOf('+15550000001', 'Ana', absent)).toEqual(['Ana', '+15550000001']);
    }
  });

  it('leaves a group message unattributed rather than sent by ""', async () => {
    for (const absent of ['null', '']) {
      expect(await senderOf('+15550000001~+15550000002', 'Ana, Bo', absent)).toEqual([null, null]);
    }
  });
});
