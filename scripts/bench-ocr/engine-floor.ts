import { writeFileSync } from 'node:fs';
import sharp from 'sharp';
import type { WorkerPool } from '../../engine/workers/worker-pool.ts';
import type { OcrPreprocessOptions, OcrWorkerApi } from '../../shared/contracts/ocr-worker.ts';
import type { BenchImage } from './render-chats.ts';
import { runNative } from './native-tesseract.ts';
import { runThreadline } from './run-threadline.ts';

/** Grey in, nothing else: Threadline hands Tesseract exactly the pixels of the grey PNG given. */
const ENGINE_ONLY: OcrPreprocessOptions = { grayscale: true, invertDark: false, upscale: false, downscale: false, flatten: false, threshold: false, tile: false };

export interface EngineFloor {
  lang: string;
  images: number;
  cpuSeconds: number;
  nativeCpuSeconds: number | null;
}

/**
 * How much slower the WebAssembly build is than native Tesseract on identical input: the same
 * grey pixels (a lossless grey PNG), model, page segmentation and one thread, no preprocessing, best
 * of `repeats`. The floor under Threadline's time ratio, whatever the preprocessing does.
 */
export async function engineFloor(pool: WorkerPool<OcrWorkerApi>, images: readonly BenchImage[], tessdataDirs: string[], nativeTessdata: string, psm: number, repeats: number, scratch: string): Promise<EngineFloor> {
  const grey: BenchImage[] = [];
  for (const image of images) {
    const file = image.file.replace(/\.png$/, '.grey.png');
    writeFileSync(file, await sharp(image.file).greyscale().png().toBuffer());
    grey.push({ ...image, file });
  }
  const lang = images[0]?.lang ?? 'eng';
  await runThreadline(pool, grey.slice(0, 1), tessdataDirs, ENGINE_ONLY); // model loaded and warm
  let cpuSeconds = Infinity;
  let nativeCpuSeconds: number | null = Infinity;
  for (let repeat = 0; repeat < repeats; repeat++) {
    cpuSeconds = Math.min(cpuSeconds, (await runThreadline(pool, grey, tessdataDirs, ENGINE_ONLY)).cpuSeconds);
    const native = runNative(grey.map((image) => image.file), lang, nativeTessdata, psm, scratch).cpuSeconds;
    nativeCpuSeconds = native === null || nativeCpuSeconds === null ? null : Math.min(nativeCpuSeconds, native);
  }
  return { lang, images: grey.length, cpuSeconds, nativeCpuSeconds };
}
