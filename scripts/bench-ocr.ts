// OCR benchmark: `npx tsx scripts/bench-ocr.ts [--json] [--quick] [--keep]`.
// Renders chat screenshots with known text (light/dark, phone/low-res/scrolling, English,
// Romanian, Russian) in Chromium, then measures character error rate and seconds per image for
// Threadline and for the native `tesseract` command on the same images with the same model
// files and one thread each, checks the targets, measures pool scaling and the effect of every
// preprocessing step. Images go to a temp folder, never into the repository.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { ocrFiles } from '../engine/ocr/ocr-files.ts';
import { WorkerPool } from '../engine/workers/worker-pool.ts';
import type { OcrEngineInfo, OcrPreprocessOptions, OcrResult, OcrWorkerApi } from '../shared/contracts/ocr-worker.ts';
import { DEFAULT_OCR_PREPROCESS } from '../shared/contracts/ocr-worker.ts';
import type { BenchLanguage } from './bench-ocr/corpus.ts';
import type { EngineFloor } from './bench-ocr/engine-floor.ts';
import { engineFloor } from './bench-ocr/engine-floor.ts';
import { levenshtein, normaliseForCer } from './bench-ocr/metrics.ts';
import type { NativeRun } from './bench-ocr/native-tesseract.ts';
import { nativeVersion, runNative } from './bench-ocr/native-tesseract.ts';
import type { BenchImage } from './bench-ocr/render-chats.ts';
import { renderChats } from './bench-ocr/render-chats.ts';
import { printReport } from './bench-ocr/report.ts';
import type { BenchReport, GroupScore, StepEffect } from './bench-ocr/report.ts';
import type { ThreadlineRun } from './bench-ocr/run-threadline.ts';
import { runThreadline } from './bench-ocr/run-threadline.ts';

const DEBIAN_TESSDATA = '/usr/share/tesseract-ocr/5/tessdata';
const SEED = 20_240_611;
const CER_TARGET: Record<BenchLanguage, number> = { eng: 0.03, ron: 0.06, rus: 0.06 };
const STEPS: (keyof OcrPreprocessOptions)[] = ['grayscale', 'invertDark', 'upscale', 'downscale', 'flatten', 'threshold', 'tile'];

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const repeats = quick ? 1 : 2;
let engineInfo: OcrEngineInfo | null = null;
const scratch = mkdtempSync(join(tmpdir(), 'threadline-bench-ocr-'));
const loadAtStart = loadavg()[0] ?? 0;

