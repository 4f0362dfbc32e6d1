import { describe, expect, it } from 'vitest';

import { parseLines, recordOnLine } from '../../../../support/whatsapp-lines.ts';
import { LRM, NNBSP, RLM } from '../../../../support/unicode-chars.ts';

/**
 * Regression (a real Hebrew iOS group export, TalTouboul/---------- `_chat.txt`): the group,
 * named with a Hebrew abbreviation (`כו"ח - …`), lost its name to the text of its end-to-end
 * notice, whose Hebrew wording was not known; every "X removed Y" written under the removed
 * participant stayed a message of theirs (right-to-left bodies were kept from that rule); and
 * `הודעה זו נמחקה.` and `<ההודעה נערכה>` were not read as deleted and edited. The lines below
 * are made up in the same shapes.
 */
describe('a Hebrew iOS group export', () => {
  const lines = [
    `[3.5.2024, 8:01:02] מועדון ד"ר שמש ⚽: ${LRM}ההודעות והשיחות מוצפנות מקצה לקצה. לאף אחד מחוץ לצ'אט הזה, גם לא ל-WhatsApp, אין אפשרות לקרוא אותן ולהאזין להן.`,
    `[4.5.2024, 19:20:11] נועה ברק: מי מביא את הכדורים ביום שישי?`,
    `${LRM}[5.5.2024, 21:02:45] אורי לוי: ${LRM}נועה ברק הסיר/ה את אורי לוי`,
    `${LRM}[5.5.2024, 21:03:10] ~${NNBSP}Dana K.: ${LRM}נועה ברק הסיר/ה את ~${NNBSP}Dana K.`,
    `[5.5.2024, 21:04:00] אורי לוי: תודה לכולם על העונה`,
    `[6.5.2024, 7:15:30] גיל כהן: אני מביא מחר ${LRM}<ההודעה נערכה>`,
    `[6.5.2024, 7:16:02] גיל כהן: ${LRM}הודעה זו נמחקה.`,
    `[6.5.2024, 7:17:40] שירה: ${RLM}נועה ברק, תזכירי לי מחר בבוקר לגבי האימון של שירה`,
  ];
  const result = parseLines(lines);

  it("reads the end-to-end notice under the group's name as a notice, the name kept whole", () => {
    expect(recordOnLine(result, 1)).toMatchObject({ kind: 'system', sender: null, attributedTo: 'מועדון ד"ר שמש ⚽' });
    expect(recordOnLine(result, 1).text).toMatch(/^ההודעות והשיחות מוצפנות מקצה לקצה/u);
  });

  it('reads "X removed Y" under Y as a notice, not as a message Y wrote', () => {
    expect(recordOnLine(result, 3)).toMatchObject({ kind: 'system', sender: null, attributedTo: 'אורי לוי', text: 'נועה ברק הסיר/ה את אורי לוי' });
    expect(recordOnLine(result, 4)).toMatchObject({ kind: 'system', sender: null, attributedTo: 'Dana K.' });
    expect(recordOnLine(result, 5)).toMatchObject({ kind: 'message', sender: 'אורי לוי' });
  });

  it('reads the Hebrew edited and deleted wordings', () => {
    expect(recordOnLine(result, 6)).toMatchObject({ kind: 'message', sender: 'גיל כהן', edited: true });
    expect(recordOnLine(result, 7)).toMatchObject({ kind: 'message', sender: 'גיל כהן', deleted: true });
  });

  it("keeps a marked message that names someone and ends with its writer's name the writer's", () => {
    expect(recordOnLine(result, 8)).toMatchObject({ kind: 'message', sender: 'שירה' });
  });
});
