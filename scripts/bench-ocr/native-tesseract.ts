import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface NativeRun {
  texts: string[];
  seconds: number;
}

export function nativeVersion(): string | null {
  const probe = spawnSync('tesseract', ['--version'], { encoding: 'utf8' });
  if (probe.error !== undefined || probe.status !== 0) return null;
  return (probe.stdout || probe.stderr).split('\n')[0]?.trim() ?? null;
}

/**
 * The native `tesseract` command on the same images, with the same model file, engine (LSTM)
 * and page segmentation, one thread (OMP_THREAD_LIMIT=1). The images go in as one list so the
 * model is loaded once, as Threadline's worker does; pages come back separated by form feeds.
 */
export function runNative(images: readonly string[], lang: string, tessdataDir: string, scratch: string): NativeRun {
  const list = join(scratch, `native-${lang}.txt`);
  const outputBase = join(scratch, `native-${lang}-out`);
  writeFileSync(list, `${images.join('\n')}\n`);
  const started = performance.now();
  const run = spawnSync('tesseract', [list, outputBase, '-l', lang, '--oem', '1', '--psm', '3', '--tessdata-dir', tessdataDir], {
    encoding: 'utf8',
    env: { ...process.env, OMP_THREAD_LIMIT: '1' },
  });
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`native tesseract failed: ${run.stderr}`);
  const texts = readFileSync(`${outputBase}.txt`, 'utf8').split('\f');
  if (texts.length !== images.length) throw new Error(`native tesseract returned ${texts.length} pages for ${images.length} images`);
  return { texts, seconds };
}
