import { useId, useState } from 'react';
import type { FormEvent, ReactElement } from 'react';
import { api } from '../../../api/client.ts';
import { describeError } from '../../../app/format.ts';

type SelectKind = 'all' | 'query' | 'marker' | 'confirmed' | 'reviewed' | 'bookmarked' | 'ids';

/**
 * The export wizard: what to select, how much context, where the package goes and who signs it.
 * It starts the same export task as `threadline export`; progress shows in the task list.
 */
export function ExportDialog({ currentQuery, onClose }: { currentQuery: string; onClose: () => void }) {
  const id = useId();
  const [outDir, setOutDir] = useState('');
  const [kind, setKind] = useState<SelectKind>(currentQuery === '' ? 'all' : 'query');
  const [value, setValue] = useState(currentQuery);
  const [context, setContext] = useState(3);
  const [includeOriginals, setIncludeOriginals] = useState(false);
  const [reference, setReference] = useState('');
  const [exhibits, setExhibits] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [signKeyFile, setSignKeyFile] = useState('');
  const [pseudonymsFile, setPseudonymsFile] = useState('');
  const [pseudonymMapFile, setPseudonymMapFile] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [started, setStarted] = useState(false);

  const needsValue = kind === 'query' || kind === 'marker' || kind === 'ids';
  const select = needsValue ? `${kind}:${value}` : kind;

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    setError(null);
    try {
      await api.invoke('export.start', {
        outDir: outDir.trim(),
        select,
        context,
        includeOriginals,
        ...(reference.trim() === '' ? {} : { caseReference: reference.trim() }),
        ...(exhibits.trim() === '' ? {} : { exhibitRefs: exhibits.split(',').map((item) => item.trim()).filter((item) => item !== '') }),
        ...(organisation.trim() === '' ? {} : { organisation: organisation.trim() }),
        ...(signKeyFile.trim() === '' ? {} : { signKeyFile: signKeyFile.trim() }),
        ...(pseudonymsFile.trim() === '' ? {} : { pseudonymsFile: pseudonymsFile.trim(), pseudonymMapFile: pseudonymMapFile.trim() }),
      });
      setStarted(true);
    } catch (caught) {
      setError(describeError(caught));
    }
  }

  const field = (label: string, input: ReactElement, hint?: string) => (
    <label className="dialog-field">
      <span>{label}</span>
      {input}
      {hint !== undefined && <small className="muted">{hint}</small>}
    </label>
  );

  return (
    <div className="dialog-backdrop" role="presentation">
      <form className="dialog" role="dialog" aria-labelledby={`${id}-title`} data-testid="export-dialog" onSubmit={(event) => void submit(event)}>
        <h2 id={`${id}-title`}>Export an evidence package</h2>
        <p className="muted">A BagIt package with the selected messages and their context, attachments, sources and hashes, the custody log and a report (HTML and PDF) that anyone can verify with standard tools.</p>
        {field('Package folder (new or empty)', <input data-testid="export-out" value={outDir} onChange={(event) => setOutDir(event.target.value)} required placeholder="/evidence/exports/case-12-package" />)}
        {field(
          'Messages',
          <select data-testid="export-select" value={kind} onChange={(event) => setKind(event.target.value as SelectKind)}>
            <option value="all">All messages</option>
            <option value="query">Matching a search</option>
            <option value="marker">With an indicator</option>
            <option value="confirmed">With an indicator an analyst confirmed</option>
            <option value="reviewed">Reviewed by an analyst</option>
            <option value="bookmarked">Bookmarked</option>
            <option value="ids">Listed in a file of message ids</option>
          </select>,
        )}
        {needsValue && field(kind === 'query' ? 'Search' : kind === 'marker' ? 'Indicator id' : 'File of message ids', <input data-testid="export-select-value" value={value} onChange={(event) => setValue(event.target.value)} required />)}
        {field('Context messages either side', <input type="number" min={0} max={1000} value={context} onChange={(event) => setContext(Number(event.target.value))} />)}
        <label className="dialog-check">
          <input type="checkbox" checked={includeOriginals} onChange={(event) => setIncludeOriginals(event.target.checked)} /> Include the original seized files
        </label>
        {field('Case reference', <input value={reference} onChange={(event) => setReference(event.target.value)} />)}
        {field('Exhibit references', <input value={exhibits} onChange={(event) => setExhibits(event.target.value)} />, 'comma-separated; default: the source file names')}
        {field('Organisation', <input value={organisation} onChange={(event) => setOrganisation(event.target.value)} />)}
        {field("Examiner's Ed25519 private key (PEM file)", <input value={signKeyFile} onChange={(event) => setSignKeyFile(event.target.value)} />, 'optional: signs the tag manifest')}
        {field('Pseudonyms file', <input value={pseudonymsFile} onChange={(event) => setPseudonymsFile(event.target.value)} />, 'optional: one "name<TAB>pseudonym" a line')}
        {pseudonymsFile.trim() !== '' && field('Pseudonym key file (kept outside the package)', <input value={pseudonymMapFile} onChange={(event) => setPseudonymMapFile(event.target.value)} required />)}
        {error !== null && (
          <p className="error" role="alert" data-testid="export-error">
            {error}
          </p>
        )}
        {started && <p data-testid="export-started">Export started: follow its progress in the task list.</p>}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Close
          </button>
          <button type="submit" data-testid="export-start" disabled={started}>
            Export
          </button>
        </div>
      </form>
    </div>
  );
}
