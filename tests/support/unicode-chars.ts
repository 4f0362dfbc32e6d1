/**
 * The invisible and look-alike characters chat exports carry (FORMATS.md §1.5), by name, for
 * tests that build lines with them.
 */
export const BOM = '\ufeff';
export const LRM = '\u200e';
export const RLM = '\u200f';
export const ALM = '\u061c';
export const LRE = '\u202a';
export const PDF = '\u202c';
export const RLI = '\u2067';
export const FSI = '\u2068';
export const PDI = '\u2069';
export const NBSP = '\u00a0';
export const NNBSP = '\u202f';
export const ARABIC_COMMA = '\u060c';
