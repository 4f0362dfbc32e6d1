import { describe, expect, it } from 'vitest';

import { parseLines, recordOnLine } from '../../../../support/whatsapp-lines.ts';
import { LRM } from '../../../../support/unicode-chars.ts';

/**
 * Regression: deleted messages and omitted media were read only in the languages of the sample
 * exports; a real Hebrew iOS export (TalTouboul/---------- `_chat.txt`) wrote `הודעה זו נמחקה.`,
 * and in Polish, Greek, Korean or Swedish WhatsApp's own placeholders stayed a person's words,
 * with no deleted flag and no omitted attachment. The wordings are WhatsApp's (iOS
 * Localizable.strings, Android strings.xml, via starkdmi/whats_json); the chat lines are made up.
 */
describe("WhatsApp's placeholders in the other languages it ships", () => {
  it('reads Android omitted media in Polish (old and new wording), Korean and Swedish', () => {
    const result = parseLines([
      '12.03.2023, 18:45 - Ola: <Pominięto multimedia>',
      '12.03.2023, 18:46 - Ola: <pliki pominięto>',
      '12.03.2023, 18:47 - Jun: <미디어 파일을 생략한 대화내용>',
      '12.03.2023, 18:48 - Eva: <Media har utelämnats>',
      '12.03.2023, 18:49 - Eva: <fotki pominięte, wyślę jutro>',
    ]);
    for (const line of [1, 2, 3, 4]) expect(recordOnLine(result, line).media).toMatchObject({ kind: 'omitted' });
    expect(recordOnLine(result, 5).media).toBeNull();
  });

  it('reads iOS omitted media in Hebrew, Polish and Greek, a document after its title', () => {
    const result = parseLines([
      `[12.03.2023, 18:45:01] נועה: ${LRM}התמונה הושמטה`,
      `[12.03.2023, 18:45:09] Ola: ${LRM}obraz pominięty`,
      `[12.03.2023, 18:46:30] Νίκος: Συμβόλαιο.pdf • 3 σελίδες ${LRM}έγγραφο παραλείφθηκε`,
      `[12.03.2023, 18:47:00] Ola: ten obraz pominięty`,
    ]);
    expect(recordOnLine(result, 1).media).toMatchObject({ kind: 'omitted', mediaType: 'image' });
    expect(recordOnLine(result, 2).media).toMatchObject({ kind: 'omitted', mediaType: 'image' });
    expect(recordOnLine(result, 3).media).toMatchObject({ kind: 'omitted', mediaType: 'document', fileName: 'Συμβόλαιο.pdf' });
    // Words before the wording with no mark between: the person's sentence.
    expect(recordOnLine(result, 4).media).toBeNull();
  });

  it('reads deleted messages in Swedish, Polish, Korean and Japanese, with or without the full stop', () => {
    const result = parseLines([
      '12.03.2023, 18:45 - Eva: Detta meddelande raderades',
      '12.03.2023, 18:46 - Ola: Usunąłeś(-ęłaś) tę wiadomość',
      '12.03.2023, 18:47 - Jun: 이 메시지는 삭제되었습니다',
      '12.03.2023, 18:48 - Aki: このメッセージは削除されました。',
      '12.03.2023, 18:49 - Eva: Detta meddelande raderades inte',
    ]);
    for (const line of [1, 2, 3, 4]) expect(recordOnLine(result, line)).toMatchObject({ kind: 'message', deleted: true });
    expect(recordOnLine(result, 5).deleted).toBe(false);
  });

  it("reads Hebrew's end-to-end notice hyphenated, as iOS's own strings write it", () => {
    const result = parseLines([
      `[11.7.2023, 6:56:49] ועד הבית: ${LRM}ההודעות והשיחות מוצפנות מקצה-לקצה. לאף אחד מחוץ לצ'אט זה, גם לא ל-WhatsApp, אין אפשרות לקרוא אותן או להאזין להן.`,
      '[11.7.2023, 7:00:00] דנה: בוקר טוב',
    ]);
    expect(recordOnLine(result, 1)).toMatchObject({ kind: 'system', attributedTo: 'ועד הבית' });
  });
});
