import type { TaskView } from '../shared/domain/task.ts';

const BAR_WIDTH = 30;
const PLAIN_INTERVAL_MS = 1000;

/** Progress on stderr: a redrawn bar on a terminal, a plain line a second otherwise (CLI.md). */
export function createProgressPrinter(stream: NodeJS.WriteStream = process.stderr): { update(task: TaskView): void; finish(): void } {
  let lastPlainAt = 0;
  let drewBar = false;
  return {
    update(task) {
      if (task.state !== 'RUNNING') return;
      const fraction = task.total !== null && task.total > 0 ? Math.min(1, task.done / task.total) : null;
      const percent = fraction === null ? '' : `${Math.round(fraction * 100)}%`;
      if (stream.isTTY === true) {
        const filled = Math.round((fraction ?? 0) * BAR_WIDTH);
        const bar = `[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}]`;
        stream.write(`\r${bar} ${percent.padStart(4)} ${task.stage}`.slice(0, (stream.columns ?? 100) - 1).padEnd((stream.columns ?? 100) - 1));
        drewBar = true;
        return;
      }
      const now = Date.now();
      if (now - lastPlainAt < PLAIN_INTERVAL_MS) return;
      lastPlainAt = now;
      stream.write(`progress: ${task.stage} ${percent}\n`);
    },
    finish() {
      if (drewBar) stream.write('\n');
    },
  };
}
