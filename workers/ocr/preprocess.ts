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
/** Text rows taller than this are shrunk... */
const MAX_TEXT_HEIGHT = 24;
/** ...to about this height (16 and 14 saved a little more time and lost a little accuracy). */
const DOWNSCALED_TEXT_HEIGHT = 18;
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
    pixels = inverted(pixels);
    grey = toGrey(pixels, channels);
    steps.push('invertDark');
  }
  let textHeight = estimateTextHeight(grey, width, height);
  const scale = chooseScale(textHeight, width, height, options);
  const flatten = options.flatten && channels === 1 && steps.includes('invertDark');
  // Flattening runs at the lower of the two resolutions: after shrinking, before enlarging.
  if (flatten && scale >= 1) pixels = flattened(pixels, width, height, textHeight);
  if (scale !== 1) {
    ({ pixels, width, height } = await resized(pixels, width, height, channels, scale));
    textHeight = textHeight === null ? null : textHeight * scale;
    steps.push(scale > 1 ? 'upscale' : 'downscale');
  }
  if (flatten && scale < 1) pixels = flattened(pixels, width, height, textHeight);
  if (flatten) steps.push('flatten');

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

/**
 * Enlarges small text (Tesseract's accuracy falls off below ~10 px x-height) and shrinks large
 * text (Tesseract scales each line to a fixed height for its network anyway, so extra pixels
 * only cost time in thresholding and layout analysis). Steps of 0.25 up and 0.05 down.
 */
function chooseScale(textHeight: number | null, width: number, height: number, options: OcrPreprocessOptions): number {
  if (textHeight === null) return 1;
  if (options.upscale && textHeight < MIN_TEXT_HEIGHT) {
    const scale = Math.floor(Math.min(MAX_SCALE, TARGET_TEXT_HEIGHT / textHeight, Math.sqrt(MAX_SCALED_PIXELS / (width * height))) * 4) / 4;
    return scale > 1 ? scale : 1;
  }
  if (options.downscale && textHeight > MAX_TEXT_HEIGHT) return Math.ceil((DOWNSCALED_TEXT_HEIGHT / textHeight) * 20) / 20;
  return 1;
}

/**
 * Inverted, a dark theme's bubbles are mid-grey to light with dark text; dividing by the local
 * background makes every bubble white (a window wider than any stroke of the text).
 */
function flattened(pixels: Uint8Array, width: number, height: number, textHeight: number | null): Uint8Array {
  return flattenBackground(pixels, width, height, Math.max(MIN_FLATTEN_RADIUS, Math.round((textHeight ?? 0) / 4)));
}

function inverted(pixels: Uint8Array): Uint8Array {
  const result = new Uint8Array(pixels.length);
  for (let index = 0; index < pixels.length; index++) result[index] = 255 - (pixels[index] as number);
  return result;
}

async function resized(pixels: Uint8Array, width: number, height: number, channels: 1 | 3, scale: number): Promise<{ pixels: Uint8Array; width: number; height: number }> {
  const { data, info } = await sharp(pixels, { raw: { width, height, channels } })
    .resize(Math.round(width * scale), Math.round(height * scale), { kernel: 'cubic' })
    // Without this sharp hands back 3 channels even for a 1-channel raw input.
    .toColourspace(channels === 1 ? 'b-w' : 'srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  if (info.channels !== channels) throw new BugError(`resize returned ${info.channels} channels, expected ${channels}`);
  return { pixels: data, width: info.width, height: info.height };
}
