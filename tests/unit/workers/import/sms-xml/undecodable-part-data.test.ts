import { describe, expect, it } from 'vitest';
import { RAW_TEXT_LIMIT } from '../../../../../workers/import/import-limits.ts';
import { smsBackupXmlParser } from '../../../../../workers/import/sms-xml/index.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

/**
 * An MMS part whose `data` is not valid base64 (damage, a bad writer) cannot become the
 * attachment's bytes; the warning said so, but the data itself was dropped (a part's data is left
 * out of `extra.parts` because its bytes are the attachment), so what the backup held there was
 * lost from the case. It is now kept as written (its start, for a huge one) in that part's entry.
 */

function backup(data: string): string {
  return `<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<smses count="1"><mms date="1721161768000" msg_box="1" address="+15550000004" m_type="132"><parts><part seq="0" ct="image/png" cl="corrupt_image.png" data="${data}" /><part seq="0" ct="image/png" cl="good.png" data="iVBORw0KGgo=" /></parts></mms></smses>`;
}

async function partsOf(data: string): Promise<Record<string, string>[]> {
  const { messages } = await runParser(smsBackupXmlParser, inputFromText(backup(data), { displayName: 'backup.xml' }));
  return messages[0]?.extra?.['parts'] as Record<string, string>[];
}

describe('SMS Backup & Restore MMS part with data that is not base64', () => {
  it('keeps the data as written in the part entry; decoded data stays out of it (it is the attachment)', async () => {
    expect(await partsOf('not-valid-base64-content!!')).toEqual([
      { seq: '0', ct: 'image/png', cl: 'corrupt_image.png', data: 'not-valid-base64-content!!' },
      { seq: '0', ct: 'image/png', cl: 'good.png' },
    ]);
  });

  it('keeps the start of a huge undecodable data and says how long it was', async () => {
    const data = `${'A'.repeat(RAW_TEXT_LIMIT * 2)}!`;
    const [part] = await partsOf(data);
    expect(part?.['data']).toBe(data.slice(0, RAW_TEXT_LIMIT));
    expect(part?.['dataChars']).toBe(String(data.length));
  });
});
