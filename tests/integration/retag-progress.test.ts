import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Engine } from '../../engine/engine.ts';
import type { TaskView } from '../../shared/domain/task.ts';
import { generateWhatsAppExport } from '../support/generate-whatsapp.ts';
import { tempFolder, writeTemp } from '../support/temp-case.ts';

const MESSAGES = 30_000;
const engine = new Engine({ mode: 'cli', actor: 'analyst-a' });
afterAll(async () => {
  await engine.dispose();
});

describe('"Look for indicators again" on a big source', () => {
  it('regression: says how far into the source it is, not only which source', async () => {
    // The run said "tagging source 1 of 1" until the source was done: one of hundreds of thousands
    // of messages held the bar and its words still for minutes.
    const folder = tempFolder();
    await engine.openCase(join(folder, 'case'), true);
    await engine.startImport([writeTemp(folder, 'big.txt', generateWhatsAppExport(MESSAGES, 7))], { timeZone: 'UTC' }).done;
    const stages: string[] = [];
    const listen = (task: TaskView) => {
      if (task.kind === 'tag') stages.push(task.stage);
    };
    engine.tasks.on('update', listen);
    const summary = await engine.startRetag().done;
    engine.tasks.off('update', listen);
    expect(summary.messages).toBe(MESSAGES);
    const counts = stages.map((stage) => /^tagging source 1 of 1: ([\d,]+) messages so far$/u.exec(stage)?.[1]).filter((count) => count !== undefined);
    expect(counts.length, stages.join(' | ')).toBeGreaterThan(0);
    expect(counts.map((count) => Number(count.replaceAll(',', ''))).every((count) => count > 0 && count <= MESSAGES)).toBe(true);
  }, 180_000);
});
