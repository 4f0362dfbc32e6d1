import { useCallback, useEffect, useRef, useState } from 'react';
import type { CaseInfo } from '../../../shared/domain/case.ts';
import type { ConversationSummary, MessageOrder } from '../../../shared/domain/message.ts';
import type { SearchHit } from '../../../shared/domain/search.ts';
import { CaseHeader } from '../features/case/components/CaseHeader.tsx';
import { ConversationList } from '../features/conversations/components/ConversationList.tsx';
import { useConversations } from '../features/conversations/state/use-conversations.ts';
import { ImagesView } from '../features/images/components/ImagesView.tsx';
import { ImportPanel } from '../features/import/components/ImportPanel.tsx';
import { MessageView } from '../features/messages/components/MessageView.tsx';
import type { JumpTarget } from '../features/messages/state/jump-target.ts';
import { ReviewView } from '../features/review/components/ReviewView.tsx';
import { ViewSwitch } from '../features/review/components/ViewSwitch.tsx';
import type { WorkspaceView } from '../features/review/components/ViewSwitch.tsx';
import type { OpenTarget } from '../features/review/state/open-target.ts';
import { SearchBox } from '../features/search/components/SearchBox.tsx';
import { focusFirstHit, SearchResults } from '../features/search/components/SearchResults.tsx';
import { useSearch } from '../features/search/state/use-search.ts';
import { SourcesPanel } from '../features/sources/components/SourcesPanel.tsx';
import { TaskList } from '../features/tasks/components/TaskList.tsx';
import { useTasks } from '../features/tasks/state/use-tasks.ts';
import { useGlobalKeys } from './use-global-keys.ts';

interface Selection {
  chatId: string;
  jump: JumpTarget | null;
}

/** The open case: import and conversations on the left, messages in the centre, search on top. */
export function Workspace({ info, revision, onClosed }: { info: CaseInfo; revision: number; onClosed: () => void }) {
  const conversations = useConversations(revision);
  const tasks = useTasks();
  const search = useSearch();
  const [selection, setSelection] = useState<Selection | null>(null);
  // Kept from one conversation to the next: an analyst reading by time reads every conversation so.
  const [order, setOrder] = useState<MessageOrder>('source');
  const searchInput = useRef<HTMLInputElement>(null);
  const hitList = useRef<HTMLOListElement>(null);
  const nonce = useRef(0);
  const [view, setView] = useState<WorkspaceView>('messages');
  // Mounted on first use, then kept (hidden) so both views keep their place and any upload in progress.
  const [reviewMounted, setReviewMounted] = useState(false);
  const [imagesMounted, setImagesMounted] = useState(false);
  // Read again each time the conversations are shown (the tab, a search hit or review item opened
  // from another view): decisions and re-tags happen in the Review view.
  const [indicatorsShown, setIndicatorsShown] = useState(0);
  useEffect(() => {
    if (view === 'messages') setIndicatorsShown((count) => count + 1);
  }, [view]);

  const switchView = useCallback((next: WorkspaceView) => {
    if (next === 'review') setReviewMounted(true);
    if (next === 'images') setImagesMounted(true);
    setView(next);
  }, []);

  const focusSearch = useCallback(() => {
    searchInput.current?.focus();
    searchInput.current?.select();
  }, []);

  useGlobalKeys({
    focusSearch,
    escape: () => {
      if (!search.state.open) return;
      const focusWasInResults = hitList.current?.closest('aside')?.contains(document.activeElement) === true;
      search.close();
      if (focusWasInResults) searchInput.current?.focus();
    },
  });

  const openConversation = useCallback((conversation: ConversationSummary) => {
    setSelection((current) => (current?.chatId === conversation.id && current.jump === null ? current : { chatId: conversation.id, jump: null }));
  }, []);

  const openHit = useCallback((hit: SearchHit) => {
    nonce.current++;
    setSelection({ chatId: hit.chatId, jump: { messageId: hit.id, seq: hit.seq, highlights: hit.highlights, ocrHighlights: hit.ocr?.highlights ?? [], nonce: nonce.current } });
    setView('messages');
  }, []);

  const openFromReview = useCallback((target: OpenTarget) => {
    nonce.current++;
    setSelection({ chatId: target.chatId, jump: { messageId: target.messageId, seq: target.seq, highlights: target.highlights, nonce: nonce.current } });
    setView('messages');
  }, []);

  /** Reads the conversation in the other order, keeping `anchor` (the message in view) in view. */
  const changeOrder = useCallback((next: MessageOrder, anchor: { messageId: string; seq: number } | null) => {
    nonce.current++;
    setOrder(next);
    setSelection((current) => (current === null ? null : { chatId: current.chatId, jump: anchor === null ? null : { ...anchor, highlights: [], nonce: nonce.current } }));
  }, []);

  const conversation = conversations.conversations.find((each) => each.id === selection?.chatId);
  // The order the view reads in: a conversation in time order has none of its own (MessageView).
  // A view is mounted per order read, so that one coming into time order does not keep the pages
  // it read by time as if they were in the source's order. One growing or shrinking while open
  // (another source merged in or removed) stays mounted and reads its pages again in place.
  const orderRead: MessageOrder = order === 'time' && (conversation?.outOfTimeOrder ?? 0) > 0 ? 'time' : 'source';
  const resultsOpen = search.state.open;

  return (
    <div className={`workspace${resultsOpen ? ' with-results' : ''}`}>
      <CaseHeader info={info} onClosed={onClosed} currentQuery={search.state.query} nav={<ViewSwitch view={view} onChange={switchView} />}>
        <SearchBox controller={search} inputRef={searchInput} onEnterResults={() => focusFirstHit(hitList.current)} />
      </CaseHeader>
      <div className="view-pane" data-active={view === 'messages' ? 'true' : 'false'}>
        <ImportPanel caseTimeZone={info.settings.timeZone}>
          <TaskList controller={tasks} />
          <SourcesPanel sources={info.sources} />
          <ConversationList state={conversations} sources={info.sources} selectedId={selection?.chatId ?? null} onSelect={openConversation} />
        </ImportPanel>
        <main className="centre">
          {selection === null ? (
            <div className="placeholder-view">
              <p>Select a conversation on the left, or search across every message in the case.</p>
              <p className="muted">
                <kbd>/</kbd> or <kbd>Ctrl</kbd>+<kbd>K</kbd> search · <kbd>↑</kbd> <kbd>↓</kbd> move between hits · <kbd>Enter</kbd> open · <kbd>Esc</kbd> close results
              </p>
            </div>
          ) : (
            <MessageView
              key={`${selection.chatId} ${orderRead}`}
              chatId={selection.chatId}
              conversation={conversation}
              jump={selection.jump}
              order={orderRead}
              onOrderChange={changeOrder}
              indicatorsShown={indicatorsShown}
              searchQuery={search.state.query}
              revision={revision}
            />
          )}
        </main>
      </div>
      {reviewMounted && <ReviewView active={view === 'review'} revision={revision} onOpen={openFromReview} />}
      {imagesMounted && (
        <ImagesView
          active={view === 'images'}
          revision={revision}
          chatId={selection?.chatId ?? null}
          chatTitle={conversation?.title ?? null}
          query={search.state.query}
          hits={search.state.hits}
          onOpen={openFromReview}
        />
      )}
      {resultsOpen && (
        <SearchResults controller={search} listRef={hitList} activeId={selection?.jump?.messageId ?? null} onOpen={openHit} onLeaveTop={focusSearch} />
      )}
    </div>
  );
}
