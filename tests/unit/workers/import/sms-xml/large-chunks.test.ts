import { describe, expect, it } from 'vitest';
import { FEED_SLICE_CHARS } from '../../../../../workers/import/feed-in-slices.ts';
import { smsBackupXmlParser } from '../../../../../workers/import/sms-xml/index.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

const SLICE = FEED_SLICE_CHARS;

/**
 * A backup whose bodies hold emoji (surrogate pairs) and run over several slices, padded in the
 * root element so that the first slice would end between the halves of a pair.
 */
function backupWithEmoji(count: number): { xml: string; bodies: string[] } {
  const bodies = Array.from({ length: count }, (_unused, index) => `${'x'.repeat(index % 97)}😀 ${index} ${'ş'.repeat(index % 13)}😀`);
  const rows = bodies.map((body, index) => `  <sms protocol="0" address="+4072100${index % 50}" date="${1673769600000 + index * 1000}" type="${1 + (index % 2)}" body="${body}" read="1" status="-1" />`);
  const backup = (pad: string): string => `<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<smses count="${count}" pad="${pad}">\n${rows.join('\n')}\n</smses>\n`;
  const unpadded = backup('');
  let high = SLICE - 1;
  while (!isHighSurrogate(unpadded.charCodeAt(high))) high -= 1;
  return { xml: backup('p'.repeat(SLICE - 1 - high)), bodies };
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

describe('SMS Backup & Restore read in large chunks', () => {
  it('hands on every record whole when a chunk is fed to the XML reader a slice at a time, a surrogate pair never cut', async () => {
    const { xml, bodies } = backupWithEmoji(3000);
    expect(xml.length).toBeGreaterThan(4 * SLICE);
    expect(isHighSurrogate(xml.charCodeAt(SLICE - 1))).toBe(true);
    // One chunk holding the whole file, and chunks whose edges fall at odd places: the same records.
    const whole = await runParser(smsBackupXmlParser, inputFromText(xml, { chunkBytes: xml.length * 4 }));
    const odd = await runParser(smsBackupXmlParser, inputFromText(xml, { chunkBytes: 70_001 }));
    expect(whole.messages.map((message) => message.text)).toEqual(bodies);
    expect(odd.messages.map((message) => message.text)).toEqual(bodies);
    expect(whole.messages.map((message) => message.locator)).toEqual(odd.messages.map((message) => message.locator));
    expect(whole.warnings).toEqual([]);
  });
});
