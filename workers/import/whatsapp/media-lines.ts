/**
 * The media lines of a body's first line (FORMATS.md §1.4): Android's `<Media omitted>` and
 * `IMG-….jpg (file attached)`, iOS's `<attached: 00000035-PHOTO-….jpg>` and its 2016 form, and
 * iOS's `… omitted` wordings (ios-omitted.ts); WhatsApp Web's lines with a caption after them
 * (web-export-media.ts) last.
 *
 * The Android omitted texts were read in the sample exports (whats_json Android, WhatsR de/en,
 * chat-analytics) or are the current Android English string quoted in FORMATS.md; the Turkish,
 * Chinese, Romanian, Ukrainian, Arabic and Vietnamese rows no sample holds: they are the
 * wordings public parsers list, from WhatsApp's Android strings.xml (starkdmi/whats_json
 * lib/src/patterns.dart; mlomb/chat-analytics pipeline/parse/parsers/WhatsApp.ts). Every other
 * shipped language comes from catalogue-wordings.ts and android-attached-labels.ts.
 */

import { isKnownAndroidAttachedLabel } from './android-attached-labels.ts';
import { CATALOGUE_ANDROID_OMITTED_TEXTS } from './catalogue-wordings.ts';
import { fold } from './folding.ts';
import { IOS_OMITTED_TYPES, omittedFromIos } from './ios-omitted.ts';
import { isDirectionMark, tailOf, WHITESPACE } from './line-tail.ts';
import { webExportMedia, type WebExportLabelReaders } from './web-export-media.ts';
import type { WhatsAppMedia, WhatsAppMediaType } from './types.ts';

/** Android `name (file attached)` lines are never longer than a file name and a label. */
const MAX_ANDROID_ATTACHED_LENGTH = 320;

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
  return isKnownAndroidAttachedLabel(label) || isAttachedLikeLabel(label);
}

/** A label of several words (or one in an unspaced script) that mentions attaching: maybe a wording no list holds, maybe a person's. */
function isAttachedLikeLabel(label: string): boolean {
  return (WHITESPACE.test(label) || UNSPACED_SCRIPT.test(label)) && ATTACHED_LABEL_STEM.test(fold(label));
}

/** A file name ending in an extension, as WhatsApp names the files it exports. */
const HAS_EXTENSION = /\.[\p{L}\p{N}]{1,8}$/u;

/**
 * How sure an Android `name (label)` line must be. 'first': a body's first line, where Android's
 * own label names a file with or without an extension (a document sent without one), and a label
 * no list holds that mentions attaching does so only after a name with an extension ("Invoice
 * (see attached file)" is a person's words). 'later': a line under a file line, where a caption
 * may stand: only the exact shape, a name with an extension and Android's own label.
 */
type AndroidAttachedCertainty = 'first' | 'later';

function isAndroidAttachedLine(fileName: string, label: string, certainty: AndroidAttachedCertainty): boolean {
  const extension = HAS_EXTENSION.test(fileName);
  if (isKnownAndroidAttachedLabel(label)) return certainty === 'first' || extension;
  return certainty === 'first' && extension && isAttachedLikeLabel(label);
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

/** The media a body's first line (marks removed; `writtenFirstLine` as written) names, or null. */
export function classifyMedia(firstLine: string, writtenFirstLine: string | null): WhatsAppMedia | null {
  const wrapped = firstLine.startsWith('<') ? ANGLE_WRAPPED.exec(firstLine) : null;
  const wrappedLabel = wrapped?.[1];
  if (wrappedLabel !== undefined) {
    const mediaType = omittedLabelType(wrappedLabel);
    if (mediaType !== null) return { kind: 'omitted', mediaType };
  }
  return attachedMedia(firstLine, 'first') ?? omittedFromIos(firstLine, writtenFirstLine) ?? webExportMedia(firstLine, WEB_EXPORT_READERS);
}

/** The file a line (marks removed, trimmed) names as attached: iOS's, its 2016 form, Android's. */
function attachedMedia(line: string, certainty: AndroidAttachedCertainty): WhatsAppMedia | null {
  const iosAttached = line.endsWith('>') ? IOS_ATTACHED.exec(tailOf(line).tail) : null;
  const iosFile = iosAttached?.[2];
  if (iosFile !== undefined) {
    const fileName = iosFile.trim();
    return { kind: 'attached', mediaType: mediaTypeFromFileName(fileName), fileName };
  }
  const oldIosAttached = line.length <= MAX_ANDROID_ATTACHED_LENGTH && line.endsWith('>') ? OLD_IOS_ATTACHED.exec(line) : null;
  const oldIosFile = oldIosAttached?.[1];
  const oldIosLabel = oldIosAttached?.[2];
  if (oldIosFile !== undefined && oldIosLabel !== undefined && ATTACHED_LABEL_STEM.test(fold(oldIosLabel))) {
    return { kind: 'attached', mediaType: mediaTypeFromFileName(oldIosFile), fileName: oldIosFile };
  }
  if (line.length <= MAX_ANDROID_ATTACHED_LENGTH && line.endsWith(')')) {
    const androidAttached = ANDROID_ATTACHED.exec(line);
    const androidFile = androidAttached?.[1];
    const androidLabel = androidAttached?.[2];
    const fileName = androidFile?.trim();
    if (fileName !== undefined && androidLabel !== undefined && isAndroidAttachedLine(fileName, androidLabel, certainty)) {
      return { kind: 'attached', mediaType: mediaTypeFromFileName(fileName), fileName };
    }
  }
  return null;
}

/**
 * The files a body's later lines name, each line read as a first line's attachment is: a record
 * whose first line is an attachment may name more below it (`<attached: …>` lines, Android
 * `name (file attached)` lines), and each is its own file in the export. A line that only
 * repeats a document's name (Android writes `Plan.pdf (file attached)` then `Plan.pdf`:
 * AyazKhuraishi/whatsapp-export-inconsistencies, "Documents", from real exports) names no second file.
 * Only the run of such lines straight under the first is read: the first line of anything else is
 * a person's words (a caption), and every line under it is theirs too. An iOS placeholder is the
 * whole line, so `… <email: ana@example.com>` ending a person's line names no file; an Android
 * one has its exact shape, a name with an extension and Android's own label, so a caption
 * "Invoice (see attached file)" names none.
 * `firstFileName` is the file the first line names. Null when no later line names one.
 */
export function laterAttachments(text: string, firstFileName: string | null): WhatsAppMedia[] | null {
  let found: WhatsAppMedia[] | null = null;
  let previousName = firstFileName;
  for (let start = text.indexOf('\n') + 1; start > 0; ) {
    const end = text.indexOf('\n', start);
    const line = (end === -1 ? text.slice(start) : text.slice(start, end)).trim();
    // Every attachment line ends with its label's bracket: other lines cost no pattern.
    const media = line.endsWith('>') || line.endsWith(')') ? laterLineMedia(line) : null;
    if (media !== null) (found ??= []).push(media);
    else if (previousName === null || line !== previousName) break;
    previousName = media?.fileName ?? null;
    start = end + 1;
  }
  return found;
}

/** A later line's file; a line ending in `>` names one only as iOS writes its placeholder, alone on the line after its marks. */
function laterLineMedia(line: string): WhatsAppMedia | null {
  let bare = line;
  while (bare !== '' && isDirectionMark(bare.charAt(0))) bare = bare.slice(1);
  if (bare.endsWith('>') && bare.includes(':') && (!bare.startsWith('<') || bare.indexOf('<', 1) !== -1)) return null;
  return attachedMedia(bare, 'later');
}
