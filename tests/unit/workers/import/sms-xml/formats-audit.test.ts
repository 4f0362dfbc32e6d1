import { describe, expect, it } from 'vitest';
import type { ParsedMessage } from '../../../../../shared/contracts/parsed-source.ts';
import { smsBackupXmlParser } from '../../../../../workers/import/sms-xml/index.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

/**
 * FORMATS.md §4.1 point by point, on backups built here in the shape SMS Backup & Restore writes
 * (attributes it always writes, "null" where the phone had nothing). The fixture and the samples
 * pin the rest.
 */

const PROLOGUE = `<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<?xml-stylesheet type="text/xsl" href="sms.xsl"?>\n`;
const PNG_BASE64 = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).toString('base64');

function sms(type: number, body: string, extra = ''): string {
  return `<sms protocol="0" address="+40 712 345 678" date="${1712340000000 + type * 1000}" type="${type}" subject="null" body="${body}" toa="null" sc_toa="null" service_center="null" read="1" status="-1" locked="0" date_sent="0" sub_id="-1" readable_date="5 apr. 2024 21:00:0${type}" contact_name="Dorin" ${extra}/>`;
}

async function parse(xml: string): Promise<{ messages: ParsedMessage[]; chats: { key: string; kind?: string; title: string }[] }> {
  const result = await runParser(smsBackupXmlParser, inputFromText(`${PROLOGUE}${xml}`, { displayName: 'backup.xml' }));
  return { messages: result.messages, chats: result.chats };
}

describe('FORMATS.md §4.1: sms', () => {
  it('reads every sms type (1 inbox … 6 queued) as a direction and a status', async () => {
    const types = [1, 2, 3, 4, 5, 6];
    const { messages } = await parse(`<smses count="6">${types.map((type) => sms(type, `t${type}`)).join('')}</smses>`);
    expect(messages.map((message) => [message.text, message.direction, message.sender, message.extra?.['status'], message.time])).toEqual([
      ['t1', 'incoming', 'Dorin', 'inbox', { utcMs: 1712340001000 }],
      ['t2', 'outgoing', null, 'sent', { utcMs: 1712340002000 }],
      ['t3', 'outgoing', null, 'draft', { utcMs: 1712340003000 }],
      ['t4', 'outgoing', null, 'outbox', { utcMs: 1712340004000 }],
      ['t5', 'outgoing', null, 'failed', { utcMs: 1712340005000 }],
      ['t6', 'outgoing', null, 'queued', { utcMs: 1712340006000 }],
    ]);
    expect(new Set(messages.map((message) => message.chatKey))).toEqual(new Set(['+40712345678']));
  });

  it('names an "(Unknown)" contact by its address, and takes the time from date, never from readable_date or a date_sent of 0', async () => {
    const { messages, chats } = await parse(`<smses count="1"><sms protocol="0" address="+40712000999" date="1512226167463" type="1" subject="null" body="Salut" toa="null" sc_toa="null" service_center="null" read="1" status="-1" locked="0" date_sent="0" sub_id="-1" readable_date="Dec 2, 2017 06:49:27" contact_name="(Unknown)" /></smses>`);
    expect(messages[0]).toMatchObject({ kind: 'message', direction: 'incoming', sender: '+40712000999', senderId: '+40712000999', text: 'Salut', time: { utcMs: 1512226167463 }, timestampText: '1512226167463', deleted: false });
    expect(messages[0]?.locator).toEqual({ kind: 'xml-path', file: 'backup.xml', path: '/smses/sms[1]', line: 3, column: 18 });
    expect(chats[0]?.title).toBe('+40712000999');
    expect((messages[0]?.extra?.['attributes'] as Record<string, string>)['date_sent']).toBe('0');
  });

  it('joins emoji written as two surrogate-pair entities in the contact name too', async () => {
    const { messages } = await parse(`<smses count="1">${sms(1, 'hi', '').replace('contact_name="Dorin"', 'contact_name="Dorin &#55357;&#56832;"')}</smses>`);
    expect(messages[0]?.sender).toBe('Dorin 😀');
  });
});

