import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { smsBackupXmlParser } from '../../../../../workers/import/sms-xml/index.ts';
import { callText, formatDuration } from '../../../../../workers/import/sms-xml/call-log.ts';
import { inputFromFile, inputFromText, runParser, SAMPLES_ROOT } from '../../../../support/parser-harness.ts';

/** SMS Backup & Restore `<calls>` backups: each `<call>` becomes a call-log record (kind 'system'). */
const MINIMAL_CALLS = path.join(SAMPLES_ROOT, 'sms-backup-restore-xml/shruggietech/minimal_calls.xml');

function calls(body: string): string {
  return `<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<calls count="${(body.match(/<call /gu) ?? []).length}">\n${body}\n</calls>`;
}

describe('SMS Backup & Restore call logs', () => {
  it.skipIf(!existsSync(MINIMAL_CALLS))('imports minimal_calls.xml: one incoming call from Alice Smith, 2 min 5 s, in her calls conversation', async () => {
    const result = await runParser(smsBackupXmlParser, inputFromFile(MINIMAL_CALLS, { forbidReadAll: true }));
    expect(result.chats).toEqual([{ key: 'calls:+15551234567', title: 'Calls: Alice Smith (+15551234567)', kind: 'private', participants: [{ name: 'Alice Smith', id: '+15551234567' }], mergeKey: 'calls:+15551234567' }]);
    expect(result.messages).toHaveLength(1);
    expect(result.messages[0]).toMatchObject({
      chatKey: 'calls:+15551234567',
      kind: 'system',
      sender: 'Alice Smith',
      senderId: '+15551234567',
      direction: 'incoming',
      time: { utcMs: 1609632000000 },
      timestampText: '1609632000000',
      text: 'Incoming call, 2 min 5 s',
      deleted: false,
      locator: { kind: 'xml-path', file: 'minimal_calls.xml', path: '/calls/call[1]', line: 3, column: 3 },
      extra: { recordType: 'call', durationSeconds: 125, outcome: 'answered', party: { id: '+15551234567', name: 'Alice Smith' } },
    });
    expect(result.warnings).toEqual([]);
    expect(result.outcome).toMatchObject({ formatVersion: 'sms-backup-restore-calls-xml', details: { root: 'calls', calls: 1, complete: true } });
  });

  it('maps every Android call type to a direction and an outcome, and groups calls per number', async () => {
    const xml = calls(
      [
        '<call number="+40 711 111 111" duration="0" date="1712340000000" type="2" contact_name="Nadia" />',
        '<call number="+40711111111" duration="3725" date="1712340001000" type="2" contact_name="Nadia" />',
        '<call number="+40722222222" duration="0" date="1712340002000" type="3" contact_name="(Unknown)" />',
        '<call number="+40722222222" duration="12" date="1712340003000" type="4" />',
        '<call number="+40722222222" duration="0" date="1712340004000" type="5" />',
        '<call number="+40722222222" duration="0" date="1712340005000" type="6" />',
        '<call number="+40722222222" duration="0" date="1712340006000" type="9" />',
      ].join('\n'),
    );
    const result = await runParser(smsBackupXmlParser, inputFromText(xml, { displayName: 'calls.xml' }));
    // Regression (a real backup, kmanwar89/pythonparser calls.xml): a dialled call of 0 s was
    // "answered"; Android logs every placed call as type 2, and only the length tells.
    expect(result.messages.map((message) => message.extra?.['outcome'])).toEqual(['not connected', 'answered', 'missed', 'voicemail', 'rejected', 'blocked', 'unknown']);
    expect(result.messages.map((message) => [message.chatKey, message.direction, message.sender, message.text])).toEqual([
      ['calls:+40711111111', 'outgoing', null, 'Outgoing call, not connected'],
      ['calls:+40711111111', 'outgoing', null, 'Outgoing call, 1 h 2 min 5 s'],
      ['calls:+40722222222', 'incoming', '+40722222222', 'Incoming call, missed'],
      ['calls:+40722222222', 'incoming', '+40722222222', 'Incoming call, voicemail, 12 s'],
      ['calls:+40722222222', 'incoming', '+40722222222', 'Incoming call, rejected'],
      ['calls:+40722222222', 'incoming', '+40722222222', 'Incoming call, blocked'],
      ['calls:+40722222222', null, null, 'Call'],
    ]);
    expect(result.chats.map((chat) => chat.title)).toEqual(['Calls: Nadia (+40 711 111 111)', 'Calls: +40722222222']);
    expect(result.warnings).toEqual([{ place: 'calls.xml:9:1', message: 'unknown call type "9"' }]);
  });

  it('keeps a call cut by broken XML as an unparsed record in its number\'s calls conversation', async () => {
    const xml = `<calls count="2">\n<call number="+4071" duration="5" date="1712340000000" type="1" />\n<call number="+4072" duration="5" date="17123`;
    const result = await runParser(smsBackupXmlParser, inputFromText(xml, { displayName: 'cut.xml' }));
    expect(result.messages.map((message) => [message.kind, message.chatKey])).toEqual([
      ['system', 'calls:+4071'],
      ['unparsed', 'calls:+4072'],
    ]);
    expect(result.warnings.at(-1)?.message).toMatch(/^bad XML: .*reading stopped there/u);
  });

  it('words call facts the same way for every importer', () => {
    expect(callText({ direction: 'outgoing', outcome: 'answered', durationSeconds: 133, video: false, app: null })).toBe('Outgoing voice call, 2 min 13 s');
    expect(callText({ direction: 'incoming', outcome: 'missed', durationSeconds: 0, video: true, app: 'WhatsApp' })).toBe('Incoming video call (WhatsApp), missed');
    expect(callText({ direction: null, outcome: 'unknown', durationSeconds: null, video: null, app: null })).toBe('Call');
    expect(formatDuration(0)).toBe('0 s');
    expect(formatDuration(59.6)).toBe('1 min 0 s');
  });
});
