import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ufdrReportParser } from '../../../../../workers/import/ufdr/index.ts';
import { headOf, inputFromFile, inputFromText, otherFormatSamples, runParser } from '../../../../support/parser-harness.ts';

/**
 * The real, anonymised Physical Analyzer fragments from IPED's test resources (see
 * ../shared/samples/SOURCES.md): a WhatsApp Chat model and UserAccount models. Each is imported
 * as it is (a fragment), and also inside the <project>/<decodedData> a whole report would give it.
 */
const SAMPLES = path.resolve(process.cwd(), '../shared/samples/ufdr');
const CHAT = path.join(SAMPLES, 'iped/ufed-model-chat.xml');
const ACCOUNTS = path.join(SAMPLES, 'iped/ufed-model-useraccount.xml');

function wrapped(): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n<project id="s" reportVersion="7.0" xmlns="http://pa.cellebrite.com/report/2.0"><decodedData>${readFileSync(ACCOUNTS, 'utf8')}<modelType type="Chat">${readFileSync(CHAT, 'utf8')}</modelType></decodedData></project>`;
}

describe.skipIf(!existsSync(CHAT) || !existsSync(ACCOUNTS))('Cellebrite report.xml importer on the public samples', () => {
  it('recognises both fragments by content, and claims no sample of another format', () => {
    expect(ufdrReportParser.sniff(headOf(CHAT), 'ufed-model-chat.xml')).toBe(true);
    expect(ufdrReportParser.sniff(headOf(ACCOUNTS), 'ufed-model-useraccount.xml')).toBe(true);
    const others = otherFormatSamples(['ufdr']);
    expect(others.length).toBeGreaterThan(20);
    expect(others.filter((file) => ufdrReportParser.sniff(headOf(file), path.basename(file)))).toEqual([]);
  });

  it('reads the WhatsApp chat fragment: one conversation, its participants and every message', async () => {
    const result = await runParser(ufdrReportParser, inputFromFile(CHAT, { forbidReadAll: true }));
    expect(result.chats).toHaveLength(1);
    expect(result.chats[0]).toMatchObject({ key: 'chat:WhatsApp:5511999996666@s.whatsapp.net', title: 'WhatsApp: Blastoise', kind: 'private', participants: [{ name: 'Blastoise' }, { name: 'Clefable' }] });
    expect(result.messages).toHaveLength(11);
    expect(result.messages.filter((message) => message.kind === 'unparsed')).toEqual([]);
    // A fragment has no taggedFiles and no files: one summary, not one warning per attachment.
    expect(result.warnings).toEqual([{ place: 'ufed-model-chat.xml', message: expect.stringMatching(/^this is a fragment of a report\.xml \(its root is <model>\).*5 attachment file references.*5 attachment files are not beside it$/u) }]);
    const first = result.messages[0];
    expect(first).toMatchObject({ sender: 'Bulbasaur', senderId: '5511999997777@s.whatsapp.net', direction: 'incoming', time: { utcMs: Date.parse('2024-11-03T19:46:47.000Z') }, timestampText: '2024-11-03T19:46:47.000+00:00' });
    expect(first?.locator).toEqual({ kind: 'xml-path', file: 'ufed-model-chat.xml', path: "/model/multiModelField[@name='Messages']/model[1]", line: 71, column: 9 });
    expect(first?.attachments[0]).toMatchObject({ kind: 'attached', mediaType: 'audio', fileName: 'PTT-20241103-WA0101.opus', path: 'files/Audio/PTT-20241103-WA0101.opus', size: 7054 });
    expect(result.messages.filter((message) => message.direction === 'outgoing').map((message) => message.sender)).toEqual(['Clefable', 'Clefable', 'Pikachu']);
    expect(result.messages.find((message) => message.kind === 'system')).toMatchObject({ text: 'You joined the group via invite link', sender: null });
    expect(result.messages[1]?.extra).toMatchObject({ labels: ['Forwarded'], quoted: [expect.objectContaining({ modelId: '9cfcb1df-26e3-4ebf-a3e4-da45ad5587fc' })], replyToModelId: '9cfcb1df-26e3-4ebf-a3e4-da45ad5587fc' });
    expect(result.outcome.formatVersion).toBe('cellebrite-report-2.0 fragment (<model type="Chat">)');
    expect(result.outcome.details).toMatchObject({ fragment: true, messages: 11, attachments: 5, modelCounts: { Chat: 1 }, complete: true });
  });

  it('regression: keeps who joined from the ActivityLog nested in the system message, which the Body does not say', async () => {
    const { messages } = await runParser(ufdrReportParser, inputFromFile(CHAT));
    const joined = messages.find((message) => message.kind === 'system');
    expect(joined?.extra?.['activity']).toEqual([
      { action: 'ParticipantJoined', participant: { id: '5860529659', name: 'Squirtle' }, systemMessageId: 'db1afcb5-e03e-4fca-bb9e-9ebe1c00bf48', modelId: '51d69d49-4680-461e-9cf3-80477a2fa134' },
    ]);
  });

  it('regression: keeps the contact card Metapod shared, which the empty Body does not say', async () => {
    const { messages } = await runParser(ufdrReportParser, inputFromFile(CHAT));
    const card = messages.find((message) => message.sender === 'Metapod');
    expect(card?.extra?.['sharedContacts']).toEqual([expect.objectContaining({ name: 'Charmeleon', entries: expect.arrayContaining([expect.objectContaining({ value: '+55 11 99999-22222' })]) })]);
  });

  it('recognises the user-account fragment: one record per account, and the accounts in the details', async () => {
    const result = await runParser(ufdrReportParser, inputFromFile(ACCOUNTS, { forbidReadAll: true }));
    expect(result.warnings).toEqual([]);
    expect(result.chats).toEqual([{ key: 'accounts', title: 'User accounts on the device', kind: 'unknown' }]);
    expect(result.messages.map((message) => [message.kind, message.text])).toEqual([
      ['system', 'WhatsApp Business account: Rattata (5511999997777@s.whatsapp.net)'],
      ['system', 'Instagram account: Pidgeotto (1212121212121212)'],
    ]);
    expect(result.outcome.details).toMatchObject({
      fragment: true,
      messages: 0,
      userAccounts: 2,
      userAccountList: [
        { source: 'WhatsApp Business', name: 'Rattata', identifiers: ['5511999997777@s.whatsapp.net'] },
        { source: 'Instagram', name: 'Pidgeotto', identifiers: ['1212121212121212'] },
      ],
    });
  });

  it('reads the same chat inside a whole report, where the accounts name the owner', async () => {
    const result = await runParser(ufdrReportParser, inputFromText(wrapped(), { displayName: 'report.xml', forbidReadAll: true }));
    expect(result.messages.filter((message) => message.kind === 'message' || message.chatKey !== 'accounts')).toHaveLength(11);
    expect(result.outcome.details).toMatchObject({ fragment: false, messages: 11, accountRecords: 2, userAccounts: 2, modelCounts: { UserAccount: 2, Chat: 1 }, complete: true });
  });

  it('gives the same records whatever the chunk size', async () => {
    const whole = await runParser(ufdrReportParser, inputFromText(wrapped(), { displayName: 'report.xml' }));
    const small = await runParser(ufdrReportParser, inputFromText(wrapped(), { displayName: 'report.xml', chunkBytes: 97 }));
    expect(small.messages).toEqual(whole.messages);
    expect(small.chats).toEqual(whole.chats);
  });
});
