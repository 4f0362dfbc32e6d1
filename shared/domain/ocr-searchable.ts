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

export function isSearchableOcrWord(word: { text: string; confidence: number }): boolean {
  return word.confidence >= SEARCHABLE_OCR_CONFIDENCE && LETTER_OR_DIGIT.test(word.text);
}