try {
  const native = nativeVersion();
  if (native === null) throw new Error('The native tesseract command is missing: apt-get install tesseract-ocr tesseract-ocr-ron tesseract-ocr-rus');
  const langs = (['eng', 'ron', 'rus'] as const).filter((lang) => lang === 'eng' || existsSync(join(DEBIAN_TESSDATA, `${lang}.traineddata`)));
  const images = await renderChats(scratch, { langs, perKind: quick ? { phone: 2, small: 2, tall: 1 } : { phone: 4, small: 4, tall: 2 }, seed: SEED });
  const nativeTessdata = stageNativeModels(langs);
  if (args.includes('--keep')) writeFileSync(join(scratch, 'truth.json'), JSON.stringify(Object.fromEntries(images.map((image) => [image.file, image.truth])), null, 1));

  // Threadline (one worker, one Tesseract thread) against native (OMP_THREAD_LIMIT=1), alone,
  // alternating and keeping each side's best of REPEATS runs so load from elsewhere evens out.
  const baseline: GroupScore[] = [];
  const floors: EngineFloor[] = [];
  let psmUsed = 3;
  const single = new WorkerPool<OcrWorkerApi>('ocr', 1);
  try {
    for (const lang of langs) {
      const group = images.filter((image) => image.lang === lang);
      // Threadline first: the native command then gets the page segmentation mode it recorded.
      const runs = [await runThreadline(single, group, tessdataDirsFor(lang), DEFAULT_OCR_PREPROCESS)];
      const psm = runs[0]?.results[0]?.parameters.psm ?? 3;
      psmUsed = psm;
      const nativeRuns = [runNative(group.map((image) => image.file), lang, nativeTessdata[lang] as string, psm, scratch)];
      for (let repeat = 1; repeat < repeats; repeat++) {
        runs.push(await runThreadline(single, group, tessdataDirsFor(lang), DEFAULT_OCR_PREPROCESS));
        nativeRuns.push(runNative(group.map((image) => image.file), lang, nativeTessdata[lang] as string, psm, scratch));
      }
      const run = runs[0] as ThreadlineRun;
      const nativeRun = nativeRuns[0] as NativeRun;
      const best = (values: readonly (number | null)[]): number | null => (values.some((value) => value === null) ? null : Math.min(...(values as number[])));
      baseline.push({
        lang,
        images: group.length,
        cer: aggregateCer(run.results.map((result) => result.text), group),
        nativeCer: aggregateCer(nativeRun.texts, group),
        secondsPerImage: (best(runs.map((each) => each.wallSeconds)) ?? 0) / group.length,
        nativeSecondsPerImage: (best(nativeRuns.map((each) => each.seconds)) ?? 0) / group.length,
        cpuSecondsPerImage: (best(runs.map((each) => each.cpuSeconds)) ?? 0) / group.length,
        nativeCpuSecondsPerImage: ((value) => (value === null ? null : value / group.length))(best(nativeRuns.map((each) => each.cpuSeconds))),
        target: CER_TARGET[lang],
        byKind: byKind(group, run.results.map((result) => result.text), nativeRun.texts),
      });
    }
    // The same with no preprocessing on the light images (where native reads as much as we do).
    for (const lang of langs) {
      const light = images.filter((image) => image.lang === lang && image.theme === 'light' && image.kind !== 'small');
      floors.push(await engineFloor(single, light, tessdataDirsFor(lang), nativeTessdata[lang] as string, psmUsed, repeats, scratch));
    }
  } finally {
    await single.terminate();
  }

  // Each preprocessing step flipped against the defaults, on the images it acts on (two workers).
  const steps: StepEffect[] = [];
  const pair = new WorkerPool<OcrWorkerApi>('ocr', Math.min(2, availableParallelism()));
  try {
    const defaults = await runGrouped(pair, images, DEFAULT_OCR_PREPROCESS);
    for (const step of STEPS) {
      const flipped = await runGrouped(pair, images, { ...DEFAULT_OCR_PREPROCESS, [step]: !DEFAULT_OCR_PREPROCESS[step] }, (index) => appliesTo(step, defaults[index]));
      const [on, off] = DEFAULT_OCR_PREPROCESS[step] ? [defaults, flipped] : [flipped, defaults];
      const affected = images.map((_image, index) => index).filter((index) => appliesTo(step, on[index]));
      const pick = <T>(list: readonly T[]): T[] => affected.map((index) => list[index] as T);
      steps.push({
        step,
        enabledByDefault: DEFAULT_OCR_PREPROCESS[step],
        images: affected.length,
        cerOn: aggregateCer(pick(on).map((result) => result?.text ?? ''), pick(images)),
        cerOff: aggregateCer(pick(off).map((result) => result?.text ?? ''), pick(images)),
        secondsOn: meanSeconds(pick(on)),
        secondsOff: meanSeconds(pick(off)),
      });
    }
  } finally {
    await pair.terminate();
  }

  // Pool scaling through the engine's own entry point: the same images on 1 and on 2 workers,
  // best of REPEATS. CPU time over wall time shows how many cores the process really kept busy.
  const scaling = images.filter((image) => image.lang === 'eng' && image.kind === 'phone').map((image) => image.file);
  const work = [...scaling, ...scaling, ...scaling, ...scaling];
  const measure = async (poolSize: number): Promise<{ seconds: number; cpuSeconds: number }> => {
    let best = { seconds: Infinity, cpuSeconds: 0 };
    for (let repeat = 0; repeat < repeats; repeat++) {
      const cpu = process.cpuUsage();
      const started = performance.now();
      await ocrFiles(work, { langs: ['eng'], tessdataDirs: [], poolSize }, () => {}, new AbortController().signal);
      const seconds = (performance.now() - started) / 1000;
      const used = process.cpuUsage(cpu);
      if (seconds < best.seconds) best = { seconds, cpuSeconds: (used.user + used.system) / 1e6 };
    }
    return best;
  };
  const poolOne = await measure(1);
  const poolTwo = await measure(2);

  const report: BenchReport = {
    native,
    threadline: engineInfo,
    cores: availableParallelism(),
    baseline,
    floors,
    steps,
    pool: { images: work.length, oneWorker: poolOne, twoWorkers: poolTwo },
    loadAverage: [loadAtStart, loadavg()[0] ?? 0],
    scratch: args.includes('--keep') ? scratch : null,
  };
  if (args.includes('--json')) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else printReport(report);
} finally {
  if (!args.includes('--keep')) rmSync(scratch, { recursive: true, force: true });
}

