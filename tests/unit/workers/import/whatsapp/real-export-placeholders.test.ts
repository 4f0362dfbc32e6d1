import { describe, expect, it } from 'vitest';

import { parseLines, recordOnLine } from '../../../../support/whatsapp-lines.ts';
import { LRM } from '../../../../support/unicode-chars.ts';

/**
 * Regression: placeholders of real public exports that stayed message text. Dutch iOS
 * "afbeelding weggelaten" / "sticker weggelaten" (RMJongDev/DeJongDiner `_chat.txt`), Brazilian
 * "Mensagem apagada" (GabrielGabes/PegaPlantao `_chat.txt`, with pt-BR's "… ocultado" wordings
 * other parsers list), and the 2016 iOS attachment line `2016-08-30-PHOTO-00000016.jpg <allegato>`
 * (TommasoAzz/whatsapp-exported-chat-reader sample-old-iOS.txt).
 */
describe('placeholders read in real exports', () => {
  it('reads Dutch and Brazilian iOS omitted media, a caption before the wording kept', () => {
    const lines = [
      `[21-09-2025, 16:38:19] ~ Femke Manuel: ${LRM}afbeelding weggelaten`,
      `[22-09-2025, 21:56:48] ~ Esther de Jong: Deze is wel leuk. ${LRM}afbeelding weggelaten`,
      `[24-12-2025, 18:18:41] Papa: ${LRM}sticker weggelaten`,
      `[24-12-2025, 18:19:41] Papa: ${LRM}video weggelaten`,
      `[24-12-2025, 18:20:41] Jenni: ${LRM}áudio ocultado`,
      `[24-12-2025, 18:21:41] Jenni: ${LRM}imagem ocultada`,
      `[24-12-2025, 18:22:41] Jenni: ${LRM}figurinha omitida`,
    ];
    const result = parseLines(lines);
    expect(lines.map((_line, index) => recordOnLine(result, index + 1).media)).toEqual([
      { kind: 'omitted', mediaType: 'image' },
      { kind: 'omitted', mediaType: 'image' },
      { kind: 'omitted', mediaType: 'sticker' },
      { kind: 'omitted', mediaType: 'video' },
      { kind: 'omitted', mediaType: 'audio' },
      { kind: 'omitted', mediaType: 'image' },
      { kind: 'omitted', mediaType: 'sticker' },
    ]);
    expect(recordOnLine(result, 2)).toMatchObject({ kind: 'message', sender: 'Esther de Jong' });
  });

  it('reads Brazilian "Mensagem apagada" as a deleted message, with its sender, but not in a longer sentence', () => {
    const lines = [
      `[20/06/2024 05:21:26] ~ Ícaro Moura: Mensagem apagada`,
      `[20/06/2024 10:18:43] Flávio Rosa: ${LRM}Mensagem apagada`,
      `[20/06/2024 10:19:43] Flávio Rosa: a mensagem apagada era minha`,
    ];
    const result = parseLines(lines);
    expect([1, 2, 3].map((line) => [recordOnLine(result, line).kind, recordOnLine(result, line).sender, recordOnLine(result, line).deleted === true])).toEqual([
      ['message', 'Ícaro Moura', true],
      ['message', 'Flávio Rosa', true],
      ['message', 'Flávio Rosa', false],
    ]);
  });

  it('reads the 2016 iOS `<file> <allegato>` line as the attached file, not a person\'s "<urgent>" or a name without an extension', () => {
    const lines = [
      '30/08/16, 17:59:33: Tommaso: 2016-08-30-PHOTO-00000016.jpg <allegato>',
      '30/08/16, 19:38:31: Tommaso: 2016-08-30-AUDIO-00000026.opus <allegato>',
      '31/08/16, 01:27:17: Bianca: 2016-08-31-VIDEO-00000077.mp4 <attached>',
      '31/08/16, 01:28:17: Bianca: see notes.txt <urgent>',
      '31/08/16, 01:29:17: Bianca: photo <attached>',
    ];
    const result = parseLines(lines);
    expect([1, 2, 3, 4, 5].map((line) => recordOnLine(result, line).media ?? null)).toEqual([
      { kind: 'attached', mediaType: 'image', fileName: '2016-08-30-PHOTO-00000016.jpg' },
      { kind: 'attached', mediaType: 'audio', fileName: '2016-08-30-AUDIO-00000026.opus' },
      { kind: 'attached', mediaType: 'video', fileName: '2016-08-31-VIDEO-00000077.mp4' },
      null,
      null,
    ]);
  });
});
