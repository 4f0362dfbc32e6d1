/**
 * iOS's omitted-media wordings (FORMATS.md §1.4), per media type: `image omitted`, and a
 * document's title before its wording (`Resume.pdf • 2 pages document omitted`).
 *
 * The rows were read in the sample exports (whats_json iOS in 15+ languages, WhatsR de/en),
 * except the Turkish, Chinese (zh-CN, zh-TW, zh-HK) and Romanian rows, which no sample holds:
 * they are the wordings public parsers list, from WhatsApp's own iOS Localizable.strings
 * (starkdmi/whats_json lib/src/patterns.dart; mlomb/chat-analytics
 * pipeline/parse/parsers/WhatsApp.ts). The Dutch "… weggelaten" rows were read in a real public
 * export (RMJongDev/DeJongDiner `_chat.txt`); the pt-BR "… ocultado" rows are the wordings other
 * public parsers list. Every other shipped language comes from catalogue-wordings.ts.
 * Matching is on text with direction marks removed, NFC, lower case.
 */

import { CATALOGUE_IOS_OMITTED } from './catalogue-wordings.ts';
import { fold, FoldedEdges } from './folding.ts';
import { isDirectionMark, tailOf, WHITESPACE } from './line-tail.ts';
import type { WhatsAppMedia, WhatsAppMediaType } from './types.ts';

function escapeForPattern(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\/]/gu, '\\$&');
}

/** iOS "… omitted" texts per media type (one row per language seen in the samples). */
const IOS_OMITTED: readonly (readonly [WhatsAppMediaType, readonly string[]])[] = [
  ['image', ['image omitted', 'Bild weggelassen', 'imagen omitida', 'immagine omessa', 'image absente',
    'imagem não revelada', 'изображение отсутствует', 'зображення відсутнє', 'obrázek vynechán',
    'फ़ोटो हटाई गई', 'gambar tidak disertakan', '画像は含まれていません', 'ไม่มีรูปภาพ',
    'đã bỏ qua hình ảnh', 'لم يتم إدراج الصورة', 'görüntü dahil edilmedi', '照片已忽略', '圖片已略去',
    '圖像已省略', 'Imagine omisă', 'afbeelding weggelaten', 'imagem ocultada']],
  ['video', ['video omitted', 'Video weggelassen', 'Video omitido', 'video omesso', 'vidéo absente',
    'vídeo não revelado', 'видео отсутствует', 'відео відсутнє', 'video vynecháno', 'वीडियो छोड़ा गया',
    'video tidak disertakan', 'ビデオは含まれていません', 'วิดีโอถูกลบ', 'đã bỏ video',
    'لم يتم إدراج الفيديوهات', 'video dahil edilmedi', '视频已忽略', '影片已略去', '影片已省略', 'clip video omis',
    'video weggelaten', 'vídeo ocultado']],
  ['audio', ['audio omitted', 'Audio weggelassen', 'audio omitido', 'audio omesso', 'audio omis',
    'ficheiro de áudio não revelado', 'аудиофайл отсутствует', 'аудіо відсутнє', 'zvukový soubor vynechán',
    'ऑडियो हटाई गयी', 'audio tidak disertakan', '音声は含まれていません', 'ไม่มีไฟล์เสียง',
    'bỏ qua tệp âm thanh', 'لم يتم إدراج المقاطع الصوتية', 'ses dahil edilmedi', '音频已忽略', '音訊已略去', '音訊已省略',
    'fără audio', 'audio weggelaten', 'áudio ocultado']],
  ['sticker', ['sticker omitted', 'Sticker weggelassen', 'sticker omitido', 'sticker non incluso',
    'sticker omis', 'sticker não revelado', 'стикер не добавлен', 'Наклейку не додано', 'nálepka vynechána',
    'स्टिकर छोड़ा गया', 'stiker tidak disertakan', 'スタンプは含まれていません', 'ไม่มีสติกเกอร์',
    'đã bỏ sticker', 'تم حذف الملصقات', 'Çıkartma dahil edilmedi', '贴图已省略', '貼圖已略去', '貼圖已忽略',
    'sticker weggelaten', 'figurinha omitida']],
  ['gif', ['GIF omitted', 'GIF weggelassen', 'GIF omitido', 'GIF esclusa', 'GIF retiré', 'GIF não revelada',
    'GIF отсутствует', 'GIF-анімацію пропущено', 'GIF vynechán', 'GIF छोड़ा गया', 'GIF tidak disertakan',
    'GIFは含まれていません', 'ละเว้น GIF', 'Đã bỏ qua ảnh GIF', 'لم يتم إدراج صورة GIF', 'GIF dahil edilmedi', 'GIF 动态图已被忽略', 'GIF 已略去',
    'GIF 圖片已被省略', 'GIF omis', 'GIF weggelaten']],
  ['contact', ['Contact card omitted', 'Kontaktkarte ausgelassen', 'Tarjeta de contacto omitida',
    'Scheda contatto omessa', 'Fiche contact manquante', 'Contacto não revelado',
    'Карточка контакта отсутствует', 'Картка контакту відсутня', 'Vizitka vynechána',
    'कॉन्टैक्ट कार्ड छोड़ा गया', 'Kartu kontak tidak disertakan', '連絡先カードを省略', 'บัตรรายชื่อที่ละเว้น',
    'Bỏ qua thẻ liên lạc', 'لم يتم إدراج بطاقة جهة اتصال', 'Kişi kartı dahil edilmedi', '联系人卡片已忽略',
    '聯絡人卡片已略去', '聯絡人卡片已省略', 'Carte de vizită contact omisă']],
  ['document', ['document omitted', 'Dokument weggelassen', 'documento omitido', 'documento omesso',
    'document manquant', 'documento não revelado', 'документ отсутствует', 'документ пропущено',
    'dokument vynechán', 'डॉक्यूमेंट छोड़ा गया', 'dokumen tidak disertakan', 'ドキュメントは含まれていません',
    'ละเว้นเอกสาร', 'đã bỏ qua tài liệu', 'لم يتم إدراج المستند', 'belge dahil edilmedi', '文档已省略', '文件已略去',
    '文件已忽略', 'document omis', 'document weggelaten']],
];

