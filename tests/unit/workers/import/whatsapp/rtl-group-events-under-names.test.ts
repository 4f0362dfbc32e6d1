import { describe, expect, it } from 'vitest';

import { parseLines, recordOnLine } from '../../../../support/whatsapp-lines.ts';
import { LRM, RLM } from '../../../../support/unicode-chars.ts';

/**
 * Regression: iOS writes a participant's joining, leaving, being added or removed under that
 * participant's name, marked (`X: ‎X עזב/ה`). In Hebrew, Arabic and Persian the notice stayed a
 * message the participant wrote: right-to-left bodies are kept from the rules that read an
 * unknown marked line as a notice, as their writers' keyboards mark every message. The
 * wordings are WhatsApp's own (Android strings.xml `group_participant_*`, values-iw, values-ar,
 * values-fa, as HassanSardar/GBWhatsApp_Raw carries them); the chat lines are made up.
 */
describe('right-to-left group events written under the participant they name', () => {
  const lines = [
    `[3.5.2024, 8:01:02] מועדון שמש: ${LRM}ההודעות והשיחות מוצפנות מקצה לקצה. לאף אחד מחוץ לצ'אט הזה, גם לא ל-WhatsApp, אין אפשרות לקרוא אותן ולהאזין להן.`,
    `[4.5.2024, 19:20:11] נועה ברק: מי מביא את הכדורים ביום שישי?`,
    `${LRM}[5.5.2024, 21:02:45] אורי לוי: ${LRM}אורי לוי הצטרף/ה באמצעות קישור ההזמנה של קבוצה זו`,
    `[5.5.2024, 21:04:00] אורי לוי: ${RLM}תודה שצירפתם אותי`,
    `${LRM}[6.5.2024, 7:00:00] אורי לוי: ${LRM}אורי לוי עזב/ה`,
    `${LRM}[6.5.2024, 7:10:00] גיל כהן: ${LRM}רון אבני הוסיף/ה את גיל כהן`,
    `[6.5.2024, 7:11:00] גיל כהן: ${RLM}שלום לכולם`,
    `${LRM}[6.5.2024, 7:12:00] גיל כהן: ${RLM}הצטרף/ה`,
    `[6.5.2024, 7:13:00] שירה: ${RLM}שירה עזבה את העבודה היום`,
    `${RLM}[7.5.2024, 9:00:00] سامي: ${RLM}سامي غادر`,
    `${RLM}[7.5.2024, 9:01:00] سامي: ${RLM}تمت إضافة سامي`,
    `[7.5.2024, 9:02:00] سامي: ${RLM}مرحبا بالجميع`,
    `${RLM}[7.5.2024, 9:03:00] ليلى: ${RLM}أحمد أضاف ليلى`,
    `[7.5.2024, 9:04:00] ليلى: ${RLM}سامي غادر المدينة أمس`,
    `${RLM}[7.5.2024, 9:05:00] مریم: ${RLM}مریم توسط علی اضافه شد`,
    `${RLM}[7.5.2024, 9:06:00] مریم: ${RLM}مریم ترک کرد`,
    `[7.5.2024, 9:07:00] مریم: ${RLM}سلام به همه`,
    // The ones who added or removed someone write too: an actor is a name the chat shows (rtl-group-events.ts).
    `[7.5.2024, 9:08:00] רון אבני: ${RLM}ברוך הבא`,
    `[7.5.2024, 9:09:00] أحمد: ${RLM}أهلا ليلى`,
    `[7.5.2024, 9:10:00] علی: ${RLM}خوش آمدی`,
  ];
  const result = parseLines(lines);

  it('reads each as a notice about the one it is written under', () => {
    for (const [line, name] of [[3, 'אורי לוי'], [5, 'אורי לוי'], [6, 'גיל כהן'], [10, 'سامي'], [11, 'سامي'], [13, 'ليلى'], [15, 'مریم'], [16, 'مریم']] as const) {
      expect(recordOnLine(result, line), `line ${line}`).toMatchObject({ kind: 'system', sender: null, attributedTo: name });
    }
    expect(recordOnLine(result, 5)).toMatchObject({ text: 'אורי לוי עזב/ה', leadingMarks: 'U+200E' });
    // Line 13 ("أحمد أضاف ليلى", Ahmad writing too) is also a participant acting on another (isActOnParticipant), read first.
    expect(recordOnLine(result, 15).systemReason).toMatch(/WhatsApp's own wording/u);
  });

  it("keeps the participants' messages theirs, and a wording no WhatsApp string shows", () => {
    expect([4, 7, 8, 9, 12, 14, 17].map((line) => [recordOnLine(result, line).kind, recordOnLine(result, line).sender])).toEqual([
      ['message', 'אורי לוי'],
      ['message', 'גיל כהן'],
      ['message', 'גיל כהן'],
      ['message', 'שירה'],
      ['message', 'سامي'],
      ['message', 'ليلى'],
      ['message', 'مریم'],
    ]);
  });
});
