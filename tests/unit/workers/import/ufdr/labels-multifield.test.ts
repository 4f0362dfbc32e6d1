import { describe, expect, it } from 'vitest';
import { ufdrReportParser } from '../../../../../workers/import/ufdr/index.ts';
import { field, modelType, party, report, stamp } from '../../../../support/ufdr-report-builder.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

/**
 * Physical Analyzer 10.10 and later, as IPED's sample of that version writes an InstantMessage
 * (ufed-model-chat-pa1010-labels.xml): the labels are values of a `<multiField name="Labels">` on
 * the message, with no MessageLabel models; models carry a `pa_id` that a QuotedMessageData's
 * ReferenceId names; a forwarded message's words are only in its EmbeddedInstantMessage; and a
 * reply's ReferenceId is the empty Guid. Names and texts here are invented.
 */
const T = '2025-02-01T10:00:00.000+00:00';
const from = `<modelField name="From" type="Party">${party({ id: '40711111111@s.whatsapp.net', name: 'Dan' })}</modelField>`;
const labels = (...values: string[]): string => `<multiField name="Labels" type="Label">${values.map((value) => `<value type="Label"><![CDATA[${value}]]></value>`).join('')}</multiField>`;
const quotedData = (reference: string, original?: string): string =>
  `<multiModelField name="MessageExtraData" type="InstantMessageExtraData"><model type="QuotedMessageData" id="qd-${reference}">${original === undefined ? '' : field('OriginalMessageID', original)}${field('ReferenceId', reference, 'Guid')}</model></multiModelField>`;

function forwardedWithoutBody(): string {
  const embedded = `<multiModelField name="EmbeddedInstantMessage" type="InstantMessage"><model type="InstantMessage" id="emb-1" pa_id="pa-emb-1">${field('Body', 'the address is 12 Dock Road')}<multiField name="Labels" type="Label" /></model></multiModelField>`;
  return `<model type="InstantMessage" id="im-1" pa_id="pa-im-1" deleted_state="Intact">${from}${stamp('TimeStamp', T)}${field('Label', 'Default', 'Label')}${labels('Forwarded', 'Edited')}${quotedData('pa-emb-1')}${field('Identifier', 'WA-1')}${embedded}</model>`;
}

function replyWithEmptyGuid(): string {
  return `<model type="InstantMessage" id="im-2" pa_id="pa-im-2" deleted_state="Intact">${from}${field('Body', 'got it')}${stamp('TimeStamp', T)}${labels('Reply')}${quotedData('00000000-0000-0000-0000-000000000000', 'WA-1')}${field('Identifier', 'WA-2')}</model>`;
}

describe('Cellebrite labels in a Labels multiField (Physical Analyzer 10.10)', () => {
  it('reads the labels, the forwarded words, the pa_id and a reply by its app id only', async () => {
    const chat = `<model type="Chat" id="chat-1" deleted_state="Intact">${field('Source', 'WhatsApp')}${field('Id', 'chat-1')}<multiModelField name="Messages" type="InstantMessage">${forwardedWithoutBody()}${replyWithEmptyGuid()}</multiModelField></model>`;
    const result = await runParser(ufdrReportParser, inputFromText(report({ decoded: [modelType('Chat', [chat])] }), { displayName: 'report.xml' }));
    expect(result.messages.map((message) => [message.kind, message.text, message.edited])).toEqual([
      ['message', 'the address is 12 Dock Road', true],
      ['message', 'got it', false],
    ]);
    const [forward, reply] = result.messages;
    expect(forward?.extra).toMatchObject({
      paId: 'pa-im-1',
      labels: ['Forwarded', 'Edited'],
      textFrom: 'EmbeddedInstantMessage (a forwarded message with no Body of its own)',
      replyToModelId: 'pa-emb-1',
      quoted: [{ modelId: 'emb-1', paId: 'pa-emb-1', body: 'the address is 12 Dock Road' }],
    });
    expect(reply?.extra).toMatchObject({ labels: ['Reply'], replyToIdentifier: 'WA-1' });
    expect(reply?.extra?.['replyToModelId']).toBeUndefined();
  });
});
