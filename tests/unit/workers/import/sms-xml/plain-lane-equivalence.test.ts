import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SourceParser } from '../../../../../shared/contracts/parsed-source.ts';
import { readSmsBackupXml } from '../../../../../workers/import/sms-xml/parse-sms-xml.ts';
import { smsBackupXmlParser } from '../../../../../workers/import/sms-xml/index.ts';
import { inputFromFile, inputFromText, listFiles, runParser, SAMPLES_ROOT, type HarnessResult } from '../../../../support/parser-harness.ts';
import { storedImport } from '../../../../support/stored-rows.ts';

const samples = existsSync(SAMPLES_ROOT) ? listFiles(path.join(SAMPLES_ROOT, 'sms-backup-restore-xml'), (name) => name.endsWith('.xml')) : [];

/** The same parser with every element left to saxes: what the plain-sms reader must reproduce exactly. */
const saxesOnly: SourceParser = { ...smsBackupXmlParser, parse: (input, sink) => readSmsBackupXml(input, sink, { plainLane: false }) };

/** Elements of every kind the reader must take or decline, on lines of their own and not. */
function mixedBackup(): string {
  const lines: string[] = [];
  // Values of an attribute kept in `extra` (written as JSON straight from the bytes by the fast path).
  const centres = ['back\\slash', 'q &quot;x&quot; \'y\'', 'nl&#10;tab&#9;cr&#13;', 'ű😀&#55357;&#56832;', '', 'null', '&#110;ull', '&lt;/&gt;'];
  const contacts = ['Ana Ş.', '(Unknown)', 'null', '', 'Ion &amp; Co'];
  const sms = (index: number, body: string, extra = ''): string =>
    `<sms protocol="0" address="+4072100${index % 7}" date="${1673769600000 + index * 61_000}" type="${1 + (index % 2)}" subject="null" body="${body}" read="1" status="-1" service_center="${centres[index % centres.length] ?? ''}" contact_name="${contacts[index % contacts.length] ?? ''}"${extra} />`;
  const bodies = [
    'plain words',
    'emoji 😀 and ş, نص عربي, 中文',
    'entities &amp; &lt;b&gt; &quot;q&quot; &apos;a&apos;',
    'lines&#10;broken&#13;&#10;by references',
    'emoji as the app writes it &#55357;&#56832; (halves referenced)',
    'an unknown &nbsp; entity',
    'a literal\ttab',
    '',
    'text with /&gt; and > inside',
    'null',
    'a \\ backslash and a &quot;quote&quot;',
  ];
  for (let index = 0; index < 600; index += 1) {
    const body = bodies[index % bodies.length] ?? '';
    switch (index % 25) {
      case 3:
        lines.push(`  <!-- a commented-out ${sms(index, 'hidden')} -->`);
        break;
      case 5:
        lines.push(`  ${sms(index, body)}${sms(index + 1000, 'same line')}`);
        break;
      case 7:
        lines.push(`  <sms protocol="0" address="+40721" date="1673769600000" type="1" body="${body}"></sms>`);
        break;
      case 9:
        lines.push(`  <mms date="${1673769600000 + index}" msg_box="1" address="+40721~+40722" m_type="132"><parts><part seq="0" ct="text/plain" text="${body}" /></parts><addrs><addr address="+40721" type="137" charset="106" /><addr address="+40722" type="151" charset="106" /></addrs></mms>`);
        break;
      case 11:
        lines.push(`  <sms protocol='0' address='+40723' date='1673769600000' type='2' body='single "quoted"' />`);
        break;
      case 13:
        lines.push(`  <sms address="+40724" date="1673769600000" type="1" body="multi\nline literal" />`);
        break;
      case 15:
        lines.push(`  ${sms(index, body)} \r`);
        break;
      case 17:
        lines.push(`  <?processing instruction?>${sms(index, body)}`);
        break;
      case 19:
        lines.push(`  <call number="+40725" duration="12" date="1673769600000" type="3" presentation="1" />`);
        break;
      case 21:
        lines.push(`  <sms  address = "+40726" date="1673769600000" type="1" body="spaced" />`);
        break;
      case 1:
        lines.push(`  <sms address="+4072100${index % 7}" date="${1673769600 + index}" type="1" body="a date in seconds" />`);
        break;
      case 2:
        lines.push(`  <sms address="+4072100${index % 7}" date="${1673769600000 + index}" type="9" body="an unknown type" />`);
        break;
      case 4:
        lines.push(`  <sms address="+4072100${index % 7}" date="${1673769600000 + index}" type="2" body="no contact, fewer attributes" />`);
        break;
      case 6:
        lines.push(`  <sms body="${body}" date="${1673769600000 + index}" type="1" address="+4072100${index % 7}" readable_date="another order" />`);
        break;
      case 23:
        lines.push(`  <sms address="+40727" date="1673769600000" type="1" body="${body}" constructor="c" __proto__="p" />`);
        break;
      default:
        lines.push(`  ${sms(index, body)}`);
    }
  }
  return `<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<!--File Created By SMS Backup & Restore v10.18.302 -->\n<smses count="600" backup_set="x" type="full">\n${lines.join('\n')}\n</smses>\n`;
}

