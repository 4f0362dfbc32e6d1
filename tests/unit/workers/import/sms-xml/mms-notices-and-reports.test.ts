import { describe, expect, it } from 'vitest';
import { smsBackupXmlParser } from '../../../../../workers/import/sms-xml/index.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

/**
 * An MMS of m_type 130 (M-Notification.ind: the message was announced but never downloaded),
 * 134 (M-Delivery.ind: a delivery report) or 136 (M-Read-Orig.ind: a read report) is no message
 * from a person (OMA-TS-MMS-ENC). They came out as empty incoming messages, as if someone had
 * sent a blank MMS; they are system records saying what they are, every attribute still kept.
 */

function backup(mms: string): string {
  return `<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<smses count="1">${mms}</smses>`;
}

async function only(mms: string): Promise<{ kind: string; text: string; direction?: string | null; sender: string | null; time: unknown; extra?: Record<string, unknown> }> {
  const { messages } = await runParser(smsBackupXmlParser, inputFromText(backup(mms), { displayName: 'backup.xml' }));
  expect(messages).toHaveLength(1);
  const [message] = messages;
  if (message === undefined) throw new Error('no message');
  return message;
}

describe('SMS Backup & Restore MMS notices and reports (m_type 130, 134, 136)', () => {
  it('reads a download notice (130) as a system record with the sender, size and expiry', async () => {
    const notice = await only(
      `<mms date="1617900400000" msg_box="1" address="+41790000001" m_type="130" m_size="307200" exp="1618505200" ct_l="http://mms.example.invalid/abc" st="null" m_id="null" tr_id="T1" text_only="0" contact_name="Ana"><parts /><addrs><addr address="+41790000001" type="137" charset="106" /></addrs></mms>`,
    );
    expect(notice.kind).toBe('system');
    expect(notice.text).toBe('MMS download notice: message not downloaded (from +41790000001, size 307200 bytes, expires 2021-04-15T16:46:40.000Z)');
    expect(notice.direction).toBe('incoming');
    expect(notice.time).toEqual({ utcMs: 1617900400000 });
    expect(notice.extra?.['attributes']).toMatchObject({ m_type: '130', m_size: '307200', exp: '1618505200', ct_l: 'http://mms.example.invalid/abc', tr_id: 'T1' });
  });

  it('reads a delivery report (134) as a system record naming the message and its X-Mms-Status', async () => {
    const report = await only(
      `<mms date="1617900500000" msg_box="1" address="+41790000001" m_type="134" m_id="MSG-42@mmsc" st="129" d_rpt="null" rr="null" contact_name="(Unknown)"><parts /><addrs><addr address="+41790000001" type="151" charset="106" /></addrs></mms>`,
    );
    expect(report.kind).toBe('system');
    expect(report.text).toBe('MMS delivery report for message MSG-42@mmsc to +41790000001: retrieved');
    expect(report.extra?.['attributes']).toMatchObject({ m_type: '134', m_id: 'MSG-42@mmsc', st: '129' });
  });

  it('reads a read report (136) as a system record naming the message and its X-Mms-Read-Status', async () => {
    const report = await only(
      `<mms date="1617900600000" msg_box="1" address="+41790000001" m_type="136" m_id="MSG-42@mmsc" read_status="129" contact_name="Ana"><parts /><addrs><addr address="+41790000001" type="137" charset="106" /></addrs></mms>`,
    );
    expect(report.kind).toBe('system');
    expect(report.text).toBe('MMS read report for message MSG-42@mmsc from +41790000001: deleted without being read');
  });

  it('leaves a normal MMS (132) a message', async () => {
    const mms = await only(
      `<mms date="1617900600000" msg_box="1" address="+41790000001" m_type="132" contact_name="Ana"><parts><part seq="0" ct="text/plain" text="hi" /></parts><addrs><addr address="+41790000001" type="137" charset="106" /></addrs></mms>`,
    );
    expect(mms.kind).toBe('message');
    expect(mms.text).toBe('hi');
    expect(mms.sender).toBe('Ana');
  });
});
