import type { OcrEngineInfo, OcrPreprocessOptions } from '../../shared/contracts/ocr-worker.ts';
import type { EngineFloor } from './engine-floor.ts';

export interface GroupScore {
  lang: string;
  images: number;
  cer: number;
  nativeCer: number;
  /** Wall-clock seconds per image, model load included once, best of the repeats. */
  secondsPerImage: number;
  nativeSecondsPerImage: number;
  /** CPU seconds per image: what the engines cost, whatever else runs on the machine. */
  cpuSecondsPerImage: number;
  nativeCpuSecondsPerImage: number | null;
  target: number;
  byKind: { kind: string; images: number; cer: number; nativeCer: number }[];
}

export interface StepEffect {
  step: keyof OcrPreprocessOptions;
  enabledByDefault: boolean;
  /** Images the step acts on (where its detector fires; all images for grayscale). */
  images: number;
  cerOn: number;
  cerOff: number;
  secondsOn: number;
  secondsOff: number;
}

export interface PoolRun {
  seconds: number;
  /** CPU seconds of the whole process (all threads) during the run. */
  cpuSeconds: number;
}

export interface BenchReport {
  native: string;
  threadline: OcrEngineInfo | null;
  cores: number;
  baseline: GroupScore[];
  floors: EngineFloor[];
  steps: StepEffect[];
  pool: { images: number; oneWorker: PoolRun; twoWorkers: PoolRun };
  /** One-minute load average at the start and the end: other work on the machine skews times. */
  loadAverage: [number, number];
  scratch: string | null;
}

/** No worse than native by more than this many CER points. */
const CER_MARGIN = 0.01;
const TIME_RATIO_TARGET = 1.5;
/** Two workers on two cores should come close to twice as fast. */
const POOL_SPEEDUP_TARGET = 1.6;

const percent = (value: number): string => `${(value * 100).toFixed(2)}%`;
const seconds = (value: number): string => `${value.toFixed(2)} s`;
const verdict = (ok: boolean): string => (ok ? 'OK  ' : 'MISS');

