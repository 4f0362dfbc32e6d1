import { describe, expect, it } from 'vitest';
import { metaMessagesParser } from '../../../../../workers/import/meta/index.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

/**
 * A damaged or hand-edited file can hold a value of another type where the importer reads
 * sender_name, content or is_unsent. The value cannot be the sender or the text, but it must not
 * vanish: it stays in extra as written, and the analyst is told.
 */
describe('Meta message fields of an unexpected type', () => {
  it('keeps a sender_name, content or is_unsent it cannot read in extra, with a warning', async () => {
    const json = '{"messages":[{"sender_name":{"name":"Ana"},"timestamp_ms":1712340000000,"content":["Vin","la 8"],"is_unsent":"true"}]}';
    const { messages, warnings } = await runParser(metaMessagesParser, inputFromText(json, { displayName: 'message_1.json' }));
    expect(messages[0]).toMatchObject({ kind: 'message', sender: null, text: '', deleted: false });
    expect(messages[0]?.extra).toMatchObject({ sender_name: { name: 'Ana' }, content: ['Vin', 'la 8'], is_unsent: 'true' });
    expect(warnings.map((warning) => [warning.place, warning.message])).toContainEqual(['message_1.json#/messages/0', 'sender_name, content, is_unsent could not be read (not of the expected type); kept in extra as written']);
  });

  it('consumes the fields it read, as before', async () => {
    const json = '{"messages":[{"sender_name":"Ana","timestamp_ms":1712340000000,"content":"Vin","is_unsent":false}]}';
    const { messages, warnings } = await runParser(metaMessagesParser, inputFromText(json, { displayName: 'message_1.json' }));
    expect(messages[0]).toMatchObject({ sender: 'Ana', text: 'Vin', extra: {} });
    expect(warnings).toEqual([]);
  });
});
