/** A request to bring one message into view; a new nonce re-runs the jump to the same message. */
export interface JumpTarget {
  messageId: string;
  seq: number;
  /** UTF-16 [start, end) ranges of the message text to mark (from a search hit). */
  highlights: [number, number][];
  /** UTF-16 [start, end) ranges of the text read from the message's images to mark (SearchHit.ocr.highlights). */
  ocrHighlights?: [number, number][];
  nonce: number;
}
