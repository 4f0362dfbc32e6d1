import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface NativeRun {
  texts: string[];
  seconds: number;
  /** CPU seconds the command used (user + system), or null where /proc is not available. */
  cpuSeconds: number | null;
}

export function nativeVersion(): string | null {
  const probe = spawnSync('tesseract', ['--version'], { encoding: 'utf8' });
  if (probe.error !== undefined || probe.status !== 0) return null;
  return (probe.stdout || probe.stderr).split('\n')[0]?.trim() ?? null;
}

/**
 * The native `tesseract` command on the same images, with the same model file, engine (LSTM)
 * and page segmentation mode as Threadline, one thread (OMP_THREAD_LIMIT=1). The images go in as one list so the
 * model is loaded once, as Threadline's worker does; pages come back separated by form feeds.
 */
export function runNative(images: readonly string[], lang: string, tessdataDir: string, psm: number, scratch: string): NativeRun {
  const list = join(scratch, `native-${lang}.txt`);
  const outputBase = join(scratch, `native-${lang}-out`);
  writeFileSync(list, `${images.join('\n')}\n`);
  const cpuBefore = childrenCpuSeconds();
  const started = performance.now();
  const run = spawnSync('tesseract', [list, outputBase, '-l', lang, '--oem', '1', '--psm', String(psm), '--tessdata-dir', tessdataDir], {
    encoding: 'utf8',
    env: { ...process.env, OMP_THREAD_LIMIT: '1' },
  });
  const seconds = (performance.now() - started) / 1000;
  const cpuAfter = childrenCpuSeconds();
  if (run.status !== 0) throw new Error(`native tesseract failed: ${run.stderr}`);
  const texts = readFileSync(`${outputBase}.txt`, 'utf8').split('\f');
  if (texts.length !== images.length) throw new Error(`native tesseract returned ${texts.length} pages for ${images.length} images`);
  return { texts, seconds, cpuSeconds: cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore };
}

const clockTicks = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;

/**
 * CPU time of this process's finished children (cutime + cstime in /proc/self/stat): the kernel
 * adds a child's time there when it is waited for, so the difference around spawnSync is the
 * command's own CPU time, unaffected by other work competing for the cores.
 */
function childrenCpuSeconds(): number | null {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]?.split(' ') ?? [];
    const ticks = Number(fields[13]) + Number(fields[14]);
    return Number.isFinite(ticks) ? ticks / clockTicks : null;
  } catch {
    return null;
  }
}
