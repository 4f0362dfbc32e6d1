export type WorkspaceView = 'messages' | 'review' | 'images';

/** The ways through a case: read the conversations, review the tagged indicators, or look through the images. */
export function ViewSwitch({ view, onChange }: { view: WorkspaceView; onChange: (view: WorkspaceView) => void }) {
  return (
    <div className="view-switch" role="tablist" aria-label="Workspace view">
      <button type="button" role="tab" data-testid="view-messages" aria-selected={view === 'messages'} onClick={() => onChange('messages')}>
        Messages
      </button>
      <button
        type="button"
        role="tab"
        data-testid="view-review"
        aria-selected={view === 'review'}
        title="Review the indicators the tagger found, conversation by conversation"
        onClick={() => onChange('review')}
      >
        Review
      </button>
      <button
        type="button"
        role="tab"
        data-testid="view-images"
        aria-selected={view === 'images'}
        title="Screenshots and photos, with the text OCR read in them"
        onClick={() => onChange('images')}
      >
        Images
      </button>
    </div>
  );
}
