import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../../api/client.ts';
import { describeError } from '../../../app/format.ts';
import type { OpenTarget } from '../state/open-target.ts';
import { useLoaded } from '../state/use-loaded.ts';
import { withReviewFigures } from '../state/review-figures.ts';
import { useReviewKeys } from '../state/use-review-keys.ts';
import { CoveragePanel } from './CoveragePanel.tsx';
import { IdentifiersPanel } from './IdentifiersPanel.tsx';
import { RetagPanel } from './RetagPanel.tsx';
import { ReviewQueue } from './ReviewQueue.tsx';
import { RiskList } from './RiskList.tsx';

const RISK_LIMIT = 500;
const IDENTIFIER_LIMIT = 200;
/** Quick keyboard decisions are counted in one refresh of the coverage, not one each. */
const REFRESH_DELAY_MS = 400;

/**
 * The review workspace: conversations by indicator score on the left, the selected one's tagged
 * messages in the centre, coverage and shared identifiers on the right. Stays mounted while
 * hidden (`active` false) so the analyst comes back to the same place.
 */
export function ReviewView({ active, revision, onOpen }: { active: boolean; revision: number; onOpen: (target: OpenTarget) => void }) {
  const [tick, setTick] = useState(0);
  const [rankings, setRankings] = useState(0);
  const timer = useRef<number | undefined>(undefined);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [openError, setOpenError] = useState<string | null>(null);
  // A decision refreshes the decided conversation's figures alone (decided below): ranking every
  // conversation again took seconds on a big case, and each one queued the next decision behind it.
  const risks = useLoaded(() => api.invoke('markers.risks', { limit: RISK_LIMIT }), `${revision}:${rankings}`);
  const coverage = useLoaded(() => api.invoke('markers.coverage', {}), `${revision}:${tick}`);
  const identifiers = useLoaded(() => api.invoke('identifiers.shared', { limit: IDENTIFIER_LIMIT }), String(revision));
  const list = risks.value ?? [];
  const selected = list.find((risk) => risk.chatId === selectedId) ?? list[0] ?? null;

  const scheduleRefresh = useCallback(() => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => setTick((value) => value + 1), REFRESH_DELAY_MS);
  }, []);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  const { update: updateRisks } = risks;
  const decided = useCallback(
    (chatId: string) => {
      scheduleRefresh();
      api.invoke('markers.reviewFigures', { chatId }).then(
        (figures) => updateRisks((current) => withReviewFigures(current, figures)),
        // Whatever went wrong, the whole ranking again shows what is recorded.
        () => setRankings((value) => value + 1),
      );
    },
    [scheduleRefresh, updateRisks],
  );

  const select = useCallback((chatId: string) => {
    setSelectedId(chatId);
    document.querySelector<HTMLElement>(`[data-testid="risk-item"][data-chat-id="${CSS.escape(chatId)}"]`)?.scrollIntoView({ block: 'nearest' });
  }, []);

  useReviewKeys(active, (pressed) => {
    if (pressed !== ']' && pressed !== '[') return false;
    const at = selected === null ? -1 : list.indexOf(selected);
    const next = list[Math.max(0, Math.min(list.length - 1, at + (pressed === ']' ? 1 : -1)))];
    if (next !== undefined) select(next.chatId);
    return true;
  });

  const openMessage = useCallback(
    async (messageId: string) => {
      setOpenError(null);
      try {
        const { chatId, seq } = await api.invoke('messages.locate', { messageId });
        onOpen({ chatId, messageId, seq, highlights: [] });
      } catch (caught) {
        setOpenError(describeError(caught));
      }
    },
    [onOpen],
  );

  return (
    <div className="review-view" data-active={active ? 'true' : 'false'}>
      <aside className="review-left" aria-label="Conversations by indicator score">
        <RiskList risks={list} loading={risks.loading} error={risks.error} selectedId={selected?.chatId ?? null} onSelect={select} />
      </aside>
      <section className="review-centre" aria-label="Review">
        {selected === null ? (
          <div className="placeholder-view">
            <p>{risks.loading ? 'Loading indicators…' : 'No tagged messages to review.'}</p>
            <p className="muted">Indicators are evidence for an analyst to assess, never a verdict. Several distinct indicators in one conversation matter more than one hit.</p>
          </div>
        ) : (
          <ReviewQueue key={selected.chatId} risk={selected} active={active} revision={revision} onDecided={decided} onOpen={onOpen} />
        )}
      </section>
      <aside className="review-side" aria-label="Coverage and shared identifiers">
        <CoveragePanel coverage={coverage} />
        <RetagPanel />
        {openError !== null && (
          <p className="error side-section" role="alert">
            {openError}
          </p>
        )}
        <IdentifiersPanel identifiers={identifiers} onOpen={(messageId) => void openMessage(messageId)} />
      </aside>
    </div>
  );
}
