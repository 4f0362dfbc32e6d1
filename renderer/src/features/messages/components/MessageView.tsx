import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { MessageImage } from '../../../../../shared/domain/image.ts';
import type { ConversationSummary, Message, MessageOrder } from '../../../../../shared/domain/message.ts';
import { api } from '../../../api/client.ts';
import { Participants } from '../../../app/Participants.tsx';
import { formatMessagesOf, formatUtc } from '../../../app/format.ts';
import { ImageViewer } from '../../images/components/ImageViewer.tsx';
import { ImageCache } from '../../images/state/image-cache.ts';
import { buildMatcher } from '../../images/state/ocr-match.ts';
import type { JumpTarget } from '../state/jump-target.ts';
import { useChatIndicators } from '../state/use-chat-indicators.ts';
import { useConversationFacts } from '../state/use-conversation-facts.ts';
import { useMessageImages } from '../state/use-message-images.ts';
import { conversationContentKey, useMessagePages } from '../state/use-message-pages.ts';
import { MessageRow, PlaceholderRow } from './MessageRow.tsx';
import { ConversationFacts } from './ConversationFacts.tsx';
import { OrderNote } from './OrderNote.tsx';

const ESTIMATED_ROW_HEIGHT = 50;

interface MessageViewProps {
  chatId: string;
  conversation: ConversationSummary | undefined;
  jump: JumpTarget | null;
  /** The order the view reads in: 'time' only for a conversation out of time order (Workspace's orderRead). */
  order: MessageOrder;
  /** The other order asked for, with the message to keep in view (messageInView). */
  onOrderChange: (order: MessageOrder, anchor: { messageId: string; seq: number } | null) => void;
  /** Counts the times the conversations were shown: decisions made in the Review view meanwhile are read again. */
  indicatorsShown: number;
  /** Changes when the case does (an import, OCR finished): the messages' images and their text are read again. */
  revision: number;
  /** The search in the search box: its words are marked in the image viewer opened from the conversation, as in the Images view. */
  searchQuery: string;
}

/**
 * A conversation of any length: only the rows in view exist in the DOM, pages load as they come
 * into view, and a jump target is scrolled to, outlined and marked. Mount with a key of the chat
 * and the order read (Workspace). A conversation that grows or changes while open keeps its scroll
 * place: its pages are read again where they are (useMessagePages' contentKey).
 */
