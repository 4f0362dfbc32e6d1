import { describe, expect, it } from 'vitest';
import { smsBackupXmlParser } from '../../../../../workers/import/sms-xml/index.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';
import { storedImport } from '../../../../support/stored-rows.ts';
import { MESSAGE_ROW_COLUMNS } from '../../../../../shared/contracts/db-worker.ts';

/**
 * A type, message box or address type is looked up in a table of the codes the app writes. A value
 * named like something every JavaScript object has (constructor, toString, __proto__) is an
 * unknown code like any other, never that member.
 */
const XML = `<?xml version="1.0"?>
<smses count="4">
  <sms address="+40721" date="1673769600000" type="1" body="first, announcing the chat" />
  <sms address="+40721" date="1673769601000" type="constructor" body="a" />
  <sms address="+40721" date="1673769602000" type="toString" body="b" />
  <mms address="+40721" date="1673769603000" msg_box="__proto__" m_type="132"><parts><part seq="0" ct="text/plain" text="c" /></parts><addrs><addr address="+40721" type="valueOf" charset="106" /></addrs></mms>
</smses>
`;

describe('SMS Backup & Restore codes named like object members', () => {
  it('are unknown codes: no direction, a note naming them, the raw value kept', async () => {
    const result = await runParser(smsBackupXmlParser, inputFromText(XML));
    expect(result.messages.map((message) => message.direction ?? null)).toEqual(['incoming', null, null, null]);
    expect(result.messages[1]?.extra?.['status']).toBeUndefined();
    const warnings = result.warnings.map((warning) => warning.message).join('\n');
    expect(warnings).toContain('unknown sms type "constructor"');
    expect(warnings).toContain('unknown sms type "toString"');
    expect(warnings).toContain('unknown mms msg_box "__proto__"');
    expect(JSON.stringify(result.messages[3]?.extra)).toContain('type valueOf');
  });

  it('are stored as the same rows whichever reader took the line', async () => {
    const stored = await storedImport(smsBackupXmlParser, inputFromText(XML), 'sms-backup-restore-xml');
    const extra = stored.rows.map((row) => JSON.parse(String(row[MESSAGE_ROW_COLUMNS.indexOf('extra')])) as Record<string, unknown>);
    expect(extra.map((each) => each['status'] ?? null)).toEqual(['inbox', null, null, null]);
  });
});
