import { Engine } from '../../engine/engine.ts';
import { recordDecision } from '../../engine/markers/review.ts';
import type { DecisionKind } from '../../shared/domain/marker.ts';
import { actorName } from '../actor.ts';
import { EXIT_OK } from '../exit-codes.ts';

export interface ReviewCommandOptions {
  message: string;
  decision: DecisionKind;
  marker?: string;
  note?: string;
  by?: string;
  json?: boolean;
}

/** `threadline review`: records an analyst's decision on a message or one of its indicators. */
export async function runReview(caseDir: string, options: ReviewCommandOptions): Promise<number> {
  const by = options.by ?? actorName();
  const engine = new Engine({ mode: 'cli', actor: by });
  try {
    const session = await engine.openCase(caseDir, false);
    const decision = await recordDecision(session, {
      messageId: options.message,
      decision: options.decision,
      by,
      ...(options.marker === undefined ? {} : { marker: options.marker }),
      ...(options.note === undefined ? {} : { note: options.note }),
    });
    process.stdout.write(options.json === true ? `${JSON.stringify(decision)}\n` : `Recorded: ${decision.decision}${decision.marker === null ? '' : ` ${decision.marker}`} on ${decision.messageId} by ${decision.by} at ${decision.at}\n`);
    // As the Review view shows it apart: the decision is recorded on an indicator the packs do not find in the message now.
    const [noLongerFound] = decision.marker === null ? [] : (await session.db.client.call('decisionsOnIndicatorsNoLongerFound', { messageIds: [decision.messageId] })).filter((entry) => entry.decision.marker === decision.marker);
    if (noLongerFound !== undefined) {
      process.stderr.write(`Note: indicator ${decision.marker ?? ''} is no longer found in this message by ${noLongerFound.noLongerFoundBy}; the decision is recorded, shown apart in the review and marked in an evidence package.\n`);
    }
    return EXIT_OK;
  } finally {
    await engine.dispose();
  }
}
