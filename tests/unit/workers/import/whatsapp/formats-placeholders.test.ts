import { describe, expect, it } from 'vitest';

import type { WhatsAppMedia } from '../../../../../workers/import/whatsapp/index.ts';
import { expectedLocator, parseLines, recordOnLine, utcIn } from '../../../../support/whatsapp-lines.ts';
import { LRM } from '../../../../support/unicode-chars.ts';

/**
 * FORMATS.md §1.4 point by point, through the whole parser: each localised placeholder in the
 * header shape of the platform that writes it. A placeholder stays a message of the person who
 * sent the media (never a system line), keeps its text as written and gets its UTC time
 * like any other line.
 */

/** An Android line on 24 Dec 2019 at 11:23 (read as Europe/Berlin, CET +1 → 10:23Z). */
function androidLine(body: string): string {
  return `24.12.19, 11:23 - Ana: ${body}`;
}

/** An iOS line on the same instant; iOS puts an LRM before its own wording. */
function iosLine(body: string): string {
  return `${LRM}[24.12.19, 11:23:00] Ana: ${LRM}${body}`;
}

/** Ana writes an ordinary message too, as every real chat has; it fixes nothing but realism. */
const ORDINARY = '24.12.19, 11:30 - Ana: hallo';
const ORDINARY_IOS = '[24.12.19, 11:30:00] Ana: hallo';
const BERLIN = 'Europe/Berlin';
const INSTANT = '2019-12-24T10:23:00.000Z';

interface PlaceholderCase {
  label: string;
  line: string;
  text: string;
  media: WhatsAppMedia;
}

