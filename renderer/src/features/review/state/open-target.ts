/** A message the review asks the Messages view to show, with the ranges to mark in it. */
export interface OpenTarget {
  chatId: string;
  messageId: string;
  seq: number;
  highlights: [number, number][];
}
