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
    // Seconds per step of the source, from the task's per-source state as the UI sees it.
    const stages: Record<string, number> = {};
    let stage: { name: string; since: number } | null = null;
    engine.on('event', (event) => {
      if (event.name !== 'task.update') return;
      const state = event.payload.sources?.[0]?.state;
      if (state === undefined || state === stage?.name) return;
      const now = performance.now();
      if (stage !== null) stages[stage.name] = (stages[stage.name] ?? 0) + (now - stage.since) / 1000;
      stage = { name: state, since: now };
    });
    const started = performance.now();
    const summary = await engine.startImport([file], { timeZone: 'UTC' }).done;
    const seconds = (performance.now() - started) / 1000;
    const last = stage as { name: string; since: number } | null;
    if (last !== null && last.name !== 'done') stages[last.name] = (stages[last.name] ?? 0) + (performance.now() - last.since) / 1000;
    const source = summary.sources[0];
    if (source?.status !== 'imported') throw new Error(`import failed: ${JSON.stringify(source?.error)}`);
    process.stdout.write(`${JSON.stringify({ messages: source.messages, unparsed: source.unparsed, seconds: { total: seconds }, stages, peakRssMb: peakRssMb() })}\n`);
  } finally {
    await engine.dispose();
    rmSync(casePath, { recursive: true, force: true });
  }
}
process.exit(0);
