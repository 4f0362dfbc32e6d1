import { describe, expect, it } from 'vitest';
import { ufdrReportParser } from '../../../../../workers/import/ufdr/index.ts';
import { field, modelType, party, report } from '../../../../support/ufdr-report-builder.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

/**
 * InstantMessages outside any Chat are grouped by app and parties. One person's number is
 * spelled many ways across a phone's records (`+40 711 111 111`, `0711111111`,
 * `40711111111@s.whatsapp.net`): matched on its last nine digits, as the report's SMS are, the
 * messages of one conversation stay in one, and another number stays apart.
 */
function instantMessage(id: string, from: string, to: string, body: string): string {
  return `<model type="InstantMessage" id="${id}">${field('Source', 'WhatsApp')}<modelField name="From" type="Party">${party({ id: from })}</modelField><multiModelField name="To" type="Party">${party({ id: to, owner: true })}</multiModelField>${field('Body', body)}</model>`;
}

describe('Cellebrite InstantMessages outside any Chat: one party, several spellings', () => {
  it('puts the messages of one number, however spelled, in one conversation', async () => {
    const xml = report({
      decoded: [
        modelType('InstantMessage', [
          instantMessage('a', '+40 711 111 111', '+40700000001', 'first'),
          instantMessage('b', '0711111111', '0700000001', 'second'),
          instantMessage('c', '40711111111@s.whatsapp.net', '+40700000001', 'third'),
          instantMessage('d', '+40722222222', '+40700000001', 'someone else'),
        ]),
      ],
    });
    const { messages, chats } = await runParser(ufdrReportParser, inputFromText(xml, { displayName: 'report.xml' }));
    const keyOf = (text: string): string | undefined => messages.find((message) => message.text === text)?.chatKey;
    expect(keyOf('second')).toBe(keyOf('first'));
    expect(keyOf('third')).toBe(keyOf('first'));
    expect(keyOf('someone else')).not.toBe(keyOf('first'));
    expect(chats.filter((chat) => chat.key.startsWith('im:')).map((chat) => chat.key)).toEqual(['im:WhatsApp:+40700000001,+40711111111', 'im:WhatsApp:+40700000001,+40722222222']);
  });
});
