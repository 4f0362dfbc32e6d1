import type { ReviewItem } from '../../../../../shared/domain/marker.ts';
import { formatUtc } from '../../../app/format.ts';
import { indicatorHint, indicatorLabel } from '../../../app/indicators.ts';

/**
 * Decisions on indicators the marker packs no longer find in this message (after "Look for
 * indicators again"): the analyst's decision is a record and stays, shown apart with the tagger
 * and pack that no longer find the indicator, and can be taken again either way.
 */
export function NoLongerFoundDecisions({ entries, busy, onDecide }: { entries: ReviewItem['noLongerFound']; busy: boolean; onDecide: (marker: string, decision: 'confirm' | 'dismiss') => void }) {
  if (entries.length === 0) return null;
  return (
    <ul className="review-tags review-no-longer-found" aria-label="Decisions on indicators no longer found">
      {entries.map(({ decision, noLongerFoundBy }) => {
        const marker = decision.marker ?? '';
        return (
          <li key={marker} className={`review-tag decision-${decision.decision}`} data-testid="review-no-longer-found" data-marker={marker} data-decision={decision.decision}>
            <span className="tag-name" title={indicatorHint(marker)}>
              {indicatorLabel(marker)}
            </span>
            <span className="tag-meta">no longer found by {noLongerFoundBy}</span>
            <span className="tag-decision">
              {decision.decision === 'confirm' ? 'confirmed' : 'dismissed'} by {decision.by}, {formatUtc(decision.at)}
            </span>
            <span className="tag-buttons">
              <button type="button" className="small confirm" data-testid="review-no-longer-found-confirm" aria-pressed={decision.decision === 'confirm'} disabled={busy} onClick={() => onDecide(marker, 'confirm')}>
                Confirm
              </button>
              <button type="button" className="small dismiss" data-testid="review-no-longer-found-dismiss" aria-pressed={decision.decision === 'dismiss'} disabled={busy} onClick={() => onDecide(marker, 'dismiss')}>
                Dismiss
              </button>
            </span>
          </li>
        );
      })}
    </ul>
  );
}
