import { describe, expect, it } from 'vitest';

import { parseLines, recordOnLine } from '../../../../support/whatsapp-lines.ts';
import { LRM, RLM } from '../../../../support/unicode-chars.ts';

/**
 * Regression: only the English "Missed voice call" / "Missed video call" that iOS writes under
 * the caller's name, after a direction mark, was read as WhatsApp's notice. The same line in
 * German, Russian, Arabic… stayed a message the caller "wrote". Each wording below is one
 * starkdmi/whats_json lib/src/patterns.dart lists (`missedCall`, `missedVideoCall`: iOS
 * Localizable.strings and Android strings.xml). The whole body must be the wording: a
 * person's marked sentence that only opens with the same words stays the person's message.
 */
const MISSED_CALLS: readonly (readonly [string, string, string])[] = [
  ['de', 'Verpasster Sprachanruf', 'Verpasster Sprachanruf von Oma, bitte zurückrufen'],
  ['de', 'Verpasster Videoanruf', 'Verpasster Videoanruf gestern, sorry'],
  ['es', 'Llamada perdida', 'Llamada perdida de mamá, llámala'],
  ['es', 'Llamada de voz perdida', 'Llamada de voz perdida otra vez, qué pasa'],
  ['es', 'Videollamada perdida', 'Videollamada perdida, lo siento'],
  ['it', 'Chiamata vocale persa', 'Chiamata vocale persa, richiamami dopo'],
  ['it', 'Videochiamata persa', 'Videochiamata persa ieri sera'],
  ['fr', 'Appel vocal manqué', 'Appel vocal manqué, je te rappelle'],
  ['fr', 'Appel vidéo manqué', 'Appel vidéo manqué hier soir'],
  ['pt', 'Chamada de voz perdida', 'Chamada de voz perdida, liga-me já'],
  ['pt', 'Videochamada perdida', 'Videochamada perdida, desculpa'],
  ['pt', 'Chamada de vídeo perdida', 'Chamada de vídeo perdida de novo'],
  ['ru', 'Пропущенный аудиозвонок', 'Пропущенный аудиозвонок от мамы, перезвони'],
  ['ru', 'Пропущенный видеозвонок', 'Пропущенный видеозвонок вчера'],
  ['uk', 'Пропущений аудіодзвінок', 'Пропущений аудіодзвінок від мами'],
  ['uk', 'Пропущений відеодзвінок', 'Пропущений відеодзвінок, вибач'],
  ['cs', 'Zmeškaný hovor', 'Zmeškaný hovor od mámy, zavolej jí'],
  ['cs', 'Zmeškaný hlasový hovor', 'Zmeškaný hlasový hovor, promiň'],
  ['cs', 'Zmeškaný videohovor', 'Zmeškaný videohovor včera večer'],
  ['nl', 'Gemist spraakgesprek', 'Gemist spraakgesprek van mama'],
  ['nl', 'Gemiste spraakoproep', 'Gemiste spraakoproep van papa'],
  ['nl', 'Gemist videogesprek', 'Gemist videogesprek gisteren'],
  ['nl', 'Gemiste video-oproep', 'Gemiste video-oproep, sorry'],
  ['hi', 'मिस्ड वॉइस कॉल', 'मिस्ड वॉइस कॉल मम्मी की, वापस कॉल करो'],
  ['hi', 'वॉइस कॉल मिस हुई', 'वॉइस कॉल मिस हुई थी कल'],
  ['hi', 'मिस्ड वीडियो कॉल', 'मिस्ड वीडियो कॉल कल रात'],
  ['hi', 'छूटी हुई ध्वनि कॉल', 'छूटी हुई ध्वनि कॉल मम्मी की'],
  ['hi', 'छूटी हुई विडियो कॉल', 'छूटी हुई विडियो कॉल कल की'],
  ['id', 'Panggilan suara tak terjawab', 'Panggilan suara tak terjawab dari ibu'],
  ['id', 'Panggilan video tak terjawab', 'Panggilan video tak terjawab, maaf'],
  ['id', 'Tak Terjawab', 'Tak terjawab terus dari tadi'],
  ['ja', '音声通話不在着信', '音声通話不在着信があったので折り返して'],
  ['ja', 'ビデオ通話不在着信', 'ビデオ通話不在着信ごめんね'],
  ['ja', '不在着信', '不在着信が三件もあった'],
  ['th', 'สายที่ไม่ได้รับ', 'สายที่ไม่ได้รับจากแม่ โทรกลับด้วย'],
  ['th', 'วิดีโอคอลที่ไม่ได้รับ', 'วิดีโอคอลที่ไม่ได้รับ เมื่อวาน'],
  ['th', 'สายโทรวิดีโอที่ไม่ได้รับ', 'สายโทรวิดีโอที่ไม่ได้รับ ขอโทษนะ'],
  ['vi', 'Cuộc gọi nhỡ', 'Cuộc gọi nhỡ của mẹ, gọi lại nhé'],
  ['vi', 'Cuộc gọi nhỡ video', 'Cuộc gọi nhỡ video hôm qua'],
  ['ar', 'مكالمة صوتية فائتة', 'مكالمة صوتية فائتة من أمي، اتصل بها'],
  ['ar', 'مكالمة فيديو فائتة', 'مكالمة فيديو فائتة أمس'],
  ['tr', 'Cevapsız sesli arama', 'Cevapsız sesli arama annemden, geri ara'],
  ['tr', 'Cevapsız görüntülü arama', 'Cevapsız görüntülü arama dün akşam'],
  ['zh', '未接语音通话', '未接语音通话是妈妈打的'],
  ['zh', '未接語音通話', '未接語音通話是媽媽打的'],
  ['zh', '未接视频通话', '未接视频通话是昨天的'],
  ['zh', '未接視像通話', '未接視像通話是昨天的'],
  ['ro', 'Apel vocal ratat', 'Apel vocal ratat de la mama, sun-o'],
  ['ro', 'Apel vocal nepreluat', 'Apel vocal nepreluat aseară'],
  ['ro', 'Apel video ratat', 'Apel video ratat, scuze'],
  ['ro', 'Apel video nepreluat', 'Apel video nepreluat ieri'],
];