const MEDIA_CASES: readonly PlaceholderCase[] = [
  { label: 'en Android <Media omitted>', line: androidLine('<Media omitted>'), text: '<Media omitted>', media: { kind: 'omitted', mediaType: 'unknown' } },
  { label: 'older de Android <Medien ausgeschlossen>', line: androidLine('<Medien ausgeschlossen>'), text: '<Medien ausgeschlossen>', media: { kind: 'omitted', mediaType: 'unknown' } },
  { label: 'newer de Android <Medien weggelassen>', line: androidLine('<Medien weggelassen>'), text: '<Medien weggelassen>', media: { kind: 'omitted', mediaType: 'unknown' } },
  { label: 'nl Android <Media weggelaten>', line: androidLine('<Media weggelaten>'), text: '<Media weggelaten>', media: { kind: 'omitted', mediaType: 'unknown' } },
  { label: 'ru Android <Без медиафайлов>', line: androidLine('<Без медиафайлов>'), text: '<Без медиафайлов>', media: { kind: 'omitted', mediaType: 'unknown' } },
  { label: 'es Android <Archivo omitido>', line: androidLine('<Archivo omitido>'), text: '<Archivo omitido>', media: { kind: 'omitted', mediaType: 'unknown' } },
  { label: 'older es Android <Multimedia omitido>', line: androidLine('<Multimedia omitido>'), text: '<Multimedia omitido>', media: { kind: 'omitted', mediaType: 'unknown' } },
  { label: 'pt-BR Android <Mídia omitida>', line: androidLine('<Mídia omitida>'), text: '<Mídia omitida>', media: { kind: 'omitted', mediaType: 'unknown' } },
  { label: 'de Android video note <Videonachricht weggelassen>', line: androidLine('<Videonachricht weggelassen>'), text: '<Videonachricht weggelassen>', media: { kind: 'omitted', mediaType: 'video' } },
  { label: 'en iOS image omitted', line: iosLine('image omitted'), text: 'image omitted', media: { kind: 'omitted', mediaType: 'image' } },
  { label: 'en iOS video omitted', line: iosLine('video omitted'), text: 'video omitted', media: { kind: 'omitted', mediaType: 'video' } },
  { label: 'en iOS audio omitted', line: iosLine('audio omitted'), text: 'audio omitted', media: { kind: 'omitted', mediaType: 'audio' } },
  { label: 'en iOS sticker omitted', line: iosLine('sticker omitted'), text: 'sticker omitted', media: { kind: 'omitted', mediaType: 'sticker' } },
  { label: 'en iOS GIF omitted', line: iosLine('GIF omitted'), text: 'GIF omitted', media: { kind: 'omitted', mediaType: 'gif' } },
  { label: 'en iOS Contact card omitted', line: iosLine('Contact card omitted'), text: 'Contact card omitted', media: { kind: 'omitted', mediaType: 'contact' } },
  {
    label: 'en iOS document omitted, caption first',
    line: `${LRM}[24.12.19, 11:23:00] Ana: Some file.txt ${LRM}document omitted`,
    text: `Some file.txt ${LRM}document omitted`,
    media: { kind: 'omitted', mediaType: 'document', fileName: 'Some file.txt' },
  },
  { label: 'de iOS Bild weggelassen', line: iosLine('Bild weggelassen'), text: 'Bild weggelassen', media: { kind: 'omitted', mediaType: 'image' } },
  { label: 'es iOS imagen omitida', line: iosLine('imagen omitida'), text: 'imagen omitida', media: { kind: 'omitted', mediaType: 'image' } },
  { label: 'it iOS immagine omessa', line: iosLine('immagine omessa'), text: 'immagine omessa', media: { kind: 'omitted', mediaType: 'image' } },
  { label: 'fr iOS image absente', line: iosLine('image absente'), text: 'image absente', media: { kind: 'omitted', mediaType: 'image' } },
  { label: 'pt iOS imagem não revelada', line: iosLine('imagem não revelada'), text: 'imagem não revelada', media: { kind: 'omitted', mediaType: 'image' } },
  { label: 'ru iOS изображение отсутствует', line: iosLine('изображение отсутствует'), text: 'изображение отсутствует', media: { kind: 'omitted', mediaType: 'image' } },
  { label: 'ja iOS 画像は含まれていません', line: iosLine('画像は含まれていません'), text: '画像は含まれていません', media: { kind: 'omitted', mediaType: 'image' } },
  { label: 'en Android (file attached)', line: androidLine('IMG-20191224-WA0002.jpg (file attached)'), text: 'IMG-20191224-WA0002.jpg (file attached)', media: { kind: 'attached', mediaType: 'image', fileName: 'IMG-20191224-WA0002.jpg' } },
  { label: 'de Android (Datei angehängt)', line: androidLine('PTT-20191224-WA0003.opus (Datei angehängt)'), text: 'PTT-20191224-WA0003.opus (Datei angehängt)', media: { kind: 'attached', mediaType: 'audio', fileName: 'PTT-20191224-WA0003.opus' } },
  { label: 'es Android (archivo adjunto), real export', line: androidLine('VID-20191224-WA0004.mp4 (archivo adjunto)'), text: 'VID-20191224-WA0004.mp4 (archivo adjunto)', media: { kind: 'attached', mediaType: 'video', fileName: 'VID-20191224-WA0004.mp4' } },
  { label: 'es Android (archivo adjuntado), strings.xml', line: androidLine('STK-20191224-WA0005.webp (archivo adjuntado)'), text: 'STK-20191224-WA0005.webp (archivo adjuntado)', media: { kind: 'attached', mediaType: 'sticker', fileName: 'STK-20191224-WA0005.webp' } },
  { label: 'nl Android (bestand bijgevoegd)', line: androidLine('Jan.vcf (bestand bijgevoegd)'), text: 'Jan.vcf (bestand bijgevoegd)', media: { kind: 'attached', mediaType: 'contact', fileName: 'Jan.vcf' } },
  { label: 'en iOS <attached: …>', line: iosLine('<attached: 00000035-PHOTO-2019-12-24-11-23-00.jpg>'), text: '<attached: 00000035-PHOTO-2019-12-24-11-23-00.jpg>', media: { kind: 'attached', mediaType: 'image', fileName: '00000035-PHOTO-2019-12-24-11-23-00.jpg' } },
  { label: 'de iOS <Anhang: …>', line: iosLine('<Anhang: 00000036-AUDIO-2019-12-24-11-23-00.opus>'), text: '<Anhang: 00000036-AUDIO-2019-12-24-11-23-00.opus>', media: { kind: 'attached', mediaType: 'audio', fileName: '00000036-AUDIO-2019-12-24-11-23-00.opus' } },
  { label: 'es iOS <adjunto: …>', line: iosLine('<adjunto: 00000037-VIDEO-2019-12-24-11-23-00.mp4>'), text: '<adjunto: 00000037-VIDEO-2019-12-24-11-23-00.mp4>', media: { kind: 'attached', mediaType: 'video', fileName: '00000037-VIDEO-2019-12-24-11-23-00.mp4' } },
];

describe('FORMATS.md §1.4: media placeholders stay the sender’s messages', () => {
  it.each(MEDIA_CASES.map((entry) => [entry.label, entry] as const))('%s', (_label, entry) => {
    const lines = [entry.line, entry.line.startsWith(LRM) ? ORDINARY_IOS : ORDINARY];
    const result = parseLines(lines);
    const record = recordOnLine(result, 1);
    expect(record).toMatchObject({ kind: 'message', sender: 'Ana', text: entry.text, deleted: false });
    expect(record.media).toEqual(entry.media);
    expect(record.locator).toEqual(expectedLocator(lines, 1));
    expect(utcIn(record, BERLIN)).toBe(INSTANT);
  });
});

