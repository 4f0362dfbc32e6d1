import { describe, expect, it } from 'vitest';
import type { ParsedMessage } from '../../../../../shared/contracts/parsed-source.ts';
import { telegramJsonParser } from '../../../../../workers/import/telegram/index.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

/**
 * Regression: a group's voice chat (export_output_json.cpp, ActionGroupCall: actor/actor_id = who
 * started it, action "group_call", duration only when not zero) was a plain service line, where a
 * phone call is a call record. It is now a call record with only what the writer gives: its
 * starter, its length, no outcome and no direction unless the holder started it.
 */

const HOLDER = 'user400000000';

async function parse(messages: unknown[]): Promise<ParsedMessage[]> {
  const json = JSON.stringify({
    personal_information: { user_id: 400000000, first_name: 'Bob' },
    chats: { about: '', list: [{ name: 'Crew', type: 'private_supergroup', id: 1500000000, messages }] },
  });
  return (await runParser(telegramJsonParser, inputFromText(json, { displayName: 'result.json' }))).messages;
}

function groupCall(id: number, actor: string, actorId: string, fields: Record<string, unknown>): Record<string, unknown> {
  return { id, type: 'service', date: '2024-02-01T20:00:00', date_unixtime: String(1_706_814_000 + id), actor, actor_id: actorId, action: 'group_call', ...fields, text: '', text_entities: [] };
}

describe('Telegram JSON: a group voice chat is a call record', () => {
  it('has its starter as sender, its length, no outcome, and a direction only when the holder started it', async () => {
    const [other, own, open] = await parse([groupCall(1, 'Alice', 'user300000000', { duration: 300 }), groupCall(2, 'Bob', HOLDER, { duration: 45 }), groupCall(3, 'Alice', 'user300000000', {})]);
    expect(other).toMatchObject({
      kind: 'system',
      sender: 'Alice',
      senderId: 'user300000000',
      direction: null,
      text: 'Alice: group_call (duration: 300)',
      extra: { recordType: 'call', callKind: 'group', outcome: 'unknown', durationSeconds: 300, action: 'group_call', duration: 300, textGenerated: true },
    });
    expect(own).toMatchObject({ sender: 'Bob', direction: 'outgoing', extra: { recordType: 'call', callKind: 'group', durationSeconds: 45 } });
    expect(open).toMatchObject({ direction: null, extra: { recordType: 'call', callKind: 'group', outcome: 'unknown', durationSeconds: null } });
  });

  it('leaves an invitation to a voice chat a service line: it names whom someone invited, not who took part', async () => {
    const [invite] = await parse([{ ...groupCall(1, 'Alice', 'user300000000', {}), action: 'invite_to_group_call', members: ['Carol'] }]);
    expect(invite).toMatchObject({ kind: 'system', sender: null, text: 'Alice: invite_to_group_call (members: Carol)' });
    expect(invite?.extra?.['recordType']).toBeUndefined();
  });
});
