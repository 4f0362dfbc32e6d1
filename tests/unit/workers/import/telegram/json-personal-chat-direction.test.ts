import { describe, expect, it } from 'vitest';
import type { HarnessResult } from '../../../../support/parser-harness.ts';
import { telegramJsonParser } from '../../../../../workers/import/telegram/index.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

/**
 * Regression: a single-chat export ("Export chat history") has no personal_information, so every
 * message of a one-to-one chat came without a direction. Telegram Desktop writes such a chat's
 * "id" as the other person's bare user id (export_output_json.cpp, writeDialogStart:
 * PeerToBareId), the id its messages carry as from_id "user<id>": a real 2026 export
 * (frozenspider/chat-history-manager, crates/backend/resources/test/telegram_2026-08_1to1/
 * result.json) and the real-derived chat-analytics DM_2A_7M.json both show it. The other sender is
 * the account holder. Files built here in that shape.
 */

const T0 = 1_787_647_437;

async function parse(chat: Record<string, unknown>): Promise<HarnessResult> {
  return runParser(telegramJsonParser, inputFromText(JSON.stringify(chat, null, 1), { displayName: 'ChatExport_2026-08-25/result.json' }));
}

function message(id: number, from: string, fromId: string | number): Record<string, unknown> {
  return { id, type: 'message', date: '2026-08-25T13:43:57', date_unixtime: String(T0 + id), from, from_id: fromId, text: `m${id}` };
}

describe('Telegram JSON: directions in a single personal chat', () => {
  it('reads the sender whose id is the chat id as incoming and the other as outgoing, saying why', async () => {
    const { messages, outcome } = await parse({ name: 'Someone', type: 'personal_chat', id: 5222222222, messages: [message(1, 'Someone', 'user5222222222'), message(2, 'Me', 'user5333333333')] });
    expect(messages.map((item) => [item.sender, item.direction])).toEqual([
      ['Someone', 'incoming'],
      ['Me', 'outgoing'],
    ]);
    expect(outcome.details['directionsFrom']).toBe("the chat id: a personal or bot chat's id is the other person's user id (user5222222222), so its other sender is the account holder");
  });

  it('reads a bot chat the same way, and a service message still has no direction', async () => {
    const { messages } = await parse({
      name: 'Jobs Bot',
      type: 'bot_chat',
      id: 6000001,
      messages: [message(1, 'Me', 'user77'), message(2, 'Jobs Bot', 'user6000001'), { id: 3, type: 'service', date_unixtime: String(T0 + 3), actor: 'Me', actor_id: 'user77', action: 'pin_message', message_id: 2, text: '' }],
    });
    expect(messages.map((item) => item.direction)).toEqual(['outgoing', 'incoming', null]);
  });

  it('leaves the bare integer from_id of old exports without a direction', async () => {
    const { messages, outcome } = await parse({ name: 'Someone', type: 'personal_chat', id: 777777777, messages: [message(1, 'Someone', 777777777), message(2, 'Me', 11111111)] });
    expect(messages.map((item) => item.direction)).toEqual([null, null]);
    expect(outcome.details['directionsFrom']).toBe("no personal_information: directions are unknown, except in Saved Messages (all the account holder's)");
  });
});
