import { describe, expect, it } from 'vitest';
import { createImportProgressPrinter } from '../../../cli/commands/import-progress.ts';
import type { SourceProgress, TaskView } from '../../../shared/domain/task.ts';

function fakeStream(isTTY: boolean): { stream: NodeJS.WriteStream; text: () => string } {
  const chunks: string[] = [];
  const stream = { isTTY, columns: 120, write: (chunk: string) => chunks.push(chunk) > 0 } as unknown as NodeJS.WriteStream;
  return { stream, text: () => chunks.join('') };
}

function source(index: number, path: string, patch: Partial<SourceProgress>): SourceProgress {
  return { index, path, format: null, size: 1000, state: 'queued', bytesDone: 0, bytesTotal: 1000, messages: 0, unparsed: 0, attachments: 0, messagesDone: 0, issues: 0, issueSamples: [], error: null, sourceId: null, device: null, timeZone: null, dateOrder: null, csvMapping: null, ...patch };
}

function importTask(sources: SourceProgress[], state: TaskView['state'] = 'RUNNING'): TaskView {
  return { id: 't1', kind: 'import', title: 'Import 3 items', state, stage: 'importing', done: 0, total: 3000, startedAt: '2024-01-01T00:00:00Z', finishedAt: null, error: null, summary: null, sources };
}

/** What a terminal shows: every carriage return rewinds the line. */
function screen(text: string): string[] {
  return text.split('\n').map((line) => (line.split('\r').pop() ?? '').trimEnd());
}

describe('threadline import progress on stderr', () => {
  it('on a terminal, prints a line per source as it ends, under a bar for the source being read', () => {
    const { stream, text } = fakeStream(true);
    const printer = createImportProgressPrinter(stream);
    const a = '/evidence/чат.txt';
    const b = '/evidence/big.txt';
    const c = '/evidence/gone.txt';
    printer.update(importTask([source(0, a, { state: 'reading', format: 'whatsapp-txt', bytesDone: 500 }), source(1, b, {}), source(2, c, {})]));
    expect(screen(text()).at(-1)).toBe('[############..................]  40% 1/3 чат.txt: reading 500 bytes of 1,000 bytes');
    const aDone = source(0, a, { state: 'done', format: 'whatsapp-txt', messages: 9, issues: 1 });
    printer.update(importTask([aDone, source(1, b, { state: 'tagging', format: 'whatsapp-txt', messages: 40, messagesDone: 10 }), source(2, c, {})]));
    const bCancelled = source(1, b, { state: 'cancelled', format: 'whatsapp-txt', error: { code: 'E_CANCELLED', message: 'this source was cancelled by the user; nothing of this source was kept' } });
    const cFailed = source(2, c, { state: 'failed', error: { code: 'E_IMPORT_READ', message: '/evidence/gone.txt cannot be read' } });
    printer.update(importTask([aDone, bCancelled, cFailed], 'DONE'));
    printer.finish();
    expect(screen(text()).filter((line) => line !== '')).toEqual([
      'imported          чат.txt  whatsapp-txt  9 messages · 1 issue',
      'cancelled         big.txt  whatsapp-txt  this source was cancelled by the user; nothing of this source was kept',
      'failed            gone.txt  -  /evidence/gone.txt cannot be read',
    ]);
    // Each source is reported once, however many updates repeat its final state.
    printer.update(importTask([aDone, bCancelled, cFailed], 'DONE'));
    expect(text().match(/imported {10}чат\.txt/gu)).toHaveLength(1);
  });

  it('piped, keeps the plain progress lines and prints nothing per source', () => {
    const { stream, text } = fakeStream(false);
    const printer = createImportProgressPrinter(stream);
    printer.update(importTask([source(0, '/e/a.txt', { state: 'done', messages: 3 })]));
    printer.finish();
    expect(text()).toBe('progress: importing 0%\n');
  });
});