describe('FORMATS.md §4.1: mms', () => {
  it('reads an incoming group MMS: the sender from the 137 address, to 151 and cc 130 kept, text and base64 parts, SMIL aside', async () => {
    const xml = `<smses count="1"><mms date="1720997593000" date_sent="1720997593" msg_box="1" address="+15550000009~+15550000012~+15550000013" m_type="132" ct_t="application/vnd.wap.multipart.related" sub="null" text_only="0" m_id="null" tr_id="proto:abc" creator="com.google.android.apps.messaging" read="1" seen="1" readable_date="Jul 14, 2024 15:53:13" contact_name="Ana, Ion, Vlad">
      <parts>
        <part seq="-1" ct="application/smil" name="null" chset="null" cl="null" text="&lt;smil&gt;&lt;body&gt;&lt;par&gt;&lt;img src=&quot;p.png&quot;/&gt;&lt;/par&gt;&lt;/body&gt;&lt;/smil&gt;" />
        <part seq="0" ct="text/plain" name="null" chset="106" cl="text_4.txt" text="Vă aștept &#55357;&#56832;" />
        <part seq="0" ct="image/png" name="p.png" chset="null" cl="p.png" text="null" data="${PNG_BASE64}" />
      </parts>
      <addrs>
        <addr address="+15550000012" type="137" charset="106" />
        <addr address="+15550000009" type="151" charset="106" />
        <addr address="+15550000013" type="130" charset="106" />
      </addrs>
    </mms></smses>`;
    const { messages, chats } = await parse(xml);
    const mms = messages[0];
    expect(mms).toMatchObject({
      chatKey: '+15550000009~+15550000012~+15550000013',
      kind: 'message',
      direction: 'incoming',
      sender: '+15550000012',
      senderId: '+15550000012',
      text: 'Vă aștept 😀',
      time: { utcMs: 1720997593000 },
      deleted: false,
      locator: { kind: 'xml-path', path: '/smses/mms[1]' },
    });
    expect(mms?.attachments).toEqual([{ kind: 'attached', mediaType: 'image', mimeType: 'image/png', fileName: 'p.png', bytes: new Uint8Array(Buffer.from(PNG_BASE64, 'base64')), size: 8 }]);
    expect(mms?.extra?.['smil']).toEqual(['<smil><body><par><img src="p.png"/></par></body></smil>']);
    expect(mms?.extra?.['addresses']).toEqual([
      { address: '+15550000012', role: 'from' },
      { address: '+15550000009', role: 'to' },
      { address: '+15550000013', role: 'cc' },
    ]);
    expect(chats[0]).toMatchObject({ kind: 'group' });
  });

  it('reads a sent MMS (msg_box 2) whose 137 address is the owner placeholder: outgoing, no sender', async () => {
    const xml = `<smses count="1"><mms date="1720998243000" date_sent="0" msg_box="2" address="+15550000006" m_type="128" ct_t="application/vnd.wap.multipart.related" sub="null" read="1" readable_date="Jul 14, 2024 16:04:03" contact_name="Contact D">
      <parts><part seq="0" ct="text/plain" name="null" chset="106" cl="text_0.txt" text="trimis" /></parts>
      <addrs><addr address="insert-address-token" type="137" charset="106" /><addr address="+15550000006" type="151" charset="106" /></addrs>
    </mms></smses>`;
    const { messages } = await parse(xml);
    expect(messages[0]).toMatchObject({ chatKey: '+15550000006', direction: 'outgoing', sender: null, senderId: null, text: 'trimis', time: { utcMs: 1720998243000 }, attachments: [] });
    expect(messages[0]?.extra?.['status']).toBe('sent');
  });

  it('reads an RCS group (group_N@rcs.google.com) with contact_name "(Unknown)" as a group, sender from 137', async () => {
    const xml = `<smses count="1"><mms date="1721000123000" date_sent="1721000123" msg_box="1" address="group_8@rcs.google.com" m_type="132" ct_t="text/plain" sub="" text_only="1" read="1" readable_date="Jul 14, 2024 16:35:23" contact_name="(Unknown)">
      <parts><part seq="0" ct="text/plain" name="null" chset="106" cl="null" text="Body text 46" /></parts>
      <addrs><addr address="+15550000007" type="137" charset="106" /><addr address="+15550000001" type="151" charset="106" /></addrs>
    </mms></smses>`;
    const { messages, chats } = await parse(xml);
    expect(messages[0]).toMatchObject({ chatKey: 'group_8@rcs.google.com', direction: 'incoming', sender: '+15550000007', text: 'Body text 46', time: { utcMs: 1721000123000 } });
    expect(chats[0]).toMatchObject({ key: 'group_8@rcs.google.com', kind: 'group' });
  });
});

