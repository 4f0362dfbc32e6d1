import { describe, expect, it } from 'vitest';
import type { ParsedMessage } from '../../../../../shared/contracts/parsed-source.ts';
import { telegramJsonParser } from '../../../../../workers/import/telegram/index.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

/**
 * Regression: a Telegram JSON phone call was a service line with no caller and no call facts,
 * where every other importer writes a call record. Telegram Desktop writes a call as a service
 * message (export_output_json.cpp, ActionPhoneCall): actor/actor_id = the caller, action
 * "phone_call", duration_seconds only when not zero, discard_reason busy | disconnect | hangup |
 * missed. Chats built here in that shape: a personal chat whose id is the other person's user id.
 */

const PEER = 'user300000000';
const HOLDER = 'user400000000';

async function parse(messages: unknown[], type = 'personal_chat'): Promise<ParsedMessage[]> {
  const json = JSON.stringify({ name: 'Alice', type, id: 300000000, messages });
  return (await runParser(telegramJsonParser, inputFromText(json, { displayName: 'result.json' }))).messages;
}

const message = (id: number, from: string, fromId: string): Record<string, unknown> => ({ id, type: 'message', date: '2023-08-11T05:00:00', date_unixtime: String(1_691_719_000 + id), from, from_id: fromId, text: 'hi', text_entities: [{ type: 'plain', text: 'hi' }] });

function call(id: number, actor: string | null, actorId: string, fields: Record<string, unknown>): Record<string, unknown> {
  return { id, type: 'service', date: '2023-08-11T05:11:02', date_unixtime: String(1_691_719_000 + id), actor, actor_id: actorId, action: 'phone_call', ...fields, text: '', text_entities: [] };
}

describe('Telegram JSON: a phone call is a call record', () => {
  it('has the call facts, the actor as sender and a direction, and keeps its line and every field', async () => {
    const [record] = await parse([call(1, 'Alice', PEER, { duration_seconds: 56, discard_reason: 'hangup' })]);
    expect(record).toMatchObject({
      kind: 'system',
      sender: 'Alice',
      senderId: PEER,
      direction: 'incoming',
      text: 'Alice: phone_call (duration_seconds: 56; discard_reason: hangup)',
      extra: { recordType: 'call', outcome: 'answered', durationSeconds: 56, textGenerated: true, actor: 'Alice', actor_id: PEER, action: 'phone_call', duration_seconds: 56, discard_reason: 'hangup' },
    });
  });

  it('takes the outcome only where the fields say it, read as the HTML export reads the same call', async () => {
    const records = await parse([
      message(1, 'Bob', HOLDER),
      call(2, 'Alice', PEER, { discard_reason: 'missed' }),
      call(3, 'Bob', HOLDER, { discard_reason: 'missed' }),
      call(4, 'Alice', PEER, { discard_reason: 'busy' }),
      call(5, 'Bob', HOLDER, { discard_reason: 'busy' }),
      call(6, 'Bob', HOLDER, { discard_reason: 'hangup' }),
      call(7, 'Alice', PEER, { duration_seconds: 12, discard_reason: 'disconnect' }),
      call(8, 'Alice', PEER, {}),
    ]);
    expect(records.slice(1).map((item) => [item.direction, item.extra?.['outcome'], item.extra?.['durationSeconds']])).toEqual([
      ['incoming', 'missed', null],
      ['outgoing', 'cancelled', null],
      ['incoming', 'rejected', null],
      ['outgoing', 'unknown', null],
      ['outgoing', 'unknown', null],
      ['incoming', 'answered', 12],
      ['incoming', 'unknown', null],
    ]);
  });

  it('reads a missed call as not connected and a busy one as unknown where the direction is not known', async () => {
    const records = await parse([call(1, 'Alice', PEER, { discard_reason: 'missed' }), call(2, 'Alice', PEER, { discard_reason: 'busy' })], 'private_group');
    expect(records.map((item) => [item.direction, item.extra?.['outcome']])).toEqual([
      [null, 'not connected'],
      [null, 'unknown'],
    ]);
  });

  it('names a deleted caller as Telegram shows one, and reads an unreadable length as none', async () => {
    const [record] = await parse([call(1, null, PEER, { duration_seconds: '56', discard_reason: 'hangup' })]);
    expect(record).toMatchObject({ sender: `Deleted Account (${PEER})`, extra: { recordType: 'call', outcome: 'unknown', durationSeconds: null, duration_seconds: '56' } });
  });
});
