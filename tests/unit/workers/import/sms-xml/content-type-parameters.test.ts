import { describe, expect, it } from 'vitest';
import { smsBackupXmlParser } from '../../../../../workers/import/sms-xml/index.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

/**
 * A part's `ct` was compared whole, so a text part written with parameters
 * (`text/plain; charset=utf-8`) was no text part: its words were left out of the message text,
 * kept only as an attachment's bytes (mmssms.db's reader already reads it as text). The media
 * type before the parameters now decides; the attachment MIME type stays as written.
 */

describe('SMS Backup & Restore MMS part content type with parameters', () => {
  it('reads a text/plain part with parameters as the message text', async () => {
    const xml = `<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<smses count="1"><mms date="1720997593000" msg_box="1" address="+15550000006" m_type="132"><parts><part seq="-1" ct="application/smil; charset=utf-8" text="&lt;smil&gt;&lt;body&gt;&lt;par&gt;&lt;text src=&quot;b.txt&quot;/&gt;&lt;/par&gt;&lt;/body&gt;&lt;/smil&gt;" /><part seq="0" ct="Text/Plain; charset=utf-8" cl="a.txt" text="hi" /><part seq="0" ct="text/plain" cl="b.txt" text="first" /></parts><addrs /></mms></smses>`;
    const { messages } = await runParser(smsBackupXmlParser, inputFromText(xml, { displayName: 'backup.xml' }));
    expect(messages[0]?.text).toBe('first\nhi');
    expect(messages[0]?.attachments).toEqual([]);
  });
});