export function MessageView({ chatId, conversation, jump, order, onOrderChange, indicatorsShown, revision, searchQuery }: MessageViewProps) {
  const matcher = useMemo(() => buildMatcher(searchQuery), [searchQuery]);
  const byTime = order === 'time';
  const pages = useMessagePages(chatId, conversation?.messageCount ?? null, order, conversationContentKey(conversation));
  const indicators = useChatIndicators(chatId, indicatorsShown, revision);
  const scrollRef = useRef<HTMLDivElement>(null);
  const [showLocators, setShowLocators] = useState(false);
  const count = pages.total ?? 0;
  const jumpIndex = useJumpIndex(jump, byTime);
  const facts = useConversationFacts(conversation);

  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_ROW_HEIGHT,
    overscan: 12,
    // Once at the last message, stay there while rows loaded around it replace their estimates.
    anchorTo: 'end',
    useFlushSync: false,
  });

  const items = virtualizer.getVirtualItems();
  const firstIndex = items[0]?.index ?? jumpIndex ?? 0;
  const lastIndex = items[items.length - 1]?.index ?? firstIndex;
  const { request } = pages;
  useEffect(() => {
    request(firstIndex, lastIndex);
  }, [request, firstIndex, lastIndex]);

  // The images of the rows in view (and the overscan), asked for as rows come into view.
  const shown = items.map((item) => pages.at(item.index)).filter((message): message is Message => message !== null && message !== undefined);
  const images = useMessageImages(shown, revision);
  const [cache] = useState(() => new ImageCache());
  useEffect(() => {
    cache.open();
    return () => cache.dispose();
  }, [cache]);
  const [viewing, setViewing] = useState<{ images: readonly MessageImage[]; index: number } | null>(null);
  const openImage = useCallback((list: readonly MessageImage[], index: number) => setViewing({ images: list, index }), []);
  const rowImages = useMemo(() => ({ cache, revision, onOpen: openImage }), [cache, revision, openImage]);

  // Aim once when the jump arrives, then again when its page has loaded: real row heights
  // replace estimates around it, and the virtualizer keeps correcting until it is still.
  const aimed = useRef<{ nonce: number; settled: boolean } | null>(null);
  const targetLoaded = jump !== null && jumpIndex !== null && pages.hasPage(jumpIndex);
  useEffect(() => {
    if (jump === null || jumpIndex === null || count === 0) return;
    const index = Math.min(jumpIndex, count - 1);
    if (aimed.current?.nonce !== jump.nonce) {
      aimed.current = { nonce: jump.nonce, settled: false };
      virtualizer.scrollToIndex(index, { align: 'center' });
    }
    if (targetLoaded && !aimed.current.settled) {
      aimed.current.settled = true;
      const frame = requestAnimationFrame(() => virtualizer.scrollToIndex(index, { align: 'center' }));
      return () => cancelAnimationFrame(frame);
    }
    return undefined;
  }, [jump, jumpIndex, count, targetLoaded, virtualizer]);

  /**
   * The message to keep in view when the order changes: the one jumped to while it is in view,
   * else the one in the middle of the view (a jump centres its message, so reading one way and
   * back comes back to the same place).
   */
  const messageInView = (): { messageId: string; seq: number } | null => {
    const top = virtualizer.scrollOffset ?? 0;
    const bottom = top + (scrollRef.current?.clientHeight ?? 0);
    const visible = virtualizer.getVirtualItems().filter((item) => item.start + item.size > top && item.start < bottom);
    const shown = visible.map((item) => pages.at(item.index)).filter((message) => message !== null && message !== undefined);
    const target = shown.find((message) => message.id === jump?.messageId) ?? shown[Math.floor(shown.length / 2)];
    return target === undefined ? null : { messageId: target.id, seq: target.seq };
  };

  const title = conversation?.title ?? 'Conversation';
  return (
    <section className="message-view" aria-labelledby="message-view-title">
      <header className="message-view-head">
        <div className="message-view-title">
          <h2 id="message-view-title" dir="auto">
            {title}
          </h2>
          {conversation !== undefined && (
            <p className="muted" title={conversation.participants.join('\n')}>
              <Participants names={conversation.participants} /> · {formatMessagesOf(conversation.messageCount, conversation.unparsedCount)} ·{' '}
              {formatUtc(conversation.firstTimestamp)} – {formatUtc(conversation.lastTimestamp)}
            </p>
          )}
          <ConversationFacts entries={facts.entries} error={facts.error} />
        </div>
        <label className="toggle">
          <input type="checkbox" checked={showLocators} onChange={(event) => setShowLocators(event.target.checked)} />
          Show source locations
        </label>
      </header>
      {conversation !== undefined && conversation.outOfTimeOrder > 0 && (
        <OrderNote outOfTimeOrder={conversation.outOfTimeOrder} messageCount={conversation.messageCount} order={order} onChange={(next) => onOrderChange(next, messageInView())} />
      )}
      {images.error !== null && (
        <div className="error banner" role="alert">
          The images of some messages could not be loaded: {images.error}
        </div>
      )}
      {pages.error !== null && (
        <div className="error banner" role="alert">
          Some messages could not be loaded: {pages.error}{' '}
          <button type="button" className="small" onClick={pages.retry}>
            Retry
          </button>
        </div>
      )}
      <div
        ref={scrollRef}
        className={`message-list${showLocators ? ' show-locators' : ''}`}
        data-testid="message-list"
        tabIndex={0}
        aria-label={`Messages in ${title}`}
        onKeyDown={(event) => {
          // The browser's own Home/End glide is cut short when rows re-measure under it.
          if (event.target !== event.currentTarget || count === 0) return;
          if (event.key === 'Home') virtualizer.scrollToIndex(0, { align: 'start' });
          else if (event.key === 'End') virtualizer.scrollToEnd();
          else return;
          event.preventDefault();
        }}
      >
        {pages.total === 0 && <p className="muted empty">This conversation has no messages.</p>}
        <div className="message-list-sizer" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const message = pages.at(item.index);
            const focused = message !== null && message !== undefined && jump !== null && message.id === jump.messageId;
            return (
              <div key={item.key} ref={virtualizer.measureElement} data-index={item.index} className="virtual-row" style={{ transform: `translateY(${item.start}px)` }}>
                {message === null || message === undefined ? (
                  <PlaceholderRow seq={item.index} missing={message === null} />
                ) : (
                  <MessageRow
                    message={message}
                    focused={focused}
                    highlights={focused ? jump.highlights : null}
                    ocrHighlights={focused ? (jump.ocrHighlights ?? null) : null}
                    indicators={indicators.get(message.id)}
                    images={{ ...rowImages, images: images.of(message.id) }}
                  />
                )}
              </div>
            );
          })}
        </div>
      </div>
      {viewing !== null && (
        <ImageViewer
          images={viewing.images}
          index={viewing.index}
          total={viewing.images.length}
          active
          cache={cache}
          revision={revision}
          matcher={matcher}
          onMove={(index) => setViewing({ images: viewing.images, index })}
          onClose={() => setViewing(null)}
          onOpenMessage={() => setViewing(null)}
        />
      )}
    </section>
  );
}

/**
 * Where the jump target stands in the order read: its seq in the source's order; by time, its
 * place as the engine gives it (messages.locate), null until it has (or its seq if it cannot).
 */
function useJumpIndex(jump: JumpTarget | null, byTime: boolean): number | null {
  const [located, setLocated] = useState<{ nonce: number; index: number } | null>(null);
  useEffect(() => {
    if (jump === null || !byTime) return undefined;
    let live = true;
    const settle = (index: number): void => {
      if (live) setLocated({ nonce: jump.nonce, index });
    };
    void api.invoke('messages.locate', { messageId: jump.messageId }).then(
      (location) => settle(location.timePosition),
      () => settle(jump.seq),
    );
    return () => {
      live = false;
    };
  }, [jump, byTime]);
  if (jump === null) return null;
  if (!byTime) return jump.seq;
  return located?.nonce === jump.nonce ? located.index : null;
}
