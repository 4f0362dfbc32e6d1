import { describe, expect, it } from 'vitest';
import { telegramJsonParser } from '../../../../../workers/import/telegram/index.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

describe('Telegram JSON: the chats tdesktop keeps with a service account', () => {
  // export_data_types.cpp, DialogTypeFromUser: Self, Replies, VerifyCodes, Bot and Personal are
  // all dialogs with one user account, so each is a private chat, as saved_messages and bot_chat are.
  it.each(['replies', 'verification_codes', 'saved_messages', 'bot_chat', 'personal_chat'])('reads a "%s" chat as private', async (type) => {
    const { chats } = await runParser(telegramJsonParser, inputFromText(JSON.stringify({ type, id: 489000, messages: [] }), { displayName: 'result.json' }));
    expect(chats[0]?.kind).toBe('private');
  });
});
