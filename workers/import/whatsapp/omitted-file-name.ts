import type { WhatsAppMedia, WhatsAppMediaType } from './types.ts';

/**
 * A file's name alone on its line, ending in an extension files WhatsApp sends have: a caption
 * such as "see you at 5.30" or "ok.thanks" has a dot too, and is the person's words.
 */
const FILE_NAME_LINE =
  /^[^\n<>:]{1,255}\.(?:pdf|docx?|xlsx?|pptx?|txt|rtf|odt|ods|odp|csv|zip|rar|7z|apk|epub|html?|xml|json|vcf|jpe?g|png|heic|webp|gif|bmp|mp4|mov|3gp|mkv|avi|webm|opus|ogg|m4a|mp3|aac|amr|wav)$/iu;

/**
 * Android writes an omitted document as `<Media omitted>` with the file's name alone on the next
 * line (a parser of real Polish exports: "<Pominięto multimedia>" then the name, observed for
 * documents). The name is the file's, read from the record's own second line; the type follows it
 * (`fileType`, media-lines.ts's reading of a name, passed in so the modules do not import each other).
 */
export function withNamedFile(media: WhatsAppMedia, firstLine: string, whole: string, fileType: (fileName: string) => WhatsAppMediaType): WhatsAppMedia {
  if (media.kind !== 'omitted' || media.fileName !== undefined || !firstLine.startsWith('<')) return media;
  const newline = whole.indexOf('\n');
  if (newline === -1 || whole.indexOf('\n', newline + 1) !== -1) return media;
  const name = whole.slice(newline + 1).trim();
  if (!FILE_NAME_LINE.test(name)) return media;
  return { kind: 'omitted', mediaType: media.mediaType === 'unknown' || media.mediaType === undefined ? fileType(name) : media.mediaType, fileName: name };
}
