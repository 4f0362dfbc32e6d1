import type { OcrRequest, OcrResult } from '../../shared/contracts/ocr-worker.ts';
import { SEARCHABLE_OCR_CONFIDENCE } from '../../shared/domain/ocr-searchable.ts';
import type { CallContext } from '../../shared/worker/serve.ts';
import { decodeImage, readImageInput } from './decode-image.ts';
import { tesseractCoreBuild, tesseractFiles } from './local-files.ts';
import { modelFor } from './model-cache.ts';
import { encodePnm } from './pnm.ts';
import { preprocess } from './preprocess.ts';
import { OEM_LSTM_ONLY, PSM_SINGLE_BLOCK, THRESHOLD_SAUVOLA } from './tesseract-model.ts';
import type { PageTree } from './tiles.ts';
import { mergeTiles } from './tiles.ts';
import { parseTsv } from './tsv.ts';

/** One OCR call: read, decode, preprocess, recognise (per tile), merge, record provenance. */
export async function recognizeImage(request: OcrRequest, context: CallContext): Promise<OcrResult> {
  const started = performance.now();
  const input = await readImageInput(request);
  context.throwIfCancelled();
  // The model first: a missing language is the same answer for every image of a run.
  const model = await modelFor(request.langs, request.tessdataDirs);
  context.throwIfCancelled();
  const image = await decodeImage(input, !request.preprocess.grayscale);
  const prepared = await preprocess(image, request.preprocess);
  const tesseractParameters: Record<string, string> = prepared.steps.includes('threshold') ? { thresholding_method: String(THRESHOLD_SAUVOLA) } : {};
  const pages: PageTree[] = [];
  let tesseractVersion = 'unknown';
  for (const [index, tile] of prepared.tiles.entries()) {
    context.throwIfCancelled();
    const rowBytes = prepared.width * prepared.channels;
    const band = prepared.pixels.subarray(tile.top * rowBytes, tile.bottom * rowBytes);
    const page = await model.recognize(encodePnm(band, prepared.width, tile.bottom - tile.top, prepared.channels), tesseractParameters, context.signal);
    tesseractVersion = page.version;
    pages.push(parseTsv(page.tsv ?? ''));
    context.progress({ stage: `recognising ${input.name}`, done: index + 1, total: prepared.tiles.length });
  }
  const merged = mergeTiles(pages, prepared.tiles, prepared.scale, image.width, image.height);
  const files = tesseractFiles();
  const core = await tesseractCoreBuild();
  return {
    ...merged,
    engine: { name: 'tesseract.js', version: files.version, coreVersion: files.coreVersion, coreBuild: core.name, coreSha256: core.sha256, tesseractVersion },
    traineddata: model.traineddata,
    parameters: {
      psm: PSM_SINGLE_BLOCK,
      oem: OEM_LSTM_ONLY,
      variables: { tessedit_pageseg_mode: String(PSM_SINGLE_BLOCK), ...tesseractParameters },
      preprocess: prepared.steps,
      scale: prepared.scale,
      tiles: prepared.tiles.length,
      width: image.width,
      height: image.height,
      searchable: { minWordConfidence: SEARCHABLE_OCR_CONFIDENCE, letterOrDigit: true },
    },
    tookMs: Math.round(performance.now() - started),
  };
}
