/**
 * The OCR worker contract. OCR workers form a pool (one per core); each call recognises one
 * image independently. Everything a court may ask about how a text was read is in the result:
 * engine and versions, the exact traineddata files (SHA-256) and every parameter applied.
 */

/** Pixel box, x1/y1 exclusive, in the coordinates of the original (EXIF-upright) image. */
export interface OcrBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface OcrWord {
  text: string;
  /** Tesseract's word confidence, 0-100. */
  confidence: number;
  bbox: OcrBox;
}

export interface OcrLine {
  text: string;
  confidence: number;
  bbox: OcrBox;
}

/**
 * Screenshot preprocessing switches. Each step only acts where its detector says it applies;
 * `parameters.preprocess` in the result lists the steps actually applied.
 * - grayscale: convert to grey ourselves (Tesseract thresholds colour images per channel);
 * - invertDark: invert dark themes (mean luminance low) to dark text on light;
 * - upscale: enlarge images whose text lines are small;
 * - downscale: shrink images whose text lines are large (Tesseract works as well, and faster);
 * - flatten: on inverted dark themes, divide out the bubble colours (grey images only);
 * - threshold: on inverted dark themes, Tesseract's adaptive (Sauvola) binarisation;
 * - tile: recognise tall scrolling captures in overlapping bands.
 */
export interface OcrPreprocessOptions {
  grayscale: boolean;
  invertDark: boolean;
  upscale: boolean;
  downscale: boolean;
  flatten: boolean;
  threshold: boolean;
  tile: boolean;
}

export type OcrPreprocessStep = 'autoOrient' | 'grayscale' | 'invertDark' | 'upscale' | 'downscale' | 'flatten' | 'threshold' | 'tile';

export interface OcrRequest {
  /** A file to read (the worker reads it itself, read-only), or ... */
  path?: string;
  /** ... the image bytes (e.g. an attachment inside a zip); `name` then labels errors. */
  bytes?: Uint8Array;
  name?: string;
  /** Tesseract language codes, e.g. ['eng', 'ron']. */
  langs: string[];
  /** Folders searched for <lang>.traineddata before the bundled npm packages. */
  tessdataDirs: string[];
  preprocess: OcrPreprocessOptions;
}

export interface OcrTraineddata {
  lang: string;
  /** Absolute path of the file that was loaded. */
  file: string;
  /** SHA-256 of that file's bytes as stored on disk (before any gunzip). */
  sha256: string;
  bytes: number;
  /** 'npm:@tesseract.js-data/eng' for a bundled package, 'dir:<folder>' for a user folder. */
  source: string;
}

export interface OcrEngineInfo {
  name: 'tesseract.js';
  version: string;
  coreVersion: string;
  /** Which WebAssembly build of the core ran (tesseract.js picks one by CPU features), and its hash. */
  coreBuild: string;
  coreSha256: string;
  /** The Tesseract library version compiled into the core, as it reports itself. */
  tesseractVersion: string;
}

export interface OcrParameters {
  psm: number;
  oem: number;
  /** Tesseract variables set for this image beyond the model's defaults (e.g. thresholding_method). */
  variables: Record<string, string>;
  preprocess: OcrPreprocessStep[];
  /** Factor the image was resized by before recognition (1 = not resized). */
  scale: number;
  tiles: number;
  width: number;
  height: number;
  /** What makes a word searched and tagged (shared/domain/ocr-searchable.ts): at least this confidence, and a letter or digit. */
  searchable: { minWordConfidence: number; letterOrDigit: true };
}

export interface OcrResult {
  text: string;
  /** The words of `text` that are searched and tagged (parameters.searchable), in its lines and paragraphs. */
  searchableText: string;
  /** Mean word confidence, 0-100 (0 when no word was found). */
  confidence: number;
  words: OcrWord[];
  lines: OcrLine[];
  engine: OcrEngineInfo;
  traineddata: OcrTraineddata[];
  parameters: OcrParameters;
  tookMs: number;
}

export interface OcrWorkerApi {
  recognize: { params: OcrRequest; result: OcrResult };
}

/**
 * Every step on: each one lowered the character error rate or the time on the images it acts on
 * in `npx tsx scripts/bench-ocr.ts` (generated chat screenshots, English, Romanian, Russian).
 */
export const DEFAULT_OCR_PREPROCESS: OcrPreprocessOptions = {
  grayscale: true,
  invertDark: true,
  upscale: true,
  downscale: true,
  flatten: true,
  threshold: true,
  tile: true,
};
