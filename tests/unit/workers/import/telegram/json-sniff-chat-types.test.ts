import { describe, expect, it } from 'vitest';
import { sniffTelegramJson, telegramJsonParser } from '../../../../../workers/import/telegram/index.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

/**
 * An empty single-chat export has no message to recognise it by: only the chat's own keys. tdesktop
 * (export_output_json.cpp, writeDialogStart) writes "name" (left out for Saved Messages, Replies
 * and Verification Codes), "type", "id" and "messages", in that order, and its type is one of eleven
 * strings, or null for a chat of unknown type. Each of them must be recognised.
 */
const head = (text: string): Uint8Array => new TextEncoder().encode(text);

/** The chat header as the exporter lays it out, with an empty message list. */
function emptyChat(type: string | null, name?: string): string {
  const nameLine = name === undefined ? '' : `\n "name": ${JSON.stringify(name)},`;
  return `{${nameLine}\n "type": ${JSON.stringify(type)},\n "id": 1271266957,\n "messages": [\n ]\n}`;
}

describe('Telegram JSON sniffer: an empty single-chat export of every chat type', () => {
  it.each(['replies', 'verification_codes', 'saved_messages'])('recognises an empty "%s" export, which has no name', (type) => {
    expect(sniffTelegramJson(head(emptyChat(type)))).toBe(true);
  });

  it.each(['personal_chat', 'bot_chat', 'private_group', 'private_supergroup', 'public_supergroup', 'private_channel', 'public_channel'])('recognises an empty "%s" export', (type) => {
    expect(sniffTelegramJson(head(emptyChat(type, 'Recruiter')))).toBe(true);
  });

  it('recognises an empty export of a chat whose type the exporter did not know (type null)', () => {
    expect(sniffTelegramJson(head(emptyChat(null, 'Recruiter')))).toBe(true);
  });

  it('recognises an empty Replies export whose keys a tool sorted (jq -S)', () => {
    expect(sniffTelegramJson(head('{\n  "id": 1271266957,\n  "messages": [],\n  "type": "replies"\n}'))).toBe(true);
  });

  it('still refuses a JSON object that merely has "messages", "type" and "id" keys of another shape', () => {
    expect(sniffTelegramJson(head('{"type": "inbox", "id": "a1", "messages": []}'))).toBe(false);
  });

  it('imports an empty Replies export as one chat named for its type, with no message', async () => {
    const result = await runParser(telegramJsonParser, inputFromText(emptyChat('replies'), { displayName: 'result.json' }));
    expect(result.chats).toEqual([expect.objectContaining({ key: '1271266957', title: 'Replies' })]);
    expect(result.messages).toEqual([]);
  });
});