/**
 * Runs every image (or those `only` selects) language by language, as the worker loads one
 * model per language set; the result list is aligned with `images`.
 */
async function runGrouped(pool: WorkerPool<OcrWorkerApi>, all: readonly BenchImage[], preprocess: OcrPreprocessOptions, only: (index: number) => boolean = () => true): Promise<(OcrResult | undefined)[]> {
  const results = new Array<OcrResult | undefined>(all.length).fill(undefined);
  for (const lang of new Set(all.map((image) => image.lang))) {
    const indexes = all.map((_image, index) => index).filter((index) => all[index]?.lang === lang && only(index));
    const run = await runThreadline(pool, indexes.map((index) => all[index] as BenchImage), tessdataDirsFor(lang), preprocess);
    run.results.forEach((result, position) => {
      results[indexes[position] as number] = result;
      engineInfo ??= result.engine;
    });
  }
  return results;
}

/** eng comes from the npm package (Threadline's default); the others from Debian's folder. */
function tessdataDirsFor(lang: BenchLanguage): string[] {
  return lang === 'eng' ? [] : [DEBIAN_TESSDATA];
}

/** The native command gets the very same model files: eng gunzipped from the npm package. */
function stageNativeModels(langs: readonly BenchLanguage[]): Partial<Record<BenchLanguage, string>> {
  const folders: Partial<Record<BenchLanguage, string>> = {};
  for (const lang of langs) {
    if (lang !== 'eng') {
      folders[lang] = DEBIAN_TESSDATA;
      continue;
    }
    const folder = join(scratch, 'tessdata-eng');
    mkdirSync(folder);
    const packaged = createRequire(import.meta.url).resolve('@tesseract.js-data/eng/package.json').replace(/package\.json$/, '4.0.0_best_int/eng.traineddata.gz');
    writeFileSync(join(folder, 'eng.traineddata'), gunzipSync(readFileSync(packaged)));
    folders[lang] = folder;
  }
  return folders;
}

/** Total edits over total characters, so long screenshots weigh in proportion to their text. */
function aggregateCer(texts: readonly string[], images: readonly BenchImage[]): number {
  let edits = 0;
  let characters = 0;
  images.forEach((image, index) => {
    const truth = Array.from(normaliseForCer(image.truth));
    edits += levenshtein(Array.from(normaliseForCer(texts[index] ?? '')), truth);
    characters += truth.length;
  });
  return characters === 0 ? 0 : edits / characters;
}

function byKind(group: readonly BenchImage[], texts: readonly string[], nativeTexts: readonly string[]): GroupScore['byKind'] {
  const kinds = [...new Set(group.map((image) => `${image.kind}/${image.theme}`))];
  return kinds.map((kind) => {
    const indexes = group.map((_image, index) => index).filter((index) => `${group[index]?.kind}/${group[index]?.theme}` === kind);
    const pick = <T>(list: readonly T[]): T[] => indexes.map((index) => list[index] as T);
    return { kind, images: indexes.length, cer: aggregateCer(pick(texts), pick(group)), nativeCer: aggregateCer(pick(nativeTexts), pick(group)) };
  });
}

/** grayscale acts on every image; the others only where their detector fires. */
function appliesTo(step: keyof OcrPreprocessOptions, result: OcrResult | undefined): boolean {
  if (result === undefined) return false;
  if (step === 'grayscale') return true;
  return result.parameters.preprocess.includes(step);
}

function meanSeconds(results: readonly (OcrResult | undefined)[]): number {
  return results.length === 0 ? 0 : results.reduce((sum, result) => sum + (result?.tookMs ?? 0), 0) / results.length / 1000;
}
