/**
 * Localised placeholder texts (FORMATS.md §1.4): media omitted or attached, deleted and
 * edited messages, location shares, and the notices iOS writes under the chat's name.
 *
 * Every string below was read in the sample exports (whats_json iOS/Android in 15+
 * languages, WhatsR de/en, Chatistics, chat-analytics) or is the current Android English
 * string quoted in FORMATS.md. The Turkish, Chinese (zh-CN, zh-TW, zh-HK) and Romanian rows,
 * and the Android rows of Ukrainian, Arabic and Vietnamese, no sample holds: they are the
 * wordings public parsers list, from WhatsApp's own strings (starkdmi/whats_json
 * lib/src/patterns.dart, iOS Localizable.strings and Android strings.xml; mlomb/chat-analytics
 * pipeline/parse/parsers/WhatsApp.ts), each also read in a second public parser where one had it.
 * The Dutch iOS "… weggelaten" rows and pt-BR's "Mensagem apagada" were read in real public
 * exports (RMJongDev/DeJongDiner, GabrielGabes/PegaPlantao `_chat.txt`); the pt-BR "… ocultado"
 * rows are the wordings other public parsers list. Matching is on text with direction marks removed, NFC,
 * lower case; iOS omitted-media texts may follow a caption (`Some file.txt document omitted`).
 */

import { isKnownAndroidAttachedLabel } from './android-attached-labels.ts';
import { CATALOGUE_ANDROID_OMITTED_TEXTS, CATALOGUE_DELETED_TEXTS, CATALOGUE_IOS_OMITTED } from './catalogue-wordings.ts';
import { isLocationShare } from './location-shares.ts';
import { webExportMedia, type WebExportLabelReaders } from './web-export-media.ts';
import { withNamedFile } from './omitted-file-name.ts';
import { fold, FoldedEdges } from './folding.ts';
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

