import { describe, expect, it } from 'vitest';

import { expectedLocator, parseLines, recordOnLine } from '../../../../support/whatsapp-lines.ts';
import { LRM, RLM } from '../../../../support/unicode-chars.ts';

/**
 * Regression: rule 4 of authors.ts took every marked body of a name that never wrote an
 * unmarked one for an iOS notice. An Arabic writer whose keyboard puts an RLM before every
 * message lost every message to a system line with no sender.
 */
const ARABIC_BODIES = ['مرحبا، هل أنت في المدينة؟', 'العمل يبدأ غدا في الساعة الثامنة', 'أرسل لي العنوان', 'السيارة تنتظر عند المحطة', 'لا تتكلم مع أحد'];

describe('an RTL writer whose every body starts with a direction mark (regression)', () => {
  it('keeps every message, with its sender, in a chat that also holds the iOS end-to-end notice', () => {
    const lines = [
      `[18/03/2022, 14:50:00] Karim: ${LRM}Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them.`,
      ...ARABIC_BODIES.flatMap((body, index) => [`[18/03/2022, 14:5${index + 1}:00] Karim: ${RLM}${body}`, `[18/03/2022, 14:5${index + 1}:30] Dana: ok`]),
    ];
    const result = parseLines(lines);
    expect(recordOnLine(result, 1)).toMatchObject({ kind: 'system', sender: null, attributedTo: 'Karim', systemReason: 'body starts with a direction mark and names a WhatsApp notice' });
    const karim = result.records.filter((record) => record.locator.lineStart > 1 && record.locator.lineStart % 2 === 0);
    expect(karim.map((record) => [record.kind, record.sender, record.text])).toEqual(ARABIC_BODIES.map((body) => ['message', 'Karim', `${RLM}${body}`]));
    expect(karim[0]?.locator).toEqual(expectedLocator(lines, 2));
  });

  it('keeps a writer who only wrote marked Arabic, and a multi-line or questioning one with few messages', () => {
    const lines = [
      ...ARABIC_BODIES.map((body, index) => `[18/03/2022, 14:5${index}:00] Karim: ${RLM}${body}`),
      `[18/03/2022, 15:00:00] Samir: ${RLM}أين أنت؟`,
      `[18/03/2022, 15:01:00] Yusuf: ${RLM}السطر الأول`,
      'السطر الثاني',
    ];
    const result = parseLines(lines);
    expect(result.records.map((record) => [record.kind, record.sender])).toEqual([
      ...ARABIC_BODIES.map(() => ['message', 'Karim']),
      ['message', 'Samir'],
      ['message', 'Yusuf'],
    ]);
  });

  it('still reads a marked notice of no known wording under a name with nothing else as a notice, and says why', () => {
    const lines = [`[18/03/2022, 14:50:00] Jobs Berlin: ${LRM}Ein neuer Hinweis von WhatsApp.`, '[18/03/2022, 14:51:00] Ann: hi', '[18/03/2022, 14:52:00] Bob: hey'];
    const record = recordOnLine(parseLines(lines), 1);
    expect(record).toMatchObject({ kind: 'system', sender: null, attributedTo: 'Jobs Berlin', text: 'Ein neuer Hinweis von WhatsApp.', leadingMarks: 'U+200E' });
    expect(record.systemReason).toMatch(/never wrote an unmarked message, and only a few plain marked ones/u);
  });

  it('reads known notices under a writer’s name as notices: the security code and an English block', () => {
    const lines = [
      ...ARABIC_BODIES.map((body, index) => `[18/03/2022, 14:5${index}:00] Karim: ${RLM}${body}`),
      `[18/03/2022, 15:00:00] Karim: ${RLM}تغيّر رمز أمانك المُستخدَم مع Karim. ${RLM}انقر هنا لمعرفة المزيد.`,
      `[18/03/2022, 15:01:00] Karim: ${LRM}You blocked this contact. Tap to unblock.`,
    ];
    const result = parseLines(lines);
    expect(recordOnLine(result, 6)).toMatchObject({ kind: 'system', sender: null, attributedTo: 'Karim' });
    expect(recordOnLine(result, 7)).toMatchObject({ kind: 'system', sender: null, attributedTo: 'Karim', text: 'You blocked this contact. Tap to unblock.' });
    expect(recordOnLine(result, 1)).toMatchObject({ kind: 'message', sender: 'Karim' });
  });
});
