import type { MessageImage } from '../../../../../shared/domain/image.ts';
import { HighlightedText } from '../../../app/HighlightedText.tsx';
import type { Range } from '../../../app/HighlightedText.tsx';
import { formatCount } from '../../../app/format.ts';
import { imageLabel } from '../../images/components/ImageTile.tsx';
import type { ImageCache } from '../../images/state/image-cache.ts';
import { describeOcr } from '../../images/state/ocr-state.ts';
import { useImageContent } from '../../images/state/use-image-content.ts';

/** Text read from an image longer than this, or of more lines, is folded until asked for (unless a mark is in it). */
const LONG_TEXT = 280;
const LONG_LINES = 4;

export interface MessageImagesProps {
  images: readonly MessageImage[];
  /** Ranges of each image's searched text to mark (imageTextRanges), by attachment id. */
  marks: ReadonlyMap<number, Range[]>;
  cache: ImageCache;
  revision: number;
  onOpen: (images: readonly MessageImage[], index: number) => void;
}

/**
 * The images attached to a message, each as a thumbnail that opens the image viewer, with the text
 * OCR read from it: labelled as machine-read, in its own direction, folded when long, and with the
 * words a search hit or an indicator found in it marked.
 */
export function MessageImages({ images, marks, cache, revision, onOpen }: MessageImagesProps) {
  return (
    <ul className="message-images" aria-label="Images">
      {images.map((image, index) => (
        <MessageImageItem key={image.attachmentId} image={image} marks={marks.get(image.attachmentId) ?? []} cache={cache} revision={revision} onOpen={() => onOpen(images, index)} />
      ))}
    </ul>
  );
}

function MessageImageItem({ image, marks, cache, revision, onOpen }: { image: MessageImage; marks: readonly Range[]; cache: ImageCache; revision: number; onOpen: () => void }) {
  // Only rows in view exist (MessageView is virtualised), so only their images are fetched.
  const { image: loaded, error } = useImageContent(cache, image.attachmentId, revision);
  const name = imageLabel(image);
  return (
    <li className="message-image" data-testid="message-image" data-attachment-id={image.attachmentId}>
      <button type="button" className="message-image-thumb" data-testid="message-image-thumb" title={`Open ${name} in the image viewer`} onClick={onOpen}>
        {loaded !== null ? (
          <img src={loaded.url} alt={name} decoding="async" draggable={false} />
        ) : (
          <span className={`image-thumb-placeholder${error === null ? '' : ' error'}`} title={error ?? undefined}>
            {error === null ? '…' : 'Cannot show'}
          </span>
        )}
      </button>
      <div className="message-image-body">
        <bdi className="message-image-name">{name}</bdi>
        <OcrText image={image} marks={marks} />
      </div>
    </li>
  );
}

function OcrText({ image, marks }: { image: MessageImage; marks: readonly Range[] }) {
  if (image.ocrText === null) {
    return (
      <p className="message-ocr-label muted" data-testid="message-ocr-label">
        Text in the image: {describeOcr(image)}
      </p>
    );
  }
  // The searched words: those search and the indicators saw, and whose places the marks give.
  const text = image.ocrSearchableText ?? image.ocrText;
  const label = (
    <span className="message-ocr-label" data-testid="message-ocr-label" title="Read from the image by OCR, a machine: check it against the image">
      Machine-read text (OCR{image.ocrEngine === null ? '' : `, ${image.ocrEngine}`}) · {describeOcr(image)}
    </span>
  );
  if (text.trim() === '') return <p className="message-ocr muted">{label}</p>;
  const body = (
    <div className="ocr-text message-ocr-text" data-testid="message-ocr-text" dir="auto">
      {marks.length > 0 ? <HighlightedText text={text} ranges={marks} /> : text}
    </div>
  );
  const long = text.length > LONG_TEXT || text.split('\n').length > LONG_LINES;
  if (!long) {
    return (
      <div className="message-ocr">
        {label}
        {body}
      </div>
    );
  }
  return (
    <details className="message-ocr" data-testid="message-ocr-folded" open={marks.length > 0 ? true : undefined}>
      <summary>
        {label} · {formatCount(text.length, 'character')}
      </summary>
      {body}
    </details>
  );
}
