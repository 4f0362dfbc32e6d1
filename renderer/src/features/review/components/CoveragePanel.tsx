import type { CoverageReport } from '../../../../../shared/domain/marker.ts';
import { formatCount, formatNumber, formatUtc } from '../../../app/format.ts';
import type { Loaded } from '../state/use-loaded.ts';

function Figure({ label, value, testId, title }: { label: string; value: number; testId?: string; title?: string }) {
  return (
    <div className="figure" title={title}>
      <dt>{label}</dt>
      <dd data-testid={testId}>{formatNumber(value)}</dd>
    </div>
  );
}

/** How far the review has got, and who did it: the numbers a supervisor or a court asks for. */
export function CoveragePanel({ coverage }: { coverage: Loaded<CoverageReport> }) {
  const report = coverage.value;
  const share = report === null || report.tags === 0 ? 0 : report.decided / report.tags;
  return (
    <section className="side-section" data-testid="coverage-panel" aria-labelledby="coverage-title">
      <h2 id="coverage-title">Review coverage</h2>
      {coverage.error !== null && (
        <p className="error" role="alert">
          {coverage.error}
        </p>
      )}
      {report !== null && (
        <>
          <div className="progress" title={`${Math.round(share * 100)}% of the indicators have a decision`}>
            <div className="progress-fill" style={{ width: `${share * 100}%` }} />
          </div>
          <dl className="figures">
            <Figure label="indicators" value={report.tags} title="Indicators tagged in the case" />
            <Figure label="decided" value={report.decided} />
            <Figure label="confirmed" value={report.confirmed} testId="coverage-confirmed" />
            <Figure label="dismissed" value={report.dismissed} />
            <Figure
              label="on indicators no longer found"
              value={report.noLongerFound}
              testId="coverage-no-longer-found"
              title="Decisions on indicators the marker packs no longer find (after “Look for indicators again”): kept on record, not counted as decided, shown in each conversation’s review"
            />
            <Figure label="messages seen" value={report.messagesSeen} title="Messages with at least one decision, note or bookmark" />
            <Figure label="notes" value={report.notes} />
            <Figure label="bookmarks" value={report.bookmarks} />
          </dl>
          {report.byAnalyst.length > 0 ? (
            <ul className="analysts" aria-label="Decisions per analyst">
              {report.byAnalyst.map((analyst) => (
                <li key={analyst.by}>
                  <bdi>{analyst.by}</bdi>: {formatCount(analyst.decisions, 'decision')}
                  <span className="when">first {formatUtc(analyst.first)}</span>
                  <span className="when">last {formatUtc(analyst.last)}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="hint">No decisions yet. Each decision records who made it and when, and goes into the case’s custody log.</p>
          )}
        </>
      )}
    </section>
  );
}