/** Ana writes a plain line first, so her marked bodies are not all the notices of a chat name (rule 4). */
function anaWrites(body: string): string[] {
  return ['[28/01/2023, 21:01:33] Ana: hallo', `[28/01/2023, 21:02:33] Ana: ${body}`, '[28/01/2023, 21:03:33] Dana: ok'];
}

/** iOS marks its own wording; an Arabic writer's keyboard puts an RLM there too. */
function markFor(wording: string): string {
  return /\p{Script=Arabic}/u.test(wording) ? RLM : LRM;
}

describe('missed-call notices iOS writes under the caller’s name, in every table language (regression)', () => {
  it.each(MISSED_CALLS)('%s: a marked "%s" is WhatsApp’s notice, attributed to the caller', (_locale, wording) => {
    const mark = markFor(wording);
    expect(recordOnLine(parseLines(anaWrites(`${mark}${wording}`)), 2)).toMatchObject({
      kind: 'system',
      sender: null,
      attributedTo: 'Ana',
      text: wording,
      leadingMarks: mark === LRM ? 'U+200E' : 'U+200F',
      systemReason: 'body starts with a direction mark and names a WhatsApp notice',
    });
  });

  it.each(MISSED_CALLS)('%s: a marked "%s" with a full stop is the notice too', (_locale, wording) => {
    expect(recordOnLine(parseLines(anaWrites(`${markFor(wording)}${wording}.`)), 2)).toMatchObject({ kind: 'system', sender: null, attributedTo: 'Ana' });
  });

  it.each(MISSED_CALLS)('%s: a person’s marked sentence that opens with "%s" stays the person’s message', (_locale, _wording, sentence) => {
    const body = `${markFor(sentence)}${sentence}`;
    expect(recordOnLine(parseLines(anaWrites(body)), 2)).toMatchObject({ kind: 'message', sender: 'Ana', text: body });
  });

  it('keeps the unmarked Android line under the caller’s name a message, as the English one (whats_json EN Android)', () => {
    const lines = ['28/01/2023, 21:01 - Ana: hallo', '28/01/2023, 21:02 - Ana: Verpasster Sprachanruf', '28/01/2023, 21:03 - Dana: ok'];
    expect(recordOnLine(parseLines(lines), 2)).toMatchObject({ kind: 'message', sender: 'Ana', text: 'Verpasster Sprachanruf' });
  });
});
