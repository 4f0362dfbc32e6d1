import { describe, expect, it } from 'vitest';
import { smsBackupXmlParser } from '../../../../../workers/import/sms-xml/index.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

/**
 * Android's provider (PduPersister) stores an encoded MMS header string such as the subject as
 * its raw bytes read as ISO-8859-1, with the real charset in `sub_cs`: a UTF-8 subject "Poză"
 * is stored as "PozÄ\u0083". Apps that read the column as it is show that mojibake (QKSMS
 * issue 1297, an emoji subject), and the mmssms.db importer repairs it. Nothing documents
 * whether SMS Backup & Restore decodes it before writing `sub`, so the XML importer repairs it
 * only when the text provably is such bytes (they re-read as valid UTF-8 that differs), keeps
 * the text as written in extra.attributes and says so in a warning.
 */

function backup(sub: string, subCs: string): string {
  return `<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<smses count="1"><mms date="1720997593000" msg_box="1" address="+15550000006" m_type="132" sub="${sub}" sub_cs="${subCs}" contact_name="Ana"><parts><part seq="0" ct="text/plain" chset="106" text="Salut" /></parts><addrs><addr address="+15550000006" type="137" charset="106" /></addrs></mms></smses>`;
}

async function read(sub: string, subCs: string) {
  const run = await runParser(smsBackupXmlParser, inputFromText(backup(sub, subCs), { displayName: 'backup.xml' }));
  const [message] = run.messages;
  if (message === undefined) throw new Error('no message');
  return { extra: message.extra as { subject?: string; attributes: Record<string, string> }, warnings: run.warnings.map((warning) => warning.message) };
}

describe('SMS Backup & Restore MMS subject stored as UTF-8 bytes read as Latin-1', () => {
  it('repairs a sub_cs 106 subject that is provably mojibake, keeping the text as written', async () => {
    const mojibake = Buffer.from('Poză 😀', 'utf8').toString('latin1');
    const { extra, warnings } = await read(mojibake.replace(/[\u0080-\u00ff]/gu, (char) => `&#${char.charCodeAt(0)};`), '106');
    expect(extra.subject).toBe('Poză 😀');
    expect(extra.attributes['sub']).toBe(mojibake);
    expect(warnings.some((warning) => warning.includes('subject'))).toBe(true);
  });

  it('leaves a subject that is already real text, or not UTF-8 bytes, or of another charset, as written', async () => {
    expect((await read('Poză 😀', '106')).extra.subject).toBe('Poză 😀');
    expect((await read('café', '106')).extra.subject).toBe('café');
    const latin1 = await read('Ã©', '4');
    expect(latin1.extra.subject).toBe('Ã©');
    expect(latin1.warnings.some((warning) => warning.includes('subject'))).toBe(false);
  });
});
