import { formatUtc } from '../../../app/format.ts';
import { formatScore, indicatorHint, indicatorLabel } from '../../../app/indicators.ts';
import type { ReviewDecision } from '../../../../../shared/domain/marker.ts';
import type { MessageIndicators } from '../state/use-chat-indicators.ts';
import { NoteList } from '../../../app/NoteList.tsx';

function decisionWord(decision: ReviewDecision | null): string {
  if (decision === null) return 'not decided';
  return decision.decision === 'confirm' ? 'confirmed' : 'dismissed';
}

/** The indicators of one message in the conversation view: what, how strong, and what the analyst decided; then the analyst's notes. */
export function MessageIndicatorList({ indicators }: { indicators: MessageIndicators }) {
  return (
    <>
      {(indicators.tags.length + indicators.noLongerFound.length > 0 || indicators.bookmarked) && <IndicatorChips indicators={indicators} />}
      {indicators.notes.length > 0 && <NoteList notes={indicators.notes} className="review-notes message-notes" testIds />}
    </>
  );
}

function IndicatorChips({ indicators }: { indicators: MessageIndicators }) {
  return (
    <ul className="message-indicators" data-testid="message-indicators" aria-label="Indicators">
      {indicators.bookmarked && (
        <li className="message-indicator badge-bookmark" data-testid="message-bookmarked">
          bookmarked
        </li>
      )}
      {indicators.tags.map((tag) => {
        const decided = tag.decision === null ? '' : ` by ${tag.decision.by}, ${formatUtc(tag.decision.at)}`;
        return (
          <li
            key={`${tag.marker} ${tag.origin}`}
            className={`message-indicator decision-${tag.decision?.decision ?? 'none'}`}
            data-testid="message-indicator"
            data-marker={tag.marker}
            data-decision={tag.decision?.decision ?? ''}
            title={`${indicatorHint(tag.marker)}\nRule ${tag.rule}, tagger ${tag.tagger}, pack ${tag.packVersion}\n${decisionWord(tag.decision)}${decided}`}
          >
            {indicatorLabel(tag.marker)} {formatScore(tag.score)} · {decisionWord(tag.decision)}
            {tag.origin === 'ocr' && ' · in its image text'}
          </li>
        );
      })}
      {indicators.noLongerFound.map(({ decision, noLongerFoundBy }) => (
        <li
          key={`no longer found ${decision.marker ?? ''}`}
          className={`message-indicator no-longer-found decision-${decision.decision}`}
          data-testid="message-indicator-no-longer-found"
          data-marker={decision.marker ?? ''}
          data-decision={decision.decision}
          title={`${indicatorHint(decision.marker ?? '')}\n${decisionWord(decision)} by ${decision.by}, ${formatUtc(decision.at)}; the indicator is no longer found by ${noLongerFoundBy}. The decision is kept; the Review view lists it to decide again.`}
        >
          {indicatorLabel(decision.marker ?? '')} · {decisionWord(decision)} · no longer found
        </li>
      ))}
    </ul>
  );
}
