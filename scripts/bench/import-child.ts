// One import measurement in a process of its own, so its peak RSS is its own.
//   parse-store <file> <format>   parse + store through the import and db workers (no index)
//   engine <file>                 Engine.startImport: every stage (index, languages, tags) included
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Engine } from '../../engine/engine.ts';
import { parseAndStore } from './import-pipeline.ts';
import { peakRssMb } from './measure.ts';

const [mode, file, format] = process.argv.slice(2);
if (file === undefined) throw new Error('usage: import-child parse-store|engine <file> [format]');
if (mode === 'parse-store') {
  const result = await parseAndStore(file, format ?? '');
  process.stdout.write(`${JSON.stringify({ ...result, peakRssMb: peakRssMb() })}\n`);
} else {
  const casePath = mkdtempSync(join(tmpdir(), 'threadline-import-bench-engine-'));
  const engine = new Engine({ mode: 'cli', actor: 'bench' });
  try {
    await engine.openCase(join(casePath, 'case'), true);
    const started = performance.now();
    const summary = await engine.startImport([file], { timeZone: 'UTC' }).done;
    const seconds = (performance.now() - started) / 1000;
    const source = summary.sources[0];
    if (source?.status !== 'imported') throw new Error(`import failed: ${JSON.stringify(source?.error)}`);
    process.stdout.write(`${JSON.stringify({ messages: source.messages, unparsed: source.unparsed, seconds: { total: seconds }, peakRssMb: peakRssMb() })}\n`);
  } finally {
    await engine.dispose();
    rmSync(casePath, { recursive: true, force: true });
  }
}
process.exit(0);