describe('FORMATS.md §4.1: group MMS without a from address', () => {
  // Regression: the whole group address ("+1…~+2…~+3…") was recorded as the sender.
  it('leaves an incoming group MMS with no 137 addr unattributed instead of naming the group as the sender', async () => {
    const xml = `<smses count="1"><mms date="1720997593000" date_sent="0" msg_box="1" address="+15550000009~+15550000012" m_type="132" read="1" readable_date="null" contact_name="Ana, Ion">
      <parts><part seq="0" ct="text/plain" name="null" chset="106" cl="null" text="cine?" /></parts>
      <addrs><addr address="+15550000009" type="151" charset="106" /><addr address="+15550000012" type="151" charset="106" /></addrs>
    </mms></smses>`;
    const { messages } = await parse(xml);
    expect(messages[0]).toMatchObject({ chatKey: '+15550000009~+15550000012', direction: 'incoming', sender: null, senderId: null, text: 'cine?', time: { utcMs: 1720997593000 } });
  });
});

describe('FORMATS.md §4.1: writers other than SMS Backup & Restore', () => {
  it('reads a Signal/Silence SignalPlaintextBackup.xml (system types, contact_name "null", surrogate-pair emoji body)', async () => {
    const xml = `<smses count="2">
<sms protocol="0" address="+15550100001" contact_name="null" date="1609632000000" type="1" subject="null" body="&#55357;&#56832; ok" toa="null" sc_toa="null" service_center="null" read="1" status="-1" locked="0" />
<sms protocol="0" address="+15550100001" contact_name="null" date="1609632060000" type="2" subject="null" body="sent from Signal" toa="null" sc_toa="null" service_center="null" read="1" status="-1" locked="0" />
</smses>`;
    const { messages } = await parse(xml);
    expect(messages.map((message) => [message.chatKey, message.direction, message.sender, message.senderId, message.text, message.time])).toEqual([
      ['+15550100001', 'incoming', '+15550100001', '+15550100001', '😀 ok', { utcMs: 1609632000000 }],
      ['+15550100001', 'outgoing', null, null, 'sent from Signal', { utcMs: 1609632060000 }],
    ]);
  });

  it('decodes base64 part data wrapped over several lines (&#10; in the attribute)', async () => {
    const wrapped = `${PNG_BASE64.slice(0, 4)}&#10;${PNG_BASE64.slice(4)}`;
    const xml = `<smses count="1"><mms date="1720997593000" msg_box="1" address="+15550000006" m_type="132">
      <parts><part seq="0" ct="image/png" name="p.png" cl="p.png" text="null" data="${wrapped}" /></parts>
      <addrs><addr address="+15550000006" type="137" charset="106" /></addrs></mms></smses>`;
    const { messages } = await parse(xml);
    expect(messages[0]?.attachments[0]).toMatchObject({ kind: 'attached', mediaType: 'image', size: 8, bytes: new Uint8Array(Buffer.from(PNG_BASE64, 'base64')) });
    expect(messages[0]?.extra?.['partProblems']).toBeUndefined();
  });
});
