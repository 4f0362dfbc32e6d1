import type { MessageKind } from './message.ts';

/** An image in the case (an attachment, a screenshot), with what OCR read from it. */
export interface ImageItem {
  attachmentId: number;
  fileName: string | null;
  sha256: string;
  mimeType: string | null;
  messageId: string;
  chatId: string;
  chatTitle: string;
  timestamp: string | null;
  sender: string | null;
  senderId: string | null;
  kind: MessageKind;
  direction: 'incoming' | 'outgoing' | null;
  /** Every word OCR read. */
  ocrText: string | null;
  /** The words of ocrText that are searched and tagged (shared/domain/ocr-searchable.ts). */
  ocrSearchableText: string | null;
  ocrConfidence: number | null;
  ocrLang: string | null;
  /** Why OCR failed for this image (corrupt, too large, missing language data...). */
  ocrError: string | null;
}

/** An image attached to a message, as the conversation shows it: the Images view's item and the OCR engine that read it. */
export interface MessageImage extends ImageItem {
  /** "tesseract.js 5.1.1": the engine that read the text; null when none has. */
  ocrEngine: string | null;
}

export interface OcrWordBox {
  text: string;
  confidence: number;
  bbox: { x0: number; y0: number; x1: number; y1: number };
}

/** An OCR result as the case stores it, provenance included. */
export interface OcrStored {
  attachmentId: number;
  messageRowid: number;
  text: string;
  /** The words of `text` that are searched and tagged (shared/domain/ocr-searchable.ts). */
  searchableText: string;
  confidence: number;
  lang: string;
  words: OcrWordBox[];
  engine: Record<string, unknown>;
  traineddata: Record<string, unknown>[];
  parameters: Record<string, unknown>;
  tookMs: number;
  createdAt: string;
}

export interface ImageContent {
  mimeType: string;
  /** The original bytes, base64. */
  base64: string;
  width: number | null;
  height: number | null;
  words: OcrWordBox[];
  ocrText: string | null;
  ocrSearchableText: string | null;
  /**
   * Only the words OCR was sure enough of are searched and tagged (shared/domain/ocr-searchable.ts);
   * false for a result stored before that rule (migration 0110), whose every word was.
   */
  onlySureWordsSearched: boolean;
}