describe('FORMATS.md §1.4: deleted, edited and other bodies', () => {
  it.each([
    ['en Android, someone else deleted', androidLine('This message was deleted'), 'This message was deleted'],
    ['en Android, own deletion', androidLine('You deleted this message'), 'You deleted this message'],
    ['en iOS, LRM and trailing dot', iosLine('This message was deleted.'), 'This message was deleted.'],
    ['en iOS, own deletion, LRM and trailing dot', iosLine('You deleted this message.'), 'You deleted this message.'],
    ['de Android', androidLine('Diese Nachricht wurde gelöscht'), 'Diese Nachricht wurde gelöscht'],
    ['es iOS', iosLine('Se eliminó este mensaje.'), 'Se eliminó este mensaje.'],
  ])('deleted: %s', (_label, line, text) => {
    const lines = [line, line.startsWith(LRM) ? ORDINARY_IOS : ORDINARY];
    const record = recordOnLine(parseLines(lines), 1);
    expect(record).toMatchObject({ kind: 'message', sender: 'Ana', text, deleted: true, media: null });
    expect(utcIn(record, BERLIN)).toBe(INSTANT);
  });

  it.each([
    ['en suffix', 'Fixed the price <This message was edited>'],
    ['de suffix', 'Preis korrigiert <Diese Nachricht wurde bearbeitet.>'],
  ])('edited: %s keeps the text as written', (_label, body) => {
    const record = recordOnLine(parseLines([androidLine(body), ORDINARY]), 1);
    expect(record).toMatchObject({ kind: 'message', sender: 'Ana', text: body, edited: true, deleted: false });
  });

  it('keeps an Android "null" body and the "Waiting for this message" text as the sender’s messages', () => {
    const lines = [androidLine('null'), '24.12.19, 11:24 - Ana: Waiting for this message. This may take a while.', ORDINARY];
    const result = parseLines(lines);
    expect(recordOnLine(result, 1)).toMatchObject({ kind: 'message', sender: 'Ana', text: 'null', media: null, deleted: false });
    expect(recordOnLine(result, 2)).toMatchObject({ kind: 'message', sender: 'Ana', text: 'Waiting for this message. This may take a while.' });
    expect(utcIn(recordOnLine(result, 2), BERLIN)).toBe('2019-12-24T10:24:00.000Z');
  });

  it('flags Android "location:" and iOS "Location:" shares, and keeps a Foursquare venue over its lines', () => {
    const lines = [
      androidLine('location: https://maps.google.com/?q=52.5200,13.4050'),
      `[24.12.19, 11:24:00] Ana: ${LRM}Location: https://maps.google.com/?q=52.5200,13.4050`,
      '[24.12.19, 11:25:00] Ana: Pimlico Gardens',
      'London, United Kingdom',
      'https://foursquare.com/v/4e89af95e5fa82ad4c0aa03b',
      ORDINARY_IOS,
    ];
    const result = parseLines(lines);
    expect(recordOnLine(result, 1)).toMatchObject({ kind: 'message', sender: 'Ana', location: true, text: 'location: https://maps.google.com/?q=52.5200,13.4050' });
    expect(recordOnLine(result, 2)).toMatchObject({ kind: 'message', sender: 'Ana', location: true, text: 'Location: https://maps.google.com/?q=52.5200,13.4050', leadingMarks: 'U+200E' });
    const venue = recordOnLine(result, 3);
    expect(venue).toMatchObject({ kind: 'message', sender: 'Ana', text: 'Pimlico Gardens\nLondon, United Kingdom\nhttps://foursquare.com/v/4e89af95e5fa82ad4c0aa03b' });
    expect(venue.locator).toEqual(expectedLocator(lines, 3, 5));
  });

  it('a German "with media" export that still says <Media omitted> reads it as omitted media', () => {
    const lines = ['24.12.19, 11:23 - Ana: IMG-20191224-WA0002.jpg (Datei angehängt)', androidLine('<Media omitted>'), ORDINARY];
    const result = parseLines(lines);
    expect(recordOnLine(result, 1).media).toEqual({ kind: 'attached', mediaType: 'image', fileName: 'IMG-20191224-WA0002.jpg' });
    expect(recordOnLine(result, 2).media).toEqual({ kind: 'omitted', mediaType: 'unknown' });
  });
});
