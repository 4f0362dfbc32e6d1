import { Engine } from '../../engine/engine.ts';
import { actorName } from '../actor.ts';
import { EXIT_OK } from '../exit-codes.ts';
import { cancelOnInterrupt } from '../interrupt.ts';
import { createProgressPrinter } from '../progress.ts';
import { decisionsNoLongerFoundText } from '../../shared/domain/decisions-no-longer-found-text.ts';

export interface RetagCommandOptions {
  json?: boolean;
}

/**
 * `threadline tag --case <case-dir>`: what the app's "Look for indicators again" does, from the
 * command line: every message of the case and the text read from its images are tagged with the
 * current rule packs; analyst decisions are kept, and those on indicators no longer found are
 * counted. --json prints {"case", "messages", "ocrMessages", "decisionsNoLongerFound"}.
 * A Ctrl-C stops it as the task's cancel does (exit 1, E_CANCELLED).
 */
/** The analysts' decisions the packs, run again, no longer find the indicator of: kept on record, and where to see them. */
function noLongerFoundLine(count: number): string {
  return count === 0 ? '' : `${decisionsNoLongerFoundText(count)}.\n`;
}

export async function runRetagCase(caseDir: string, options: RetagCommandOptions): Promise<number> {
  const engine = new Engine({ mode: 'cli', actor: actorName() });
  const progress = createProgressPrinter();
  engine.tasks.on('update', (task) => progress.update(task));
  try {
    const session = await engine.openCase(caseDir, false);
    const started = engine.startRetag();
    const stopListening = cancelOnInterrupt('tagging', () => engine.tasks.cancel(started.taskId));
    try {
      const summary = await started.done;
      progress.finish();
      process.stdout.write(options.json === true
        ? `${JSON.stringify({ case: session.path, messages: summary.messages, ocrMessages: summary.ocrMessages, decisionsNoLongerFound: summary.decisionsNoLongerFound })}\n`
        : `Tagged again: ${summary.messages} messages, and the text read from the images of ${summary.ocrMessages}.\n${noLongerFoundLine(summary.decisionsNoLongerFound)}`);
      return EXIT_OK;
    } finally {
      stopListening();
    }
  } finally {
    await engine.dispose();
  }
}
