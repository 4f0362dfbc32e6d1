import { describe, expect, it } from 'vitest';
import { ufdrReportParser } from '../../../../../workers/import/ufdr/index.ts';
import { field, modelType, party, report, stamp } from '../../../../support/ufdr-report-builder.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

/**
 * A Telegram reply as Physical Analyzer writes it (IPED's real sample, ufed-model-chat.xml): the
 * MessageExtraData holds a ReplyMessageData model whose OriginalMessageID is the app's id of the
 * message answered (its Identifier) and whose modelField InstantMessage nests that message. It has
 * no ReferenceId, so which message a reply answers was lost. Names and texts here are invented.
 */
const T = '2023-10-11T01:39:05.000+00:00';

function message(id: string, identifier: string, body: string, extra = ''): string {
  return `<model type="InstantMessage" id="${id}" deleted_state="Intact">${field('SourceApplication', 'Telegram')}<modelField name="From" type="Party">${party({ id: '1919334790', name: 'Ana' })}</modelField>${field('Body', body)}${stamp('TimeStamp', T)}${field('Identifier', identifier)}${field('SelfDestructDuration', '00:00:00', 'TimeSpan')}${extra}</model>`;
}

function replyData(originalId: string, nestedId: string): string {
  const nested = `<modelField name="InstantMessage" type="InstantMessage"><model type="InstantMessage" id="${nestedId}" deleted_state="Intact">${field('SourceApplication', 'Telegram')}${field('Body', 'where are you now?')}</model></modelField>`;
  const label = `<model type="MessageLabel" id="lbl-1">${field('Label', 'SelfDestruct', 'Label')}</model>`;
  return `<multiModelField name="MessageExtraData" type="InstantMessageExtraData"><model type="ReplyMessageData" id="rd-1">${field('Label', 'Reply', 'Label')}${field('OriginalMessageID', originalId)}${nested}</model>${label}</multiModelField>`;
}

describe('Cellebrite ReplyMessageData', () => {
  it('names the answered message by its app id and model id, and keeps a disappearing timer', async () => {
    const first = message('im-1', '555000111:10', 'where are you now?');
    const reply = message('im-2', '555000111:11', 'at the station', replyData('555000111:10', 'im-1')).replace('00:00:00', '1.00:00:00');
    const chat = `<model type="Chat" id="chat-1" deleted_state="Intact">${field('Source', 'Telegram')}${field('Id', '555000111')}<multiModelField name="Messages" type="InstantMessage">${first}${reply}</multiModelField></model>`;
    const result = await runParser(ufdrReportParser, inputFromText(report({ decoded: [modelType('Chat', [chat])] }), { displayName: 'report.xml' }));
    const [plain, answer] = result.messages;
    expect(plain?.extra?.['replyToIdentifier']).toBeUndefined();
    expect(plain?.extra?.['selfDestructDuration']).toBeUndefined();
    expect(answer?.extra).toMatchObject({
      labels: ['Reply', 'SelfDestruct'],
      replyToIdentifier: '555000111:10',
      replyToModelId: 'im-1',
      quoted: [{ modelId: 'im-1', sender: null, body: 'where are you now?' }],
      selfDestructDuration: '1.00:00:00',
    });
  });
});
