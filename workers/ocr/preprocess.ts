import sharp from 'sharp';
import type { OcrPreprocessOptions, OcrPreprocessStep } from '../../shared/contracts/ocr-worker.ts';
import { BugError } from '../../shared/errors.ts';
import type { DecodedImage } from './decode-image.ts';
import { estimateTextHeight, meanLuminance, toGrey } from './image-analysis.ts';
import { flattenBackground } from './morphology.ts';
import type { Tile } from './tiles.ts';
import { planTiles } from './tiles.ts';

/**
 * The numbers below were tuned with scripts/bench-ocr.ts on generated chat screenshots; change
 * them only with a benchmark run that shows the effect.
 */
/** Below this mean grey level the image is a dark theme (light text on a dark background). */
const DARK_MEAN_LUMINANCE = 110;
/** Text rows (as estimateTextHeight measures them) lower than this are enlarged... */
const MIN_TEXT_HEIGHT = 14;
/** ...to about this height (more made the error rate worse again, and costs time). */
const TARGET_TEXT_HEIGHT = 22;
const MAX_SCALE = 4;
/** Upscaling must not produce an image that strains the WebAssembly heap. */
const MAX_SCALED_PIXELS = 40_000_000;
/** Smallest half-window for flattening: wider than the strokes of small text. */
const MIN_FLATTEN_RADIUS = 3;
/** Images taller than this (after scaling) are recognised in bands... */
const TILE_TRIGGER_HEIGHT = 4000;
/** ...of this height... */
const TILE_HEIGHT = 2400;
/** ...overlapping by at least this much, and at least three text lines. */
const MIN_TILE_OVERLAP = 160;

export interface PreparedImage {
  width: number;
  height: number;
  channels: 1 | 3;
  pixels: Uint8Array;
  scale: number;
  steps: OcrPreprocessStep[];
  tiles: Tile[];
  /** Estimated text line height in the prepared image, when text rows were found. */
  textHeight: number | null;
}

export async function preprocess(image: DecodedImage, options: OcrPreprocessOptions): Promise<PreparedImage> {
  const steps: OcrPreprocessStep[] = [];
  if (image.autoOriented) steps.push('autoOrient');
  if (image.channels === 1) steps.push('grayscale');
  const { channels } = image;
  let { width, height, pixels } = image;
  let grey = toGrey(pixels, channels);

  if (options.invertDark && meanLuminance(grey) < DARK_MEAN_LUMINANCE) {
    // Tesseract is trained on dark text on light paper; it retries inverted lines itself, but
    // only line by line and at the cost of a second recognition.
    pixels = pixels.map((value) => 255 - value);
    grey = toGrey(pixels, channels);
    steps.push('invertDark');
  }

  let textHeight = estimateTextHeight(grey, width, height);
  let scale = 1;
  if (options.upscale && textHeight !== null && textHeight < MIN_TEXT_HEIGHT) {
    scale = Math.min(MAX_SCALE, TARGET_TEXT_HEIGHT / textHeight, Math.sqrt(MAX_SCALED_PIXELS / (width * height)));
    scale = Math.floor(scale * 4) / 4;
    if (scale > 1) {
      const resized = await sharp(pixels, { raw: { width, height, channels } })
        .resize(Math.round(width * scale), Math.round(height * scale), { kernel: 'cubic' })
        // Without this sharp hands back 3 channels even for a 1-channel raw input.
        .toColourspace(channels === 1 ? 'b-w' : 'srgb')
        .raw()
        .toBuffer({ resolveWithObject: true });
      if (resized.info.channels !== channels) throw new BugError(`resize returned ${resized.info.channels} channels, expected ${channels}`);
      pixels = resized.data;
      width = resized.info.width;
      height = resized.info.height;
      textHeight *= scale;
      steps.push('upscale');
    } else {
      scale = 1;
    }
  }

  if (options.flatten && channels === 1 && steps.includes('invertDark')) {
    // Inverted, a dark theme's bubbles are mid-grey to light with dark text; dividing by the
    // local background makes every bubble white (a window wider than any stroke of the text).
    pixels = flattenBackground(pixels, width, height, Math.max(MIN_FLATTEN_RADIUS, Math.round((textHeight ?? 0) / 4)));
    steps.push('flatten');
  }

  // Adaptive (Sauvola) binarisation, done by Tesseract (see recognize-image.ts), for dark themes
  // only. Inverted, their bubbles become mid-grey with dark text, which Tesseract's default
  // global Otsu threshold turns into solid blocks; on light themes Sauvola breaks white text on
  // coloured bubbles instead. Both measured with scripts/bench-ocr.ts.
  if (options.threshold && steps.includes('invertDark')) steps.push('threshold');

  let tiles = planTiles(height, height, 0);
  if (options.tile && height > TILE_TRIGGER_HEIGHT) {
    tiles = planTiles(height, TILE_HEIGHT, Math.max(MIN_TILE_OVERLAP, Math.ceil(3 * (textHeight ?? 0))));
    steps.push('tile');
  }
  return { width, height, channels, pixels, scale, steps, tiles, textHeight };
}