export function printReport(report: BenchReport): void {
  const lines: string[] = [];
  const engine = report.threadline;
  lines.push(`Threadline OCR: tesseract.js ${engine?.version ?? '?'} (core ${engine?.coreVersion ?? '?'}, Tesseract ${engine?.tesseractVersion ?? '?'}) vs native ${report.native}; ${report.cores} cores`);
  lines.push('');
  lines.push('lang  images  CER threadline  CER native  wall s/img threadline / native (ratio)   CPU s/img threadline / native (ratio)');
  for (const group of report.baseline) {
    const cpu = group.nativeCpuSecondsPerImage === null ? 'n/a' : `${seconds(group.cpuSecondsPerImage)} / ${seconds(group.nativeCpuSecondsPerImage)} (${timeRatio(group).toFixed(2)})`;
    lines.push(`${group.lang.padEnd(6)}${String(group.images).padEnd(8)}${percent(group.cer).padEnd(16)}${percent(group.nativeCer).padEnd(12)}${`${seconds(group.secondsPerImage)} / ${seconds(group.nativeSecondsPerImage)} (${(group.secondsPerImage / group.nativeSecondsPerImage).toFixed(2)})`.padEnd(40)}${cpu}`);
    for (const kind of group.byKind) lines.push(`        ${kind.kind.padEnd(14)} ${String(kind.images).padEnd(3)} CER ${percent(kind.cer).padEnd(8)} native ${percent(kind.nativeCer)}`);
  }
  lines.push('');
  lines.push('Targets');
  for (const group of report.baseline) {
    lines.push(`  ${verdict(group.cer <= group.target)} ${group.lang} CER ${percent(group.cer)} <= ${percent(group.target)}`);
    lines.push(`  ${verdict(group.cer <= group.nativeCer + CER_MARGIN)} ${group.lang} CER within 1 point of native (${percent(group.cer - group.nativeCer)} difference)`);
    lines.push(`  ${verdict(timeRatio(group) <= TIME_RATIO_TARGET)} ${group.lang} time per image ${timeRatio(group).toFixed(2)}x native <= ${TIME_RATIO_TARGET}x (${group.nativeCpuSecondsPerImage === null ? 'wall clock' : 'CPU time'})`);
  }
  const { oneWorker, twoWorkers } = report.pool;
  const speedup = oneWorker.seconds / twoWorkers.seconds;
  lines.push(`  ${verdict(speedup >= POOL_SPEEDUP_TARGET)} pool: ${report.pool.images} images in ${seconds(oneWorker.seconds)} on 1 worker, ${seconds(twoWorkers.seconds)} on 2 (${speedup.toFixed(2)}x, target >= ${POOL_SPEEDUP_TARGET}x)`);
  lines.push(`       cores kept busy (CPU time / wall time): ${(oneWorker.cpuSeconds / oneWorker.seconds).toFixed(2)} with 1 worker, ${(twoWorkers.cpuSeconds / twoWorkers.seconds).toFixed(2)} with 2`);
  lines.push(`       load average ${report.loadAverage[0].toFixed(2)} at start, ${report.loadAverage[1].toFixed(2)} at end on ${report.cores} cores (other work skews every time above)`);
  lines.push('');
  lines.push('Engine alone (same grey pixels, model, page segmentation, one thread; light phone and tall images)');
  for (const floor of report.floors) {
    const ratio = floor.nativeCpuSeconds === null ? 'n/a' : `${(floor.cpuSeconds / floor.nativeCpuSeconds).toFixed(2)}x`;
    lines.push(`  ${floor.lang}: ${seconds(floor.cpuSeconds / floor.images)} vs native ${floor.nativeCpuSeconds === null ? 'n/a' : seconds(floor.nativeCpuSeconds / floor.images)} CPU per image: tesseract.js is ${ratio} native`);
  }
  lines.push('');
  lines.push('Preprocessing steps (each flipped against the defaults, on the images it acts on)');
  lines.push('step        default  images  CER on    CER off   s/img on  s/img off  effect');
  for (const step of report.steps) {
    lines.push(`${step.step.padEnd(12)}${(step.enabledByDefault ? 'on' : 'off').padEnd(9)}${String(step.images).padEnd(8)}${percent(step.cerOn).padEnd(10)}${percent(step.cerOff).padEnd(10)}${seconds(step.secondsOn).padEnd(10)}${seconds(step.secondsOff).padEnd(11)}${describeEffect(step)}`);
  }
  if (report.scratch !== null) lines.push('', `Images kept in ${report.scratch}`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

/** CPU time when measured (load elsewhere on the machine does not skew it), else wall clock. */
function timeRatio(group: GroupScore): number {
  return group.nativeCpuSecondsPerImage === null ? group.secondsPerImage / group.nativeSecondsPerImage : group.cpuSecondsPerImage / group.nativeCpuSecondsPerImage;
}

/** CER first (a tenth of a point counts), then time (10% counts). */
function describeEffect(step: StepEffect): string {
  if (step.images === 0) return 'not exercised';
  const cerGain = step.cerOff - step.cerOn;
  const timeGain = step.secondsOff - step.secondsOn;
  const parts: string[] = [];
  if (Math.abs(cerGain) >= 0.001) parts.push(cerGain > 0 ? `CER -${percent(cerGain)}` : `CER +${percent(-cerGain)}`);
  if (Math.abs(timeGain) >= 0.1 * step.secondsOff) parts.push(timeGain > 0 ? `${((timeGain / step.secondsOff) * 100).toFixed(0)}% faster` : `${((-timeGain / step.secondsOff) * 100).toFixed(0)}% slower`);
  return parts.length === 0 ? 'no measurable effect' : parts.join(', ');
}
