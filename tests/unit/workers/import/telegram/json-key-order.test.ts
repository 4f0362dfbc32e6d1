import { describe, expect, it } from 'vitest';
import { telegramJsonParser } from '../../../../../workers/import/telegram/index.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

/**
 * A result.json passed through a tool that sorts keys (`jq -S`, Python's sort_keys) has every
 * object's keys in alphabetical order: a chat's "messages" before its "name" and "type", and a
 * full-account export's "chats" before "personal_information". What the messages need from those
 * later keys (the chat's title, Saved Messages making every message the owner's, the owner's id
 * telling sent from received) must not depend on where the keys sit.
 */

/** JSON with every object's keys sorted, as jq -S writes it. */
function sortedJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner) ? Object.fromEntries(Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : inner,
  );
}

const T0 = 1_700_000_000;
const message = (id: number, from: string, fromId: string, text: string): Record<string, unknown> => ({ id, type: 'message', date: '2023-11-14T22:13:20', date_unixtime: String(T0 + id), from, from_id: fromId, text, text_entities: [] });

async function parse(json: string): ReturnType<typeof runParser> {
  return runParser(telegramJsonParser, inputFromText(json, { displayName: 'result.json' }));
}

describe('Telegram JSON with its keys re-sorted (jq -S)', () => {
  it('keeps the chat title and kind that come after the messages', async () => {
    const result = await parse(sortedJson({ name: 'Recruiter', type: 'personal_chat', id: 7001, messages: [message(1, 'Recruiter', 'user7001', 'hi')] }));
    expect(result.chats).toHaveLength(1);
    expect(result.chats.at(-1)).toMatchObject({ key: '7001', title: 'Recruiter', kind: 'private' });
    expect(result.messages.map((one) => one.text)).toEqual(['hi']);
  });

  it('makes every message of a Saved Messages export the owner\'s, though "type" comes last', async () => {
    const result = await parse(sortedJson({ type: 'saved_messages', id: 42, messages: [message(1, 'Owner', 'user42', 'passport scan'), message(2, 'Owner', 'user42', 'address')] }));
    expect(result.chats.at(-1)).toMatchObject({ title: 'Saved Messages', kind: 'private' });
    expect(result.messages.map((one) => one.direction)).toEqual(['outgoing', 'outgoing']);
  });

  it('tells sent from received in a full-account export whose personal_information comes after its chats', async () => {
    const result = await parse(
      sortedJson({
        about: 'Here is the data you requested.',
        personal_information: { user_id: 42, first_name: 'Owner', last_name: '', phone_number: '+40 700 000 001' },
        chats: { about: 'chats', list: [{ name: 'Recruiter', type: 'personal_chat', id: 7001, messages: [message(1, 'Recruiter', 'user7001', 'where'), message(2, 'Owner', 'user42', 'here')] }] },
      }),
    );
    expect(result.messages.map((one) => [one.text, one.direction])).toEqual([
      ['where', 'incoming'],
      ['here', 'outgoing'],
    ]);
    expect(result.messages.map((one) => (one.locator.kind === 'json-pointer' ? one.locator.pointer : null))).toEqual(['/chats/list/0/messages/0', '/chats/list/0/messages/1']);
    expect(result.chats).toEqual([expect.objectContaining({ key: '7001', title: 'Recruiter', kind: 'private' })]);
  });

  it('reads an export in the exporter\'s own order once, as before', async () => {
    const result = await parse(JSON.stringify({ name: 'Recruiter', type: 'personal_chat', id: 7001, messages: [message(1, 'Recruiter', 'user7001', 'hi')] }));
    expect(result.chats).toEqual([expect.objectContaining({ key: '7001', title: 'Recruiter', kind: 'private' })]);
    expect(result.messages).toHaveLength(1);
  });
});