export const IOS_OMITTED_TYPES: ReadonlyMap<string, WhatsAppMediaType> = new Map(
  [...IOS_OMITTED, ...CATALOGUE_IOS_OMITTED].flatMap(([mediaType, texts]) => texts.map((text) => [fold(text), mediaType] as const)),
);
/**
 * The placeholder ends the first line; anything before it is a caption or document title.
 * Case-insensitive on the original text, so ordinary messages cost no folded copy.
 */
const IOS_OMITTED_PATTERN = new RegExp(
  `(?:^|\\s)(${[...IOS_OMITTED_TYPES.keys()].map(escapeForPattern).join('|')})$`,
  'iu',
);
/**
 * Last words of the iOS texts: a line whose last word is none of these cannot end with one
 * of them, so the large pattern only runs on likely lines.
 */
const IOS_OMITTED_LAST_WORDS: ReadonlySet<string> = new Set(
  [...IOS_OMITTED_TYPES.keys()].map((text) => text.slice(text.lastIndexOf(' ') + 1)),
);
/**
 * Longest last word, with room for a different normalisation form in the source (a
 * decomposed letter takes two code units where the composed one takes one).
 */
const IOS_OMITTED_LAST_WORD_MAX_LENGTH = 2 * Math.max(...[...IOS_OMITTED_LAST_WORDS].map((word) => word.length));
/** How the last words end: most lines end otherwise, and are told without folding their last word. */
const IOS_OMITTED_LAST_WORD_EDGES = new FoldedEdges(IOS_OMITTED_LAST_WORDS);

function documentTitle(caption: string): string {
  // iOS writes `Resume.pdf • 2 pages document omitted`: the title is before the bullet.
  const bullet = caption.indexOf(' • ');
  return (bullet === -1 ? caption : caption.slice(0, bullet)).trim();
}

/** Cheap test (length and last two chars first, then the folded word) that the line ends with a known last word. */
function endsWithOmittedWord(line: string): boolean {
  const wordStart = line.lastIndexOf(' ') + 1;
  if (line.length - wordStart > IOS_OMITTED_LAST_WORD_MAX_LENGTH || !IOS_OMITTED_LAST_WORD_EDGES.mayEnd(line)) {
    return false;
  }
  return IOS_OMITTED_LAST_WORDS.has(fold(line.slice(wordStart)));
}

/** The line without its last `count` whitespace-separated words (the caption before a placeholder). */
function withoutLastWords(line: string, count: number): string {
  let cut = line.length;
  for (let word = 0; word < count && cut > 0; word += 1) {
    cut -= 1;
    while (cut > 0 && !WHITESPACE.test(line.charAt(cut))) cut -= 1;
  }
  return line.slice(0, cut).trim();
}

/** Where the last `count` whitespace-separated words of `line` start. */
function lastWordsStart(line: string, count: number): number {
  let cut = line.length;
  for (let word = 0; word < count && cut > 0; word += 1) {
    cut -= 1;
    while (cut > 0 && WHITESPACE.test(line.charAt(cut))) cut -= 1;
    while (cut > 0 && !WHITESPACE.test(line.charAt(cut - 1))) cut -= 1;
  }
  return cut;
}

/**
 * True when iOS's direction mark stands before the last `count` words of the written line
 * (`Template.docx ‎document omitted`): iOS marks its own wording after a caption or title.
 */
function markedBeforeWording(writtenLine: string, count: number): boolean {
  const line = writtenLine.trimEnd();
  const start = lastWordsStart(line, count);
  return isDirectionMark(line.charAt(start)) || isDirectionMark(line.slice(0, start).trimEnd().slice(-1));
}

/** The omitted media a first line ends with, iOS style, or null. */
export function omittedFromIos(firstLine: string, writtenFirstLine: string | null): WhatsAppMedia | null {
  if (!endsWithOmittedWord(firstLine)) {
    return null;
  }
  const { tail: originalTail, start } = tailOf(firstLine);
  // The phrases are held in NFC, but exports write some letters precomposed where NFC
  // decomposes them (Hindi "छोड़ा" with U+095C): match on the NFC form of the tail.
  const tail = fold(originalTail);
  const match = IOS_OMITTED_PATTERN.exec(tail);
  const phrase = match?.[1];
  if (match === null || phrase === undefined) {
    return null;
  }
  // '^' at a cut-off tail is not the start of the line: the phrase must follow a space.
  if (match.index === 0 && start > 0 && !WHITESPACE.test(firstLine.charAt(start - 1)) && tail.startsWith(phrase)) {
    return null;
  }
  const mediaType = IOS_OMITTED_TYPES.get(fold(phrase)) ?? 'unknown';
  // Cut by words, not by index: normalising may have changed the tail's length.
  const wordCount = phrase.split(' ').length;
  const caption = withoutLastWords(firstLine, wordCount);
  // Words before the wording and no mark between: a person's sentence that ends the same way
  // ("этот документ отсутствует", "this document is missing"), not a caption.
  if (caption !== '' && writtenFirstLine !== null && !markedBeforeWording(writtenFirstLine, wordCount)) {
    return null;
  }
  if (mediaType === 'document' && caption !== '') {
    return { kind: 'omitted', mediaType, fileName: documentTitle(caption) };
  }
  return { kind: 'omitted', mediaType };
}
