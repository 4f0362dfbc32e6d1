import { describe, expect, it } from 'vitest';
import { ufdrReportParser } from '../../../../../workers/import/ufdr/index.ts';
import { field, modelType, party, report, stamp } from '../../../../support/ufdr-report-builder.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

/**
 * Reaction models on a message. IPED's UfedXmlReader knows a `Reaction` model (it merges it into
 * its message) and the case database beside a real UFDR has Reactions and Reactions_Actor tables,
 * but no public report shows the model, so the importer keeps whatever such a model writes rather
 * than guessing: its fields as written, its Actor party, its times. Names and texts are invented.
 */
const T = '2025-03-02T18:30:00.000+00:00';

function reaction(id: string, emoji: string, actor: string, time: string): string {
  return `<model type="Reaction" id="${id}" deleted_state="Intact">${field('ReactionType', emoji)}<modelField name="Actor" type="Party">${party({ id: actor, name: 'Ioana' })}</modelField>${stamp('TimeStamp', time)}${field('Source', 'WhatsApp')}</model>`;
}

function message(extra: string): string {
  return `<model type="InstantMessage" id="im-1" deleted_state="Intact"><modelField name="From" type="Party">${party({ id: '40722222222', name: 'Mara' })}</modelField>${field('Body', 'I will send the tickets tonight')}${stamp('TimeStamp', T)}${extra}</model>`;
}

async function extraOf(messageXml: string): Promise<Record<string, unknown> | undefined> {
  const chat = `<model type="Chat" id="chat-1" deleted_state="Intact">${field('Source', 'WhatsApp')}${field('Id', 'chat-1')}<multiModelField name="Messages" type="InstantMessage">${messageXml}</multiModelField></model>`;
  const result = await runParser(ufdrReportParser, inputFromText(report({ decoded: [modelType('Chat', [chat])] }), { displayName: 'report.xml' }));
  expect(result.messages).toHaveLength(1);
  return result.messages[0]?.extra;
}

describe('Cellebrite Reaction models', () => {
  it('keeps reactions in a Reactions field with who reacted, when and the field the emoji came from', async () => {
    const extra = await extraOf(message(`<multiModelField name="Reactions" type="Reaction">${reaction('r-1', '❤️', '40733333333', '2025-03-02T18:31:00.000+00:00')}</multiModelField>`));
    expect(extra?.['reactions']).toEqual([
      {
        modelId: 'r-1',
        emoji: '❤️',
        emojiField: 'ReactionType',
        actor: { id: '40733333333', name: 'Ioana' },
        times: { TimeStamp: expect.objectContaining({ text: '2025-03-02T18:31:00.000+00:00', utc: '2025-03-02T18:31:00.000Z' }) },
        fields: { ReactionType: '❤️', Source: 'WhatsApp' },
        deletedState: 'Intact',
      },
    ]);
  });

  it('keeps a Reaction written among the MessageExtraData models', async () => {
    const extra = await extraOf(message(`<multiModelField name="MessageExtraData" type="InstantMessageExtraData">${reaction('r-2', '👍', '40744444444', T)}</multiModelField>`));
    expect(extra?.['reactions']).toEqual([expect.objectContaining({ modelId: 'r-2', emoji: '👍', actor: { id: '40744444444', name: 'Ioana' } })]);
  });
});
