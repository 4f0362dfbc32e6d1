export type WorkspaceView = 'messages' | 'review';

/** The two ways through a case: read the conversations, or review the tagged indicators. */
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
    </div>
  );
}