const IOS_OMITTED_TYPES: ReadonlyMap<string, WhatsAppMediaType> = new Map(
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
/**
 * Placeholders sit at the end of the first line; only this many trailing chars are
 * searched (a 255-char file name plus its label), so a 5 MB line costs no more than a short one.
 */
const PLACEHOLDER_TAIL_LENGTH = 320;
/** Android `name (file attached)` lines are never longer than a file name and a label. */
const MAX_ANDROID_ATTACHED_LENGTH = 320;
const WHITESPACE = /\s/u;

/** Android `<Media omitted>` and its translations (old and new strings, lower-case in chat-analytics). */
const ANDROID_OMITTED_TEXTS = [
  'media omitted', 'medien ausgeschlossen', 'medien weggelassen', 'media weggelaten', 'без медиафайлов',
  'archivo omitido', 'multimedia omitido', 'mídia omitida', 'médias omis', 'media omessi', 'média vynechána',
  'videonachricht weggelassen', 'video note omitted', 'sticker omitted', 'gif omitted',
  'medya dahil edilmedi', 'medya atlanmış', 'медіа пропущено', 'تم استبعاد الوسائط', 'bỏ qua media',
  'bỏ qua tệp phương tiện', '省略多媒体文件', '忽略多媒體檔', 'conținut media omis',
];
const ANDROID_OMITTED = new Set([...ANDROID_OMITTED_TEXTS, ...CATALOGUE_ANDROID_OMITTED_TEXTS].map(fold));
/** Fallback for other locales: a whole line in angle brackets naming an omission. */
const ANDROID_OMITTED_STEM = /omit|weggel|ausgel|ausgeschl|omis|omess|weggelaten|без медиа|vynech|なし|省略|생략/u;
const ANGLE_WRAPPED = /^<([^<>]{2,60})>$/u;

/** Android `IMG-….jpg (file attached)`; the label is localised. */
const ANDROID_ATTACHED = /^(.+?) \(([^()]{3,40})\)$/u;
const ATTACHED_LABEL_STEM =
  /attach|angeh|adjunt|bijgev|joint|anex|alleg|прикреп|доданий|файл додано|přilož|připoj|添付|附件|첨부|lampir|แนบ|đính kèm|مرفق|संलग्न|dosya ekli|fișier atașat/u;
/** Scripts that write words without spaces between them: there a label may be one "word". */
const UNSPACED_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/u;

/**
 * True when a bracketed label is Android's "file attached" wording: it names the file and the
 * act, so it is never a single spaced word ("(adjunto)", "(attached)" are a person's words).
 */
function isAttachedLabel(label: string): boolean {
  return isKnownAndroidAttachedLabel(label) || ((WHITESPACE.test(label) || UNSPACED_SCRIPT.test(label)) && ATTACHED_LABEL_STEM.test(fold(label)));
}
/**
 * iOS `<attached: 00000035-PHOTO-….jpg>` (de `<Anhang: …>`, es `<adjunto: …>`). iOS names every
 * exported file `NNNNNNNN-<original name>`; a document sent without an extension keeps none, so
 * a name with that counter needs no extension.
 */
const IOS_ATTACHED = /<([^<>:]{2,30}): (\d{8}-[^<>]+|[^<>]+\.[\p{L}\p{N}]{1,8})>$/u;
/**
 * iOS before the `<attached: …>` form (2016, a real export: TommasoAzz/whatsapp-exported-chat-reader
 * sample-old-iOS.txt): the file's name, then its label in angle brackets, the whole line
 * (`2016-08-30-PHOTO-00000016.jpg <allegato>`, `… <attached>`). The name must have an extension
 * and the label be an "attached" wording, so "see file.txt <urgent>" stays a person's.
 */
const OLD_IOS_ATTACHED = /^([^<>\s][^<>]*\.[\p{L}\p{N}]{1,8}) <([^<>:\s]{3,30})>$/u;

/** Deleted-message texts (whole body; a trailing '.' or '。' is ignored). */
const DELETED_TEXTS = [
  'This message was deleted', 'You deleted this message', 'Dit bericht is verwijderd',
  'U hebt dit bericht verwijderd', 'Je hebt dit bericht verwijderd', 'Diese Nachricht wurde gelöscht',
  'Du hast diese Nachricht gelöscht', 'Se eliminó este mensaje', 'Eliminaste este mensaje',
  'Questo messaggio è stato eliminato', 'Hai eliminato questo messaggio', 'Ce message a été supprimé',
  'Vous avez supprimé ce message', 'Esta mensagem foi apagada', 'Apagou esta mensagem',
  'Você apagou esta mensagem', 'Mensagem apagada', 'Данное сообщение удалено', 'Вы удалили данное сообщение',
  'Это сообщение удалено', 'Вы удалили это сообщение', 'Це повідомлення було видалено',
  'Ви видалили це повідомлення', 'Tato zpráva byla smazána', 'Tuto zprávu jste smazal/a',
  'यह मैसेज डिलीट कर दिया गया है', 'आपने यह मैसेज डिलीट किया', 'Pesan ini dihapus', 'Anda menghapus pesan ini',
  'このメッセージは削除されました', 'このメッセージを削除しました', 'ข้อความนี้ถูกลบแล้ว', 'คุณได้ลบข้อความนี้',
  'Tin nhắn này đã bị xóa', 'Tin nhắn này đã bị xoá', 'Bạn đã xoá tin nhắn này', 'Bạn đã xóa tin nhắn này',
  'تم حذف هذه الرسالة', 'أنت حذفت هذه الرسالة', 'لقد حذَفت هذه الرسالة',
  'Bu mesaj silindi', 'Bu mesajı sildiniz', '此訊息已刪除', '这条消息已被删除', '信息已删除', '您已刪除此訊息',
  '您已删除这条消息', '您删除这个信息', 'Acest mesaj a fost șters', 'Ați șters acest mesaj',
  // A group admin's deletion, iOS (whats_json lib/src/patterns.dart, keys `zD*5p`, `W*,Ww`).
  'This message was deleted by an admin', 'You deleted this message as admin',
  // Every other language WhatsApp ships (catalogue-wordings.ts; Hebrew's was read in a real export).
  ...CATALOGUE_DELETED_TEXTS,
];
const DELETED = new Set(DELETED_TEXTS.map(fold));
const DELETED_EDGES = new FoldedEdges(DELETED);
/** Lengths a deleted text can have (with or without its full stop): a cheap first filter. */
const DELETED_LENGTHS: ReadonlySet<number> = new Set(DELETED_TEXTS.flatMap((text) => [text.length, text.length + 1]));
export const TRAILING_FULL_STOP = /[.。]$/u;
/**
 * iOS's `This message was deleted by admin %@.` (whats_json lib/src/patterns.dart, key
 * `SUYSe`): it names the admin, so it is no fixed text. Read only after iOS's opening mark, on
 * one line: unmarked, "This message was deleted by admin because of spam" is a person's.
 */
const DELETED_BY_NAMED_ADMIN = /^this message was deleted by admin [^\n]{1,120}$/iu;

/**
 * `<This message was edited>` suffix (newer exports); German form from FORMATS.md, Turkish
 * `<Bu mesaj düzenlendi>` and Romanian `<Acest mesaj a fost editat>` as public parsers list them;
 * Hebrew iOS `<ההודעה נערכה>` read in a real group export (TalTouboul/---------- `_chat.txt`).
 */
const EDITED_SUFFIX =
  /<[^<>]*(?:edited|bearbeitet|editado|modifié|modificato|bewerkt|изменено|редаговано|upraveno|diedit|編集済み|แก้ไข|chỉnh sửa|تعديل|संपादित|düzenlendi|editat|נערכה)[^<>]*>$/iu;


/**
 * Words of the end-to-end encryption notice, per language in the samples; Hebrew ("encrypted
 * end to end") as a real iOS group export writes it (TalTouboul/---------- `_chat.txt`), or
 * hyphenated, as iOS's Localizable.strings has it (starkdmi/whats_json lib/src/patterns.dart).
 */
const END_TO_END_WORDS =
  'end-to-end|ende-zu-ende|koncovým šifrováním|bout en bout|extremo a extremo|ponto a ponto|сквозным шифрованием|наскрізним шифруванням|एंड-टू-एंड|エンドツーエンド|ต้นทางถึงปลายทาง|mã hóa đầu cuối|مشفرة تمام|uçtan uca şifrel|端到端加密|端對端加密|criptate integral|מוצפנות מקצה[- ]לקצה';
/** Words of the "your security code with … changed" notice, per language in the samples. */
const SECURITY_CODE_WORDS =
  'security code|sicherheitsnummer|bezpečnostní kód|code de sécurité|codice di sicurezza|código de segurança|código de seguridad|код безопасности|код безпеки|सुरक्षा कोड|kode keamanan|セキュリティコード|รหัสความปลอดภัย|mã bảo mật|رمز أمانك|güvenlik kodu değişti|的安全代码已更改|的安全碼已變更|之間的安全代碼已變更|codul dvs. de securitate';

/** The security-code notice: it names a contact, in private chats and groups alike. */
export const SECURITY_CODE_KEYWORDS = new RegExp(SECURITY_CODE_WORDS, 'iu');
/** The end-to-end notice: iOS writes it under the chat's own name (a group's, or the contact's). */
export const END_TO_END_KEYWORDS = new RegExp(END_TO_END_WORDS, 'iu');

/**
 * Words of the notices that iOS writes under the chat's or a participant's name
 * (`Elon Musk: ‎Messages and calls are end-to-end encrypted…`, `…: ‎Your security code…`).
 */
export const SYSTEM_NOTICE_KEYWORDS = new RegExp(`${END_TO_END_WORDS}|${SECURITY_CODE_WORDS}|secure service from meta`, 'iu');

export interface PlaceholderInfo {
  media: WhatsAppMedia | null;
  deleted: boolean;
  edited: boolean;
  location: boolean;
  /** The body is the export's stand-in for a message this phone could not decrypt. */
  waiting: boolean;
}

/** Media type of an exported file name (Android `IMG-…`, iOS `…-PHOTO-…`, extensions). */
export function mediaTypeFromFileName(fileName: string): WhatsAppMediaType {
  const upper = fileName.toUpperCase();
  if (/(?:^|-)STK-|STICKER/u.test(upper)) return 'sticker';
  if (/(?:^|-)GIF-|\.GIF$/u.test(upper)) return 'gif';
  if (/(?:^|-)(?:PTT|AUD)-|AUDIO|\.(?:OPUS|OGG|M4A|MP3|AAC|AMR|WAV)$/u.test(upper)) return 'audio';
  if (/(?:^|-)VID-|VIDEO|\.(?:MP4|MOV|3GP|MKV|AVI|WEBM)$/u.test(upper)) return 'video';
  if (/(?:^|-)IMG-|PHOTO|\.(?:JPE?G|PNG|HEIC|WEBP|BMP)$/u.test(upper)) return 'image';
  if (/\.VCF$/u.test(upper)) return 'contact';
  return 'document';
}

/**
 * WhatsApp Web's export writes a location it has no coordinates for as `<Location omitted>` or
 * `<Live location omitted>` (WAWebExportChatPlainTextFormatter, MSG_TYPE.LOCATION): a location
 * share whose place is left out, not media of unknown type. English only: no other was seen.
 */
const OMITTED_LOCATION_LABELS: ReadonlySet<string> = new Set(['location omitted', 'live location omitted']);

function mediaTypeFromAndroidOmitted(label: string): WhatsAppMediaType {
  const named = IOS_OMITTED_TYPES.get(label);
  if (named !== undefined) return named;
  if (OMITTED_LOCATION_LABELS.has(label)) return 'location';
  if (/video/u.test(label)) return 'video';
  if (/sticker/u.test(label)) return 'sticker';
  if (/gif/u.test(label)) return 'gif';
  // WhatsApp Web's export: `<voice message omitted>` (its `<image omitted>` is iOS's wording).
  if (/voice message/u.test(label)) return 'audio';
  return 'unknown';
}

/** The media type an omitted-media label (folded) names, or null when it names none. */
function omittedLabelType(wrappedLabel: string): WhatsAppMediaType | null {
  const label = fold(wrappedLabel);
  return ANDROID_OMITTED.has(label) || ANDROID_OMITTED_STEM.test(label) || IOS_OMITTED_TYPES.has(label) ? mediaTypeFromAndroidOmitted(label) : null;
}

const WEB_EXPORT_READERS: WebExportLabelReaders = { isAttachedLabel, omittedType: omittedLabelType, fileType: mediaTypeFromFileName };

function documentTitle(caption: string): string {
  // iOS writes `Resume.pdf • 2 pages document omitted`: the title is before the bullet.
  const bullet = caption.indexOf(' • ');
  return (bullet === -1 ? caption : caption.slice(0, bullet)).trim();
}

/** The last PLACEHOLDER_TAIL_LENGTH chars of a line and where they start. */
function tailOf(line: string): { tail: string; start: number } {
  const start = Math.max(0, line.length - PLACEHOLDER_TAIL_LENGTH);
  return { tail: start === 0 ? line : line.slice(start), start };
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

function isDirectionMark(char: string): boolean {
  return char === '\u200e' || char === '\u200f';
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

function omittedFromIos(firstLine: string, writtenFirstLine: string | null): WhatsAppMedia | null {
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

function classifyMedia(firstLine: string, writtenFirstLine: string | null): WhatsAppMedia | null {
  const wrapped = firstLine.startsWith('<') ? ANGLE_WRAPPED.exec(firstLine) : null;
  const wrappedLabel = wrapped?.[1];
  if (wrappedLabel !== undefined) {
    const mediaType = omittedLabelType(wrappedLabel);
    if (mediaType !== null) return { kind: 'omitted', mediaType };
  }
  const iosAttached = firstLine.endsWith('>') ? IOS_ATTACHED.exec(tailOf(firstLine).tail) : null;
  const iosFile = iosAttached?.[2];
  if (iosFile !== undefined) {
    const fileName = iosFile.trim();
    return { kind: 'attached', mediaType: mediaTypeFromFileName(fileName), fileName };
  }
  const oldIosAttached = firstLine.length <= MAX_ANDROID_ATTACHED_LENGTH && firstLine.endsWith('>') ? OLD_IOS_ATTACHED.exec(firstLine) : null;
  const oldIosFile = oldIosAttached?.[1];
  const oldIosLabel = oldIosAttached?.[2];
  if (oldIosFile !== undefined && oldIosLabel !== undefined && ATTACHED_LABEL_STEM.test(fold(oldIosLabel))) {
    return { kind: 'attached', mediaType: mediaTypeFromFileName(oldIosFile), fileName: oldIosFile };
  }
  if (firstLine.length <= MAX_ANDROID_ATTACHED_LENGTH && firstLine.endsWith(')')) {
    const androidAttached = ANDROID_ATTACHED.exec(firstLine);
    const androidFile = androidAttached?.[1];
    const androidLabel = androidAttached?.[2];
    if (androidFile !== undefined && androidLabel !== undefined && isAttachedLabel(androidLabel)) {
      const fileName = androidFile.trim();
      return { kind: 'attached', mediaType: mediaTypeFromFileName(fileName), fileName };
    }
  }
  return omittedFromIos(firstLine, writtenFirstLine) ?? webExportMedia(firstLine, WEB_EXPORT_READERS);
}

/** True when the whole body (marks removed) is a deleted-message wording; `written` as for classifyPlaceholders. */
function isDeletedText(whole: string, written: string | null): boolean {
  if (DELETED_LENGTHS.has(whole.length) && DELETED_EDGES.mayStart(whole) && DELETED.has(fold(whole).replace(TRAILING_FULL_STOP, ''))) {
    return true;
  }
  return written !== null && isDirectionMark(written.charAt(0)) && DELETED_BY_NAMED_ADMIN.test(whole);
}

/**
 * A message this phone never could decrypt, exported in its place: WhatsApp Web's own export
 * formatter writes exactly this for a ciphertext message (`WAWebExportChatPlainTextFormatter`,
 * MSG_TYPE.CIPHERTEXT), and real exports carry it (public analyzers skip it). The sender sent
 * something; its content is not in the export. English only: no other wording was seen.
 */
const WAITING_TEXTS: ReadonlySet<string> = new Set(['waiting for this message. this may take a while']);
const MAX_WAITING_LENGTH = Math.max(...[...WAITING_TEXTS].map((text) => text.length)) + 1;

function isWaitingText(whole: string): boolean {
  return whole.length <= MAX_WAITING_LENGTH && WAITING_TEXTS.has(fold(whole).replace(TRAILING_FULL_STOP, ''));
}

/** The first line of a text. */
function firstLineOf(text: string): string {
  const newline = text.indexOf('\n');
  return newline === -1 ? text : text.slice(0, newline);
}

/**
 * Classifies a message body (direction marks already removed). `written` is the same body as
 * written, marks in, when the caller has it: it tells iOS's caption + wording from a person's
 * sentence that ends with the same words. The text itself is left as written; the flags only
 * describe it.
 */
export function classifyPlaceholders(text: string, written: string | null = null): PlaceholderInfo {
  const whole = text.trim();
  // One line (most bodies): its first line is the whole of it.
  const firstLine = text.includes('\n') ? firstLineOf(text).trim() : whole;
  const classified = firstLine === '' ? null : classifyMedia(firstLine, written === null ? null : firstLineOf(written));
  const media = classified === null ? null : withNamedFile(classified, firstLine, whole, mediaTypeFromFileName);
  return {
    media,
    deleted: isDeletedText(whole, written),
    edited: whole.endsWith('>') && EDITED_SUFFIX.test(tailOf(whole).tail),
    location: media?.mediaType === 'location' || isLocationShare(firstLine, whole),
    waiting: isWaitingText(whole),
  };
}

/** True when the body is a placeholder that marks a real message (never a system notice). */
export function isMessagePlaceholder(info: PlaceholderInfo): boolean {
  return info.media !== null || info.deleted || info.location || info.waiting;
}
