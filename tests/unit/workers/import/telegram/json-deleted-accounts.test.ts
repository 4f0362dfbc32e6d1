import { describe, expect, it } from 'vitest';
import type { HarnessResult } from '../../../../support/parser-harness.ts';
import { telegramJsonParser } from '../../../../../workers/import/telegram/index.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

/**
 * A deleted Telegram account keeps its id but loses its name: export_output_json.cpp writes the
 * name fields ("from", "actor") as null (StringAllowNull) beside the id ("from_id", "actor_id").
 * Telegram itself, and the HTML export of the same chat, show such an account as "Deleted
 * Account". Two deleted accounts in one group are two people: the id is what tells them apart.
 */

const T0 = 1_700_000_000;

function group(messages: unknown[]): string {
  return JSON.stringify({ name: 'Drop team', type: 'private_supergroup', id: 5501, messages });
}

async function parse(json: string): Promise<HarnessResult> {
  return runParser(telegramJsonParser, inputFromText(json, { displayName: 'result.json' }));
}

describe('Telegram JSON: deleted accounts', () => {
  it('names a service message\'s deleted actor as Telegram does, with the id that tells it apart', async () => {
    const { messages } = await parse(
      group([{ id: 1, type: 'service', date_unixtime: String(T0), actor: null, actor_id: 'user7003', action: 'invite_members', members: ['Courier'], text: '' }]),
    );
    expect(messages[0]?.text).toBe('Deleted Account (user7003): invite_members (members: Courier)');
    // The source's own null stays in extra, so the name is visibly Telegram's placeholder.
    expect(messages[0]?.extra).toMatchObject({ actor: null, actor_id: 'user7003', textGenerated: true });
  });

  it('makes each deleted sender a sender of its own, named "Deleted Account" with its id', async () => {
    const { messages } = await parse(
      group([
        { id: 1, type: 'message', date_unixtime: String(T0), from: null, from_id: 'user7003', text: 'drop at 9' },
        { id: 2, type: 'message', date_unixtime: String(T0 + 1), from: null, from_id: 'user7004', text: 'not 9, 10' },
      ]),
    );
    expect(messages.map((message) => [message.sender, message.senderId])).toEqual([
      ['Deleted Account (user7003)', 'user7003'],
      ['Deleted Account (user7004)', 'user7004'],
    ]);
    // What the exporter wrote is kept: the name was null, not "Deleted Account".
    expect(messages[0]?.extra).toMatchObject({ from: null });
  });
});

describe('Telegram JSON: deleted accounts named in a service action', () => {
  // pushUserNames and "inviter" write a deleted member's or inviter's name as null (StringAllowNull),
  // with no id; the HTML export of the same chat writes "Deleted Account" there.
  it('shows a deleted member or inviter as "Deleted Account", not as "null" or not at all', async () => {
    const { messages } = await parse(
      group([
        { id: 1, type: 'service', date_unixtime: String(T0), actor: 'Boss', actor_id: 'user5', action: 'invite_members', members: ['Courier', null], text: '' },
        { id: 2, type: 'service', date_unixtime: String(T0 + 1), actor: 'Courier', actor_id: 'user6', action: 'join_group_by_link', inviter: null, text: '' },
      ]),
    );
    expect(messages.map((message) => message.text)).toEqual([
      'Boss: invite_members (members: Courier, Deleted Account)',
      'Courier: join_group_by_link (inviter: Deleted Account)',
    ]);
  });
});

describe('Telegram JSON: a chat with a deleted account', () => {
  // writeDialogStart writes the chat's name with StringAllowNull: null for a deleted account.
  it('titles it as Telegram does, with its id, rather than after the file or its place in it', async () => {
    const single = await parse(JSON.stringify({ name: null, type: 'personal_chat', id: 7003, messages: [] }));
    expect(single.chats[0]).toMatchObject({ key: '7003', title: 'Deleted Account (7003)', kind: 'private' });
    const full = await parse(JSON.stringify({ chats: { about: '', list: [{ name: null, type: 'personal_chat', id: 7004, messages: [] }] } }));
    expect(full.chats[0]).toMatchObject({ key: '7004', title: 'Deleted Account (7004)' });
  });
});
