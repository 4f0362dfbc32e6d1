import { describe, expect, it } from 'vitest';
import { smsBackupXmlParser } from '../../../../../workers/import/sms-xml/index.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

/**
 * signalbackup-tools' XML export (exportxml.cc, handleMms) writes a Signal group's MMS with every
 * member's number in `address`, joined by '~', and the group's title (groups.title) in
 * `contact_name`; its root is `<smses count=N backup_date="" type="full">`, the count unquoted.
 * A contact_name was taken for a group's title only when it named as many people as there are
 * numbers (SMS Backup & Restore may write one member's name there), so a Signal group's own
 * title was lost. Numbers, names and texts are invented.
 */
const GROUP_MMS = `<mms msg_box="1" date="1672570100000" date_sent="1672570100" seen="0" readable_date="Jan 01, 2023 11:48:20" address="+31600000001~+31600000002~+31600000003" contact_name="Climbing club" sub="" read="1" m_type="0" text_only="1">
    <parts>
      <part seq="0" ct="text/plain" name="null" chset="106" cd="null" fn="null" cl="&lt;text000007&gt;" cl="text000007.txt" ctt_s="null" ctt_t="null" text="Saturday at 10?" ></part>
    </parts>
    <addrs><addr address="+31600000001" type="137" charset="106" /><addr address="+31600000002" type="151" charset="106" /><addr address="+31600000003" type="151" charset="106" /></addrs>
  </mms>`;

function backup(root: string): string {
  return `<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<?xml-stylesheet type="text/xsl" href="sms.xsl"?>\n${root}\n  ${GROUP_MMS}\n</smses>\n`;
}

describe('signalbackup-tools group MMS titles', () => {
  it("takes a group MMS's contact_name as the group's title in a file signalbackup-tools wrote", async () => {
    const result = await runParser(smsBackupXmlParser, inputFromText(backup('<smses count=1 backup_date="" type="full">'), { displayName: 'signal.xml' }));
    expect(result.chats.map((chat) => [chat.title, chat.kind, chat.participants?.map((participant) => participant.id)])).toEqual([
      ['Climbing club', 'group', ['+31600000001', '+31600000002', '+31600000003']],
    ]);
  });

  it('keeps the names-must-match rule for a file of another writer', async () => {
    const result = await runParser(smsBackupXmlParser, inputFromText(backup('<smses count="1" backup_set="8c1a" backup_date="1672570200000" type="full">'), { displayName: 'sbr.xml' }));
    expect(result.chats.map((chat) => chat.title)).toEqual(['+31600000001, +31600000002, +31600000003']);
  });
});
