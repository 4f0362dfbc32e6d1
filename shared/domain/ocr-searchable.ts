/**
 * Which words read by OCR are searched and tagged.
 *
 * Tesseract reads "text" into any photo. Three photos with little or no writing (the photo of a
 * WhatsApp sample export, two photos of circuit boards) gave 403 words of mean confidence 27–44 %,
 * such as "RR", "EE", "Bs", "-", "="; 347 of them (86 %) were under 50 %. Indexed, such words made
 * noise in search, in the language given to the image and in the markers. On 24 generated chat
 * screenshots (English, Romanian, Russian; phone, low-resolution and scrolling captures;
 * `scripts/bench-ocr/render-chats.ts`), 1,894 of the 1,901 words that are in the screenshots' text
 * were read with 50 % or more. So a word is searched when OCR is at least 50 % sure of it and it
 * holds a letter or a digit (a lone "-" or "|" is a frame or a line, not a word). Every word stays
 * in the stored OCR result with its confidence and box, and the image viewer shows the others
 * dashed, as doubtful.
 */
export const SEARCHABLE_OCR_CONFIDENCE = 50;

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * An image is given a language only when at least half of the words OCR read are searched: the
 * searched words of a photo are the few that scraped past the threshold (14 %, 8 % and 43 % of
 * the words of the three photos above; ~99 % of a screenshot's), and a language named after them
 * ("text in spa" for a landscape) would be a claim the image does not support.
 */
export const OCR_LANGUAGE_MIN_SEARCHED_SHARE = 0.5;

export function isSearchableOcrWord(word: { text: string; confidence: number }): boolean {
  return word.confidence >= SEARCHABLE_OCR_CONFIDENCE && LETTER_OR_DIGIT.test(word.text);
}
