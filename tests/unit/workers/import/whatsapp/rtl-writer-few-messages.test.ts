import { describe, expect, it } from 'vitest';

import { parseLines, recordOnLine } from '../../../../support/whatsapp-lines.ts';
import { LRM, RLM } from '../../../../support/unicode-chars.ts';

/**
 * Regression: a person who writes only a few short messages in Arabic or Hebrew, each opening
 * with the RLM their keyboard puts there, was taken for a name WhatsApp writes notices under
 * (rule 4 of authors.ts): the messages became system lines with no sender, hidden from who wrote
 * them. A body opening in a right-to-left script now needs a notice's known wording.
 */
function chatWith(lines: readonly string[]): string[] {
  return ['[18/03/2022, 14:50:00] Dana: where are you?', ...lines, '[18/03/2022, 15:09:00] Dana: ok'];
}

describe('a few marked messages in a right-to-left script stay the writer’s (regression)', () => {
  it('keeps two short Arabic messages by a name that writes nothing else', () => {
    const result = parseLines(chatWith([`[18/03/2022, 14:51:00] Samir: ${RLM}أنا في الفندق الآن`, `[18/03/2022, 14:52:00] Samir: ${RLM}السيارة جاهزة`]));
    expect(recordOnLine(result, 2)).toMatchObject({ kind: 'message', sender: 'Samir', text: `${RLM}أنا في الفندق الآن` });
    expect(recordOnLine(result, 3)).toMatchObject({ kind: 'message', sender: 'Samir', text: `${RLM}السيارة جاهزة` });
  });

  it('keeps a single short Hebrew message', () => {
    const result = parseLines(chatWith([`[18/03/2022, 14:51:00] Noa: ${RLM}הדרכון אצלי`]));
    expect(recordOnLine(result, 2)).toMatchObject({ kind: 'message', sender: 'Noa', text: `${RLM}הדרכון אצלי` });
  });

  it('still reads an Arabic end-to-end notice under a name as a notice (known wording)', () => {
    const notice = 'الرسائل والمكالمات مشفرة تماماً بين الطرفين.';
    const result = parseLines(chatWith([`[18/03/2022, 14:51:00] Samir: ${RLM}${notice}`]));
    expect(recordOnLine(result, 2)).toMatchObject({ kind: 'system', sender: null, attributedTo: 'Samir' });
  });

  it('still reads a marked line of unknown wording in a left-to-right script, under a name with nothing else, as a notice', () => {
    const result = parseLines(chatWith([`[18/03/2022, 14:51:00] Jobs Berlin: ${LRM}Gruppenbild geändert`]));
    expect(recordOnLine(result, 2)).toMatchObject({ kind: 'system', sender: null, attributedTo: 'Jobs Berlin' });
  });
});
