import { describe, expect, it } from 'vitest';
import { smsBackupXmlParser } from '../../../../../workers/import/sms-xml/index.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

/**
 * The text parts of an MMS are joined one per line. An empty text part (a slide with only a
 * picture, as some phones write it) added a blank line the message does not have: "\nhi" for a
 * message reading "hi". An empty part adds no line; it is still listed in extra.parts.
 */

describe('SMS Backup & Restore MMS with an empty text part', () => {
  it('joins only the text parts that have text', async () => {
    const xml = `<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<smses count="1"><mms date="1720997593000" msg_box="1" address="+15550000006" m_type="132"><parts><part seq="0" ct="text/plain" cl="text_0.txt" text="" /><part seq="0" ct="image/png" cl="a.png" data="AAAA" /><part seq="0" ct="text/plain" cl="text_1.txt" text="hi" /></parts><addrs /></mms></smses>`;
    const { messages } = await runParser(smsBackupXmlParser, inputFromText(xml, { displayName: 'backup.xml' }));
    expect(messages[0]?.text).toBe('hi');
    expect(messages[0]?.extra?.['parts']).toHaveLength(3);
  });
});
