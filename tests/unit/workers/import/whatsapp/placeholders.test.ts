import { describe, expect, it } from 'vitest';

import { mediaTypeFromFileName } from '../../../../../workers/import/whatsapp/media-lines.ts';
import { classifyPlaceholders } from '../../../../../workers/import/whatsapp/placeholders.ts';

describe('classifyPlaceholders: media', () => {
  it.each([
    ['<Media omitted>', 'omitted', 'unknown', undefined],
    ['<media omitted>', 'omitted', 'unknown', undefined],
    ['<Medien ausgeschlossen>', 'omitted', 'unknown', undefined],
    ['<Media weggelaten>', 'omitted', 'unknown', undefined],
    ['<Videonachricht weggelassen>', 'omitted', 'video', undefined],
    ['<Archivo omitido>', 'omitted', 'unknown', undefined],
    ['image omitted', 'omitted', 'image', undefined],
    ['GIF omitted', 'omitted', 'gif', undefined],
    ['Contact card omitted', 'omitted', 'contact', undefined],
    ['Bild weggelassen', 'omitted', 'image', undefined],
    ['imagem não revelada', 'omitted', 'image', undefined],
    ['изображение отсутствует', 'omitted', 'image', undefined],
    ['画像は含まれていません', 'omitted', 'image', undefined],
    ['لم يتم إدراج الصورة', 'omitted', 'image', undefined],
    ['đã bỏ qua hình ảnh', 'omitted', 'image', undefined],
    ['Some file.txt document omitted', 'omitted', 'document', 'Some file.txt'],
    ['Resume-Dmitry-Starkov.pdf • 2 pages document omitted', 'omitted', 'document', 'Resume-Dmitry-Starkov.pdf'],
    ['IMG-20220323-WA0002.jpg (file attached)', 'attached', 'image', 'IMG-20220323-WA0002.jpg'],
    ['PTT-20180129-WA0025.opus (Datei angehängt)', 'attached', 'audio', 'PTT-20180129-WA0025.opus'],
    ['STK-20220323-WA0003.webp (bestand bijgevoegd)', 'attached', 'sticker', 'STK-20220323-WA0003.webp'],
    ['Alex.vcf (file attached)', 'attached', 'contact', 'Alex.vcf'],
    ['<attached: 00000035-PHOTO-2022-03-27-21-41-55.jpg>', 'attached', 'image', '00000035-PHOTO-2022-03-27-21-41-55.jpg'],
    ['<attached: 00000051-GIF-2022-03-27-21-51-57.mp4>', 'attached', 'gif', '00000051-GIF-2022-03-27-21-51-57.mp4'],
    ['Some file.txt <attached: 00000046-Some file.txt>', 'attached', 'document', '00000046-Some file.txt'],
  ] as const)('%s', (text, kind, mediaType, fileName) => {
    const media = classifyPlaceholders(text).media;
    expect(media?.kind).toBe(kind);
    expect(media?.mediaType).toBe(mediaType);
    expect(media?.fileName).toBe(fileName);
  });

  // Regression: iOS Hindi exports write "छोड़ा" with the precomposed U+095C, which NFC (the
  // form the phrase list is held in) decomposes; 10 of 16 omitted media in "iOS Hindi.txt" were missed.
  it.each([
    ['\u0935\u0940\u0921\u093f\u092f\u094b \u091b\u094b\u095c\u093e \u0917\u092f\u093e', 'video', undefined],
    ['\u0935\u0940\u0921\u093f\u092f\u094b \u091b\u094b\u0921\u093c\u093e \u0917\u092f\u093e', 'video', undefined],
    ['GIF \u091b\u094b\u095c\u093e \u0917\u092f\u093e', 'gif', undefined],
    ['Template.docx \u0921\u0949\u0915\u094d\u092f\u0942\u092e\u0947\u0902\u091f \u091b\u094b\u095c\u093e \u0917\u092f\u093e', 'document', 'Template.docx'],
    ['Some file.txt\u00a0document omitted', 'document', 'Some file.txt'],
  ] as const)('recognises an omitted placeholder whatever its Unicode normalisation: %j', (text, mediaType, fileName) => {
    expect(classifyPlaceholders(text).media).toEqual({ kind: 'omitted', mediaType, ...(fileName === undefined ? {} : { fileName }) });
  });

  it('keeps a caption on the following lines out of the decision', () => {
    expect(classifyPlaceholders('<Media omitted>\nCaption').media?.kind).toBe('omitted');
  });

  it.each([
    'I omitted the image on purpose',
    'see (file attached) below',
    '<3',
    'the image omitted yesterday was fine',
    'Hello World',
  ])('does not mistake %j for media', (text) => {
    expect(classifyPlaceholders(text).media).toBeNull();
  });

  it('names media types from exported file names', () => {
    expect(mediaTypeFromFileName('VID-20220327-WA0001.mp4')).toBe('video');
    expect(mediaTypeFromFileName('00000038-AUDIO-2022-03-27-21-44-47.opus')).toBe('audio');
    expect(mediaTypeFromFileName('Resume.pdf')).toBe('document');
  });
});

describe('classifyPlaceholders: deleted, edited, location', () => {
  it.each([
    'This message was deleted',
    'You deleted this message',
    'This message was deleted.',
    'Dit bericht is verwijderd',
    'U hebt dit bericht verwijderd',
    'Diese Nachricht wurde gelöscht.',
    'Se eliminó este mensaje.',
    'Данное сообщение удалено.',
    'このメッセージは削除されました。',
    'تم حذف هذه الرسالة.',
    'Tuto zprávu jste smazal/a.',
  ])('%s is deleted', (text) => {
    expect(classifyPlaceholders(text).deleted).toBe(true);
  });

  it('does not flag a message that talks about deletion', () => {
    expect(classifyPlaceholders('This message was deleted by mistake, resend?').deleted).toBe(false);
  });

  it('flags the edited suffix', () => {
    expect(classifyPlaceholders('Fixed <This message was edited>').edited).toBe(true);
    expect(classifyPlaceholders('Korrigiert <Diese Nachricht wurde bearbeitet.>').edited).toBe(true);
    expect(classifyPlaceholders('I edited it').edited).toBe(false);
  });

  it('flags location shares', () => {
    expect(classifyPlaceholders('location: https://maps.google.com/?q=1,2').location).toBe(true);
    expect(classifyPlaceholders('Standort: https://maps.google.com/?q=1,2').location).toBe(true);
    expect(classifyPlaceholders('my location is secret').location).toBe(false);
  });
});
