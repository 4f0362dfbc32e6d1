import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { createPortal } from 'react-dom';
import { parseLanguageList } from '../../../../../shared/domain/case.ts';
import { api } from '../../../api/client.ts';
import { describeError } from '../../../app/format.ts';

/**
 * The case's language list in the case bar, changed in a small dialog. A change applies to
 * sources imported afterwards (each source's provenance names the list it was detected with);
 * the engine writes it to the audit log and announces it with case.changed, which refreshes the bar.
 */
export function CaseLanguages({ languages }: { languages: readonly string[] }) {
  const [open, setOpen] = useState(false);
  const shown = languages.length === 0 ? 'any' : languages.join(', ');
  return (
    <>
      <span title="Languages short messages are labelled among (ISO 639-3); any = no restriction">
        languages <span data-testid="case-languages-shown">{shown}</span>{' '}
        <button type="button" className="link" data-testid="case-languages-edit" onClick={() => setOpen(true)}>
          change
        </button>
      </span>
      {/* On the page, not in the one-line case bar, whose no-wrap layout the dialog would inherit. */}
      {open && createPortal(<CaseLanguagesDialog languages={languages} onClose={() => setOpen(false)} />, document.body)}
    </>
  );
}

function CaseLanguagesDialog({ languages, onClose }: { languages: readonly string[]; onClose: () => void }) {
  const id = useId();
  const [draft, setDraft] = useState(languages.join(', '));
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function save(event: FormEvent): Promise<void> {
    event.preventDefault();
    let parsed: string[];
    try {
      parsed = parseLanguageList(draft);
    } catch (caught) {
      setError(describeError(caught));
      return;
    }
    setSaving(true);
    setError(null);
    try {
      await api.invoke('case.setLanguages', { languages: parsed });
      onClose();
    } catch (caught) {
      setError(describeError(caught));
      setSaving(false);
    }
  }

  return (
    <div className="dialog-backdrop" role="presentation">
      <form className="dialog" role="dialog" aria-labelledby={`${id}-title`} data-testid="case-languages-dialog" onSubmit={(event) => void save(event)}>
        <h2 id={`${id}-title`}>Languages of this case</h2>
        <label className="dialog-field">
          <span>ISO 639-3 codes, such as ron, bul</span>
          <input data-testid="case-languages-input" className="mono" value={draft} placeholder="any" spellCheck={false} autoComplete="off" autoFocus onChange={(event) => setDraft(event.target.value)} />
          <small className="muted">
            Short messages are labelled among these languages; text in another script keeps its own. Empty: any language. Applies to sources imported from
            now on; messages already imported keep their labels. The change is written to the case's audit log.
          </small>
        </label>
        {error !== null && (
          <p className="error" role="alert" data-testid="case-languages-error">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={onClose} disabled={saving}>
            Cancel
          </button>
          <button type="submit" data-testid="case-languages-save" disabled={saving}>
            {saving ? 'Saving…' : 'Save'}
          </button>
        </div>
      </form>
    </div>
  );
}
