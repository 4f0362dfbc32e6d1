import { formatUtc } from '../../../app/format.ts';
import { formatScore, indicatorHint, indicatorLabel } from '../../../app/indicators.ts';
import type { MessageIndicators } from '../state/use-chat-indicators.ts';

function decisionWord(tag: MessageIndicators[number]): string {
  if (tag.decision === null) return 'not decided';
  return tag.decision.decision === 'confirm' ? 'confirmed' : 'dismissed';
}

/** The indicators of one message in the conversation view: what, how strong, and what the analyst decided. */
export function MessageIndicatorList({ indicators }: { indicators: MessageIndicators }) {
  return (
    <ul className="message-indicators" data-testid="message-indicators" aria-label="Indicators">
      {indicators.map((tag) => {
        const decided = tag.decision === null ? '' : ` by ${tag.decision.by}, ${formatUtc(tag.decision.at)}`;
        return (
          <li
            key={`${tag.marker} ${tag.origin}`}
            className={`message-indicator decision-${tag.decision?.decision ?? 'none'}`}
            data-testid="message-indicator"
            data-marker={tag.marker}
            data-decision={tag.decision?.decision ?? ''}
            title={`${indicatorHint(tag.marker)}\nRule ${tag.rule}, tagger ${tag.tagger}, pack ${tag.packVersion}\n${decisionWord(tag)}${decided}`}
          >
            {indicatorLabel(tag.marker)} {formatScore(tag.score)} · {decisionWord(tag)}
            {tag.origin === 'ocr' && ' · in its image text'}
          </li>
        );
      })}
    </ul>
  );
}
