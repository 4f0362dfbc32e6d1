import { describe, expect, it } from 'vitest';
import type { HarnessResult } from '../../../../support/parser-harness.ts';
import { telegramJsonParser } from '../../../../../workers/import/telegram/index.ts';
import { readEdited } from '../../../../../workers/import/telegram/json-edited.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

/**
 * Regression: Telegram Desktop's first JSON exports wrote "edited" on every message, the edit
 * time 0 shown as the exporting computer's wall clock ("1970-01-01T01:00:00" from a computer in
 * Central Europe, beside a bare integer from_id and no date_unixtime). A real 2020 personal-chat
 * export quoted in git.silvavinicius.com.br/silva/ctci (commit 8e2f7d3685) has it on each message;
 * every one of them was imported as edited. Files built here in that shape.
 */

async function parse(messages: unknown[]): Promise<HarnessResult> {
  const json = JSON.stringify({ name: 'Ane', type: 'personal_chat', id: 4444, messages }, null, 1);
  return runParser(telegramJsonParser, inputFromText(json, { displayName: 'result.json' }));
}

describe('Telegram JSON: the epoch edit date of old exports', () => {
  it('reads an edit date at the Unix epoch, in any zone, as never edited, keeping it as written', async () => {
    const { messages } = await parse([
      { id: 234, type: 'message', date: '2020-01-29T11:41:46', edited: '1970-01-01T01:00:00', from: 'Username', from_id: 123456, text: 'hello' },
      { id: 235, type: 'message', date: '2020-01-29T11:42:46', edited: '1969-12-31T19:00:00', from: 'ane', from_id: 222, text: 'hi' },
    ]);
    expect(messages.map((message) => message.edited)).toEqual([false, false]);
    expect(messages[0]?.extra).toMatchObject({ edited: '1970-01-01T01:00:00', editedDateIsEpoch: true });
  });

  it('still reads a real edit date, in old and new exports, as an edit', async () => {
    const { messages } = await parse([
      { id: 236, type: 'message', date: '2020-01-29T11:43:00', edited: '2020-01-29T11:50:00', from: 'ane', from_id: 222, text: 'fixed' },
      { id: 237, type: 'message', date: '2024-01-29T11:43:00', date_unixtime: '1706528580', edited: '2024-01-29T11:50:00', edited_unixtime: '1706529000', from: 'ane', from_id: 'user222', text: 'fixed' },
    ]);
    expect(messages.map((message) => message.edited)).toEqual([true, true]);
    expect(messages[0]?.extra?.['editedDateIsEpoch']).toBeUndefined();
  });

  it('takes edited_unixtime "0" as never edited, and leaves an unreadable edit date an edit', () => {
    expect(readEdited('1970-01-01T03:00:00', '0')).toEqual({ edited: false, epochEditDate: true });
    expect(readEdited('1970-01-02T03:00:00', undefined)).toEqual({ edited: true, epochEditDate: false });
    expect(readEdited('garbled', undefined)).toEqual({ edited: true, epochEditDate: false });
    expect(readEdited(undefined, undefined)).toEqual({ edited: false, epochEditDate: false });
  });
});
