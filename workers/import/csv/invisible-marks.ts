/**
 * Invisible direction marks and BOMs that phone apps and RTL reports put around dates, numbers
 * and words (U+200E LRM, U+200F RLM, U+202A…U+202E, U+2066…U+2069, U+061C ALM, U+200B, U+FEFF;
 * FORMATS.md §0.3). Removed from a copy for matching only; cells are kept as written.
 */
export const INVISIBLE_MARKS = /[\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c\ufeff]/gu;
