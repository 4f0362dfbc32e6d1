import { describe, expect, it } from 'vitest';
import { ufdrReportParser } from '../../../../../workers/import/ufdr/index.ts';
import { call, field, modelType, party, report, stamp } from '../../../../support/ufdr-report-builder.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

/**
 * What Physical Analyzer writes that the importer dropped, found by checking it against IPED,
 * which reads real reports: the "Edited" label (IPED's InstantMessage.isEdited), a carved
 * record (`iscarved="True"`), a forwarded message's OriginalSender, an SMS/MMS text given only as
 * Snippet (IPED reads it in Body's place) and a call that was not established.
 */
const T = '2024-03-12T09:15:01+02:00';
const from = (id: string): string => `<modelField name="From" type="Party">${party({ id, owner: false })}</modelField>`;
const extraData = (models: string): string => `<multiModelField name="MessageExtraData" type="InstantMessageExtraData">${models}</multiModelField>`;

function chat(messages: string[]): string {
  return `<model type="Chat" id="chat-1" deleted_state="Intact">${field('Source', 'WhatsApp')}${field('Id', 'chat-1')}<multiModelField name="Messages" type="InstantMessage">${messages.join('')}</multiModelField></model>`;
}

describe('Cellebrite facts IPED reads from real reports', () => {
  it('reads the Edited label, a carved record and a forwarded message\'s original sender', async () => {
    const edited = `<model type="InstantMessage" id="m-1" deleted_state="Deleted" iscarved="True" extractionId="0">${from('40712345678')}${field('Body', 'Meet at 9, not 8')}${stamp('TimeStamp', T)}${extraData(`<model type="MessageLabel" id="x-1">${field('Label', 'Edited')}</model>`)}</model>`;
    const forwarded = `<model type="InstantMessage" id="m-2" deleted_state="Intact">${from('40712345678')}${field('Body', 'look what he sent')}${stamp('TimeStamp', T)}${extraData(`<model type="ForwardedMessageData" id="x-2">${field('Label', 'Forwarded')}<modelField name="OriginalSender" type="Party">${party({ id: '40755555555', name: 'Victor' })}</modelField></model>`)}</model>`;
    const plain = `<model type="InstantMessage" id="m-3" deleted_state="Intact">${from('40712345678')}${field('Body', 'ok')}${stamp('TimeStamp', T)}</model>`;
    const result = await runParser(ufdrReportParser, inputFromText(report({ decoded: [modelType('Chat', [chat([edited, forwarded, plain])])] }), { displayName: 'report.xml' }));
    expect(result.messages.map((message) => [message.extra?.['modelId'], message.edited, message.extra?.['carved'] ?? false, message.extra?.['forwardedFrom'] ?? null])).toEqual([
      ['m-1', true, true, null],
      ['m-2', false, false, { id: '40755555555', name: 'Victor' }],
      ['m-3', false, false, null],
    ]);
  });

  it('takes an MMS text given only as Snippet, saying so, and keeps a Body over a Snippet', async () => {
    const parties = `<multiModelField name="Parties" type="Party">${party({ id: '+40712345678', role: 'From' })}</multiModelField>`;
    const onlySnippet = `<model type="MMS" id="mms-1" deleted_state="Intact">${stamp('TimeStamp', T)}${field('Folder', 'Inbox')}${field('Snippet', 'the car is at the back gate')}${parties}</model>`;
    const both = `<model type="SMS" id="sms-1" deleted_state="Intact">${stamp('TimeStamp', T)}${field('Folder', 'Inbox')}${field('Body', 'the whole text')}${field('Snippet', 'the whole…')}${parties}</model>`;
    const result = await runParser(ufdrReportParser, inputFromText(report({ decoded: [modelType('MMS', [onlySnippet]), modelType('SMS', [both])] }), { displayName: 'report.xml' }));
    expect(result.messages.map((message) => [message.kind, message.text, message.extra?.['textFrom'] ?? null])).toEqual([
      ['message', 'the car is at the back gate', 'Snippet (the model has no Body)'],
      ['message', 'the whole text', null],
    ]);
  });

  it('reads a call whose status is NotEstablishedUnknownReason as not connected', async () => {
    const model = call({ id: 'c1', type: 'Incoming', time: T, duration: '00:00:00', parties: [{ id: '+40711111111', role: 'From' }, { id: '+40700000001', role: 'To', owner: true }] });
    // The Status field goes on the Call model itself, before its closing tag.
    const withStatus = `${model.slice(0, model.lastIndexOf('</model>'))}${field('Status', 'NotEstablishedUnknownReason')}</model>`;
    const xml = report({ decoded: [modelType('Call', [withStatus])] });
    const result = await runParser(ufdrReportParser, inputFromText(xml, { displayName: 'report.xml' }));
    expect(result.messages.map((message) => [message.extra?.['outcome'], message.text])).toEqual([['not connected', 'Incoming call, not connected']]);
  });
});

describe('Cellebrite SMS direction from their status alone', () => {
  // IPED reads an SMS's Status Read as incoming and Unsent as outgoing; a chat message's "Read" is
  // a receipt of the owner's message, so it says nothing there.
  it('reads Read as incoming and Unsent as outgoing when no folder, party or flag says', async () => {
    const noRole = `<multiModelField name="Parties" type="Party">${party({ id: '+40712345678' })}</multiModelField>`;
    const smsWith = (id: string, status: string): string => `<model type="SMS" id="${id}" deleted_state="Intact">${stamp('TimeStamp', T)}${field('Status', status)}${field('Body', id)}${noRole}</model>`;
    const result = await runParser(ufdrReportParser, inputFromText(report({ decoded: [modelType('SMS', [smsWith('s1', 'Read'), smsWith('s2', 'Unsent'), smsWith('s3', 'Delivered')])] }), { displayName: 'report.xml' }));
    expect(result.messages.map((message) => [message.text, message.direction ?? null])).toEqual([
      ['s1', 'incoming'],
      ['s2', 'outgoing'],
      ['s3', null],
    ]);
  });
});