async function bothWays(xml: string, chunkBytes: number): Promise<{ lane: HarnessResult; saxes: HarnessResult }> {
  const [lane, saxes] = await Promise.all([runParser(smsBackupXmlParser, inputFromText(xml, { chunkBytes })), runParser(saxesOnly, inputFromText(xml, { chunkBytes }))]);
  return { lane, saxes };
}

describe('plain sms elements read without saxes', () => {
  it.each([[64 * 1024], [4096], [257], [7]])('give exactly what saxes gives: every record, chat, locator and warning (chunks of %i bytes)', async (chunkBytes) => {
    const { lane, saxes } = await bothWays(mixedBackup(), chunkBytes);
    expect(saxes.messages.length).toBeGreaterThan(500);
    expect(lane.messages).toEqual(saxes.messages);
    expect(lane.chats).toEqual(saxes.chats);
    expect(lane.warnings).toEqual(saxes.warnings);
    expect(lane.outcome).toEqual(saxes.outcome);
  });

  it.each([[64 * 1024], [4096], [7]])('are stored as the same rows, byte for byte, as the records saxes gives make (chunks of %i bytes)', async (chunkBytes) => {
    const xml = mixedBackup();
    const [lane, saxes] = await Promise.all([
      storedImport(smsBackupXmlParser, inputFromText(xml, { chunkBytes }), 'sms-backup-restore-xml'),
      storedImport(saxesOnly, inputFromText(xml, { chunkBytes }), 'sms-backup-restore-xml'),
    ]);
    expect(saxes.rows.length).toBeGreaterThan(500);
    expect(saxes.documents).toHaveLength(saxes.rows.length);
    expect(lane).toEqual(saxes);
  });

  it('give exactly what saxes gives when the file breaks off inside a plain element, and in its last line', async () => {
    const xml = mixedBackup();
    for (const cut of [xml.lastIndexOf('<sms ') + 40, xml.lastIndexOf('/>') + 1, xml.length - '</smses>\n'.length]) {
      const { lane, saxes } = await bothWays(xml.slice(0, cut), 4096);
      expect(lane.messages).toEqual(saxes.messages);
      expect(lane.warnings).toEqual(saxes.warnings);
      expect(lane.outcome).toEqual(saxes.outcome);
    }
  });

  it('give exactly what saxes gives for a bare "&" (repaired before either reads it) and a duplicate attribute (saxes stops there)', async () => {
    const head = "<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<smses count=\"3\">\n";
    const xml = `${head}  <sms address="+40721" date="1673769600000" type="1" body="Tom & Jerry" />\n  <sms address="+40721" date="1673769601000" type="1" body="a" body="b" />\n  <sms address="+40721" date="1673769602000" type="1" body="after" />\n</smses>\n`;
    const { lane, saxes } = await bothWays(xml, 4096);
    expect(saxes.messages.length).toBeGreaterThan(0);
    expect(lane.messages).toEqual(saxes.messages);
    expect(lane.warnings).toEqual(saxes.warnings);
  });

  // Found by plain-lane-fuzz.test.ts, each shrunk to the smallest input that read differently.
  it.each([
    ['XML 1.1: a C1 control written in a value (saxes warns; XML 1.0 allows it)', '<?xml version="1.1"?>\n<smses>\n<sms body="\u0080" />\n</smses>\n'],
    ['XML 1.1: NEL and LINE SEPARATOR in a value are line breaks (a space in the value, a line after it)', '<?xml version="1.1"?>\n<smses>\n<sms body="a\u0085b\u2028c" />\n<sms body="d" date="x" />\n</smses>\n'],
    ['a lone CR (old Mac line end) right before a plain element: saxes holds a CR back until it sees whether LF follows', '<smses>\r<sms body="a" />\n</smses>\n'],
  ])('give exactly what saxes gives: %s', async (_case, xml) => {
    for (const chunkBytes of [1, 3, 4096]) {
      const { lane, saxes } = await bothWays(xml, chunkBytes);
      expect({ chunkBytes, messages: lane.messages, chats: lane.chats, warnings: lane.warnings, outcome: lane.outcome }).toEqual({ chunkBytes, messages: saxes.messages, chats: saxes.chats, warnings: saxes.warnings, outcome: saxes.outcome });
    }
  });

  it.skipIf(samples.length === 0)('give exactly what saxes gives for every SMS Backup & Restore sample', async () => {
    for (const file of samples) {
      const [lane, saxes] = await Promise.all([runParser(smsBackupXmlParser, inputFromFile(file)), runParser(saxesOnly, inputFromFile(file))]);
      expect({ file, messages: lane.messages, chats: lane.chats, warnings: lane.warnings }).toEqual({ file, messages: saxes.messages, chats: saxes.chats, warnings: saxes.warnings });
      const [laneRows, saxesRows] = await Promise.all([storedImport(smsBackupXmlParser, inputFromFile(file), 'sms-backup-restore-xml'), storedImport(saxesOnly, inputFromFile(file), 'sms-backup-restore-xml')]);
      expect({ file, ...laneRows }).toEqual({ file, ...saxesRows });
    }
  });
});
