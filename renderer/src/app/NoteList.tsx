import type { ReviewDecision } from '../../../shared/domain/marker.ts';
import { formatUtc } from './format.ts';

/**
 * The analysts' notes on a message, each with who wrote it and when (UTC), in the Review view and
 * the conversation view alike. A note keeps its own direction (dir="auto": Arabic or Hebrew notes).
 */
export function NoteList({ notes, className = 'review-notes', testIds = false }: { notes: readonly Pick<ReviewDecision, 'note' | 'by' | 'at'>[]; className?: string; testIds?: boolean }) {
  return (
    <ul className={className} data-testid={testIds ? 'message-notes' : undefined} aria-label="Notes">
      {notes.map((note, index) => (
        <li key={`${note.at}-${index}`} data-testid={testIds ? 'message-note' : undefined}>
          <span className="note-text" dir="auto">
            {note.note}
          </span>
          <span className="muted">
            {' '}
            — {note.by}, {formatUtc(note.at)}
          </span>
        </li>
      ))}
    </ul>
  );
}
