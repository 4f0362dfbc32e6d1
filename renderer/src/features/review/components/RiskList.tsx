import type { ConversationRisk } from '../../../../../shared/domain/marker.ts';
import { formatCount, formatNumber, formatUtcDayRange } from '../../../app/format.ts';
import { formatScore, indicatorHint, indicatorLabel, SCORE_EXPLANATION } from '../../../app/indicators.ts';
import { WeekHistogram } from './WeekHistogram.tsx';

const SHOWN_SENDERS = 3;

function dateRange(risk: ConversationRisk): string {
  const firsts = risk.markers.map((marker) => marker.first).filter((value): value is string => value !== null);
  const lasts = risk.markers.map((marker) => marker.last).filter((value): value is string => value !== null);
  const first = firsts.sort()[0] ?? null;
  const last = lasts.sort()[lasts.length - 1] ?? null;
  return formatUtcDayRange(first, last);
}

function scoreLevel(score: number): string {
  return score >= 0.9 ? 'high' : score >= 0.6 ? 'medium' : 'low';
}

export function ScoreBar({ score }: { score: number }) {
  return (
    <span className="score" title={SCORE_EXPLANATION}>
      <span className="score-label">indicator score</span>
      <span className={`score-bar level-${scoreLevel(score)}`} aria-hidden="true">
        <span className="score-fill" style={{ width: `${Math.round(score * 100)}%` }} />
      </span>
      <span className="score-value">{formatScore(score)}</span>
    </span>
  );
}

function markerState(marker: ConversationRisk['markers'][number]): string {
  if (marker.confirmed > 0) return 'confirmed';
  if (marker.dismissed >= marker.messages) return 'dismissed';
  return 'open';
}

function RiskItem({ risk, selected, onSelect }: { risk: ConversationRisk; selected: boolean; onSelect: () => void }) {
  const senders = risk.senders.slice(0, SHOWN_SENDERS);
  return (
    <li>
      <button type="button" className="risk-item" data-testid="risk-item" data-chat-id={risk.chatId} aria-current={selected ? 'true' : undefined} onClick={onSelect}>
        <span className="risk-title" dir="auto">
          {risk.title}
        </span>
        <ScoreBar score={risk.score} />
        <span className="chips">
          {risk.markers.map((marker) => (
            <span key={marker.marker} className={`chip chip-${markerState(marker)}`} title={`${indicatorHint(marker.marker)}\n${formatCount(marker.messages, 'message')}, best score ${formatScore(marker.maxScore)}, ${marker.confirmed} confirmed, ${marker.dismissed} dismissed`}>
              {indicatorLabel(marker.marker)}
              {marker.messages > 1 && <span className="chip-count">×{formatNumber(marker.messages)}</span>}
            </span>
          ))}
        </span>
        <span className="risk-meta">
          <span>{formatCount(risk.taggedMessages, 'tagged message')}</span>
          <span className={risk.unreviewed > 0 ? 'unreviewed' : 'reviewed'}>{risk.unreviewed > 0 ? `${formatNumber(risk.unreviewed)} to decide` : 'all decided'}</span>
          <span>{dateRange(risk)}</span>
          {risk.noLongerFound > 0 && (
            <span className="unreviewed" data-testid="risk-no-longer-found" title="Decisions on indicators the marker packs no longer find: kept on record, shown in the review to decide again">
              {formatCount(risk.noLongerFound, 'decision')} on indicators no longer found
            </span>
          )}
        </span>
        {senders.length > 0 && (
          <span className="risk-senders" title="Who sent the tagged messages, most first">
            from{' '}
            {senders.map((sender, index) => (
              <span key={sender.sender}>
                {index > 0 && ', '}
                <bdi>{sender.sender}</bdi> ({formatNumber(sender.messages)})
              </span>
            ))}
            {risk.senders.length > senders.length && ` +${risk.senders.length - senders.length}`}
          </span>
        )}
        <WeekHistogram weeks={risk.weeks} />
      </button>
    </li>
  );
}

/** Conversations with indicators, highest indicator score first. */
export function RiskList({ risks, loading, error, selectedId, onSelect }: { risks: ConversationRisk[]; loading: boolean; error: string | null; selectedId: string | null; onSelect: (chatId: string) => void }) {
  return (
    <section className="risk-panel" aria-labelledby="risk-title">
      <h2 id="risk-title">
        Conversations by indicator score <span className="muted">{risks.length > 0 ? risks.length : ''}</span>
      </h2>
      {error !== null && (
        <p className="error empty" role="alert">
          {error}
        </p>
      )}
      {!loading && error === null && risks.length === 0 && (
        <p className="muted empty" data-testid="risk-empty">
          No indicators in this case. Indicators are tagged when chats are imported; after a rule pack update use “Tag again”.
        </p>
      )}
      <ul className="risk-list" data-testid="risk-list">
        {risks.map((risk) => (
          <RiskItem key={risk.chatId} risk={risk} selected={risk.chatId === selectedId} onSelect={() => onSelect(risk.chatId)} />
        ))}
      </ul>
    </section>
  );
}
