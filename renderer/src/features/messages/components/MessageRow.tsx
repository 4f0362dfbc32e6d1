import { describeLocatorInFull, describePlace } from '../../../../../shared/domain/locator.ts';
import type { AttachmentRecord, Message } from '../../../../../shared/domain/message.ts';
import { emptyBodyNote } from '../../../../../shared/domain/empty-body.ts';
import { senderLabel } from '../../../../../shared/domain/sender-label.ts';
import { notableFacts } from '../../../../../shared/domain/source-facts.ts';
import { HighlightedText } from '../../../app/HighlightedText.tsx';
import type { Range } from '../../../app/HighlightedText.tsx';
import { baseName, formatUtc } from '../../../app/format.ts';
import { imagesTextRanges, messageTextRanges } from '../../../app/indicators.ts';
import type { MessageImage } from '../../../../../shared/domain/image.ts';
import type { ImageCache } from '../../images/state/image-cache.ts';
import { imageTextRanges } from '../state/image-text-ranges.ts';
import type { MessageIndicators } from '../state/use-chat-indicators.ts';
import { MessageImages } from './MessageImages.tsx';
import { MessageIndicatorList } from './MessageIndicatorList.tsx';
import { SourceFacts } from './SourceFacts.tsx';

const ATTACHMENT_STATUS: Record<AttachmentRecord['status'], string> = {
  ok: 'hashed',
  verified: 'hash matches the vendor report',
  mismatch: 'HASH DOES NOT MATCH the vendor report',
  missing: 'file not found in the source',
  omitted: 'not included in the export',
};

function attachmentLabel(attachment: AttachmentRecord): string {
  const type = attachment.mediaType === 'unknown' ? '' : ` (${attachment.mediaType})`;
  if (attachment.kind === 'omitted') return `Media not included in the export${type}`;
  const hash = attachment.sha256 === null ? '' : ` · sha256 ${attachment.sha256.slice(0, 12)}…`;
  return `Attachment: ${attachment.fileName ?? attachment.sourcePath ?? 'unnamed file'}${type} · ${ATTACHMENT_STATUS[attachment.status]}${hash}`;
}

function locatorText(message: Message): { short: string; full: string } {
  return {
    short: baseName(describePlace(message.locator)),
    full: `${describeLocatorInFull(message.locator)}; message id ${message.id}; language ${message.lang}`,
  };
}

/** A message's images as the row shows them, and where a thumbnail opens. */
export interface RowImages {
  /** Undefined while not known (or the message has none to show). */
  images: readonly MessageImage[] | undefined;
  cache: ImageCache;
  revision: number;
  onOpen: (images: readonly MessageImage[], index: number) => void;
}

/**
 * One message. Text keeps its line breaks and its own direction (dir="auto"). The words its
 * indicators point at are marked, in its text and in the text read from its images, unless it
 * is the target of a jump with marks of its own (a search's words, in either), which are shown
 * instead; a jump without any (a change of order keeping the message in view) leaves the
 * indicators' marks.
 */
export function MessageRow({
  message,
  focused,
  highlights,
  ocrHighlights = null,
  indicators,
  images,
}: {
  message: Message;
  focused: boolean;
  highlights: readonly Range[] | null;
  ocrHighlights?: readonly Range[] | null;
  indicators?: MessageIndicators | undefined;
  images?: RowImages | undefined;
}) {
  const jumpMarks = focused && (highlights?.length ?? 0) + (ocrHighlights?.length ?? 0) > 0;
  const marked = jumpMarks ? highlights : indicators === undefined ? null : messageTextRanges(indicators.tags);
  const imageMarks = jumpMarks ? (ocrHighlights ?? []) : indicators === undefined ? [] : imagesTextRanges(indicators.tags);
  const shownImages = images?.images ?? [];
  const attachments = message.attachments.map(attachmentLabel);
  const locator = locatorText(message);
  const emptyNote = emptyBodyNote(message);
  const classes = ['message-row', `kind-${message.kind}`];
  if (focused) classes.push('focused');
  if (message.deleted) classes.push('is-deleted');
  return (
    <article className={classes.join(' ')} data-testid="message-row" data-seq={message.seq} data-message-id={message.id} data-focused={focused ? 'true' : undefined}>
      <div className="message-head">
        <bdi className="sender">{senderLabel(message)}</bdi>
        <time className="time" dateTime={message.timestamp ?? undefined} title={`As written in the source: ${message.timestampText}`}>
          {formatUtc(message.timestamp)}
        </time>
        {message.kind === 'unparsed' && <span className="badge badge-unparsed">unparsed — kept raw</span>}
        {message.deleted && <span className="badge badge-deleted">deleted</span>}
        {message.edited && <span className="badge">edited</span>}
        {notableFacts(message.extra).map((fact) => (
          <span className="badge" key={fact}>
            {fact}
          </span>
        ))}
        <span className="locator mono" title={locator.full}>
          #{message.seq} · {locator.short}
        </span>
      </div>
      {indicators !== undefined && (indicators.tags.length + indicators.noLongerFound.length + indicators.notes.length > 0 || indicators.bookmarked) && <MessageIndicatorList indicators={indicators} />}
      {message.kind === 'unparsed' && typeof message.extra?.['unparsedReason'] === 'string' && (
        <div className="unparsed-reason" data-testid="unparsed-reason" dir="auto">
          Not read as a message: {message.extra['unparsedReason']}
        </div>
      )}
      {message.text !== '' && (
        <div className={`message-text${message.kind === 'unparsed' ? ' mono' : ''}`} dir="auto">
          {marked !== null && marked.length > 0 ? <HighlightedText text={message.text} ranges={marked} /> : message.text}
        </div>
      )}
      {emptyNote !== null && (
        <div className="empty-body muted" data-testid="empty-body">
          {emptyNote}
        </div>
      )}
      {images !== undefined && shownImages.length > 0 && (
        <MessageImages images={shownImages} marks={imageTextRanges(shownImages, imageMarks)} cache={images.cache} revision={images.revision} onOpen={images.onOpen} />
      )}
      {attachments.map((label, index) => (
        <div className="media-placeholder" key={index}>
          {label}
        </div>
      ))}
      <SourceFacts extra={message.extra} />
    </article>
  );
}

export function PlaceholderRow({ seq, missing }: { seq: number; missing: boolean }) {
  return (
    <div className="message-row placeholder" data-testid="message-placeholder" data-seq={seq} aria-busy={!missing}>
      <span className="muted">{missing ? `#${seq}: no message stored at this position` : `Loading message #${seq}…`}</span>
    </div>
  );
}
