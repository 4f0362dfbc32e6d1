import { describe, expect, it } from 'vitest';

import { parseLines, recordOnLine } from '../../../../support/whatsapp-lines.ts';
import { LRE, NBSP, NNBSP, PDF, RLM } from '../../../../support/unicode-chars.ts';

/**
 * Regression: a right-to-left group event that names who acted (`{actor} أضاف {subject}`,
 * `{subject} توسط {actor} اضافه شد`, `{actor} הוסיף/ה את {subject}`, rtl-group-events.ts) took
 * any text of up to six words for the actor, so a person's sentence that happens to end in such a
 * wording under their own name ("I don't know why Ahmed added Leila") became a notice with no
 * sender: their words hidden as WhatsApp's. The actor is now a name the chat shows (a header's),
 * a non-contact as iOS marks one (`~ Name`), or a phone number. Lines made up.
 */
describe('right-to-left group events: a sentence that ends in the wording stays a message', () => {
  const lines = [
    `[7.5.2024, 9:00:00] أحمد: ${RLM}مرحبا`,
    `[7.5.2024, 9:01:00] ليلى: ${RLM}لا أعرف لماذا أحمد أضاف ليلى`,
    `[7.5.2024, 9:02:00] مریم: ${RLM}مریم توسط مدیر گروه اضافه شد`,
    `[7.5.2024, 9:03:00] גיל כהן: ${RLM}אני בטוח שמישהו מהצוות הוסיף/ה את גיל כהן`,
    `${RLM}[7.5.2024, 9:04:00] ليلى: ${RLM}أحمد أضاف ليلى`,
    `${RLM}[7.5.2024, 9:05:00] سامي: ${RLM}~${NNBSP}خالد أضاف سامي`,
    `${RLM}[7.5.2024, 9:06:00] مریم: ${RLM}مریم توسط ${LRE}+98${NBSP}912${NBSP}345${NBSP}6789${PDF} اضافه شد`,
    `[7.5.2024, 9:07:00] ليلى: ${RLM}شكرا`,
    `[7.5.2024, 9:08:00] سامي: ${RLM}أهلا`,
    `[7.5.2024, 9:09:00] مریم: ${RLM}سلام`,
    `[7.5.2024, 9:10:00] גיל כהן: ${RLM}שלום`,
  ];
  const result = parseLines(lines);

  it('keeps each sentence its writer’s message', () => {
    for (const [line, name] of [[2, 'ليلى'], [3, 'مریم'], [4, 'גיל כהן']] as const) {
      expect(recordOnLine(result, line), `line ${line}`).toMatchObject({ kind: 'message', sender: name });
    }
  });

  it('still reads the notice whose actor is a name of the chat, a non-contact, or a number', () => {
    for (const [line, name] of [[5, 'ليلى'], [6, 'سامي'], [7, 'مریم']] as const) {
      expect(recordOnLine(result, line), `line ${line}`).toMatchObject({ kind: 'system', sender: null, attributedTo: name });
    }
  });
});
