import { describe, expect, it } from 'vitest';

import { parseLines, recordOnLine } from '../../../../support/whatsapp-lines.ts';
import { RLM } from '../../../../support/unicode-chars.ts';

/**
 * Regression: rule 4 of authors.ts took any marked body that merely contained the words of a
 * WhatsApp notice ("security code", "end-to-end") for that notice. An Arabic writer whose
 * keyboard puts an RLM before every message, asking "are the messages end-to-end?", lost the
 * message to a system line with no sender. WhatsApp's notices are single, declarative lines
 * with no emoji (notices.ts): a question, emoji or a second line is the person's own.
 */
const ARABIC_BODIES = ['مرحبا', 'العمل يبدأ غدا', 'أرسل لي العنوان'];

function karimWrites(extra: readonly string[]): string[] {
  return [...ARABIC_BODIES.map((body, index) => `[18/03/2022, 14:5${index}:00] Karim: ${RLM}${body}`), ...extra, '[18/03/2022, 15:09:00] Dana: ok'];
}

describe('a person’s marked message that uses a notice’s words stays the person’s (regression)', () => {
  it('keeps a question that mentions end-to-end encryption', () => {
    const result = parseLines(karimWrites([`[18/03/2022, 15:00:00] Karim: ${RLM}هل الرسائل end-to-end؟`]));
    expect(recordOnLine(result, 4)).toMatchObject({ kind: 'message', sender: 'Karim', text: `${RLM}هل الرسائل end-to-end؟` });
  });

  it('keeps a message with emoji that mentions a security code', () => {
    const result = parseLines(karimWrites([`[18/03/2022, 15:00:00] Karim: ${RLM}security code 🔑`]));
    expect(recordOnLine(result, 4)).toMatchObject({ kind: 'message', sender: 'Karim', text: `${RLM}security code 🔑` });
  });

  it('keeps a message of several lines whose first line names the security code', () => {
    const result = parseLines(karimWrites([`[18/03/2022, 15:00:00] Karim: ${RLM}رمز أمانك`, 'أرسله الآن']));
    expect(recordOnLine(result, 4)).toMatchObject({ kind: 'message', sender: 'Karim', text: `${RLM}رمز أمانك\nأرسله الآن` });
  });

  it('still reads the genuine notice under the same name as a notice', () => {
    const notice = `تغيّر رمز أمانك المُستخدَم مع Karim. ${RLM}انقر هنا لمعرفة المزيد.`;
    const result = parseLines(karimWrites([`[18/03/2022, 15:00:00] Karim: ${RLM}${notice}`]));
    expect(recordOnLine(result, 4)).toMatchObject({ kind: 'system', sender: null, attributedTo: 'Karim', text: notice });
  });
});

describe('a one-off marked message of several lines that opens with a notice’s words (regression)', () => {
  it('stays the writer’s message: a notice is never more than one line', () => {
    const lines = [`[18/03/2022, 15:00:00] Karim: ${RLM}رمز أمانك`, 'أرسله الآن', '[18/03/2022, 15:09:00] Dana: ok'];
    expect(recordOnLine(parseLines(lines), 1)).toMatchObject({ kind: 'message', sender: 'Karim', text: `${RLM}رمز أمانك\nأرسله الآن` });
  });
});
