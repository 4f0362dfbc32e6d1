import { useEffect, useId, useState } from 'react';
import type { CaseInfo } from '../../../../../shared/domain/case.ts';
import { parseLanguageList } from '../../../../../shared/domain/case.ts';
import type { AppInfo } from '../../../../../shared/ipc/contract.ts';
import { api } from '../../../api/client.ts';
import { VerifyDialog } from '../../package/components/VerifyDialog.tsx';
import { describeError } from '../../../app/format.ts';
import { CodeInput } from '../../../app/CodeInput.tsx';

function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Shown while no case is open: create a new case folder or open an existing one. */
export function CaseScreen({ onOpened }: { onOpened: (info: CaseInfo) => void }) {
  const [path, setPath] = useState('');
  const [timeZone, setTimeZone] = useState('');
  const [ocrLanguages, setOcrLanguages] = useState('');
  const [messageLanguages, setMessageLanguages] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [appInfo, setAppInfo] = useState<AppInfo | null>(null);
  const [verifying, setVerifying] = useState(false);
  const pathId = useId();
  const zoneId = useId();
  const zoneHelpId = useId();

  useEffect(() => {
    api.invoke('app.info', {}).then(setAppInfo, () => setAppInfo(null));
  }, []);

  async function submit(create: boolean): Promise<void> {
    const trimmedPath = path.trim();
    const zone = timeZone.trim();
    if (trimmedPath === '') return setError('Enter the path of the case folder.');
    if (zone !== '' && !isKnownTimeZone(zone)) return setError(`"${zone}" is not an IANA time zone name (for example Europe/Berlin or UTC).`);
    let expected: string[];
    try {
      expected = parseLanguageList(messageLanguages);
    } catch (caught) {
      return setError(describeError(caught));
    }
    setBusy(true);
    setError(null);
    try {
      const languages = ocrLanguages.split('+').map((lang) => lang.trim()).filter((lang) => lang !== '');
      const info = await api.invoke('case.open', {
        path: trimmedPath,
        create,
        ...(zone === '' ? {} : { timeZone: zone }),
        ...(languages.length === 0 ? {} : { ocrLanguages: languages }),
        ...(expected.length === 0 ? {} : { languages: expected }),
      });
      onOpened(info);
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="case-screen">
      <section className="case-card" aria-labelledby="case-screen-title">
        <h1 id="case-screen-title">Threadline</h1>
        <p className="muted">Offline triage of seized chat exports. Create a case folder or open an existing one.</p>
        <div className="field">
          <label htmlFor={pathId}>Case folder path</label>
          <CodeInput
            id={pathId}
            data-testid="case-path"
            value={path}
            autoFocus
            placeholder="/evidence/case-2024-017"
            onChange={(event) => setPath(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') void submit(false);
            }}
          />
          {appInfo !== null && (
            <p className="hint">
              Relative paths resolve from the engine's working folder: <span className="mono">{appInfo.workingDirectory}</span>
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor={zoneId}>Device clock time zone (optional)</label>
          <CodeInput
            id={zoneId}
            data-testid="case-timezone"
            value={timeZone}
            placeholder="UTC"
            aria-describedby={zoneHelpId}
            onChange={(event) => setTimeZone(event.target.value)}
          />
          <p className="hint" id={zoneHelpId}>
            IANA name such as Europe/Berlin. Chat exports record the seized device's wall-clock time without a zone; this zone turns those times
            into UTC. Defaults to UTC. Used when the case is created.
          </p>
          <label htmlFor={`${zoneId}-ocr`}>Languages of text in images (optional)</label>
          <CodeInput
            id={`${zoneId}-ocr`}
            data-testid="case-ocr-languages"
            value={ocrLanguages}
            placeholder="eng"
            onChange={(event) => setOcrLanguages(event.target.value)}
          />
          <p className="hint">
            Tesseract codes joined with +, such as eng+ron+rus. Languages other than eng need their .traineddata files (THREADLINE_TESSDATA). Used when the case is created.
          </p>
          <label htmlFor={`${zoneId}-languages`}>Languages of the messages (optional)</label>
          <CodeInput
            id={`${zoneId}-languages`}
            data-testid="case-languages"
            value={messageLanguages}
            placeholder="any"
            onChange={(event) => setMessageLanguages(event.target.value)}
          />
          <p className="hint">
            ISO 639-3 codes such as ron, bul. Short messages are then labelled among these languages (text in another script keeps its own). Empty: any
            language. Used when the case is created; change it later from the case bar.
          </p>
        </div>
        <div className="actions">
          <button type="button" className="primary" data-testid="case-create" disabled={busy} onClick={() => void submit(true)}>
            Create case
          </button>
          <button type="button" data-testid="case-open" disabled={busy} onClick={() => void submit(false)}>
            Open case
          </button>
          <button type="button" data-testid="verify-open" onClick={() => setVerifying(true)}>
            Verify a package…
          </button>
          {busy && <span className="muted" role="status">Working…</span>}
        </div>
        {verifying && <VerifyDialog onClose={() => setVerifying(false)} />}
        {error !== null && (
          <p className="error" role="alert" data-testid="case-error">
            {error}
          </p>
        )}
        {appInfo !== null && (
          <p className="hint footer">
            {appInfo.name} {appInfo.version} · {appInfo.mode} mode · works offline, nothing leaves this computer
          </p>
        )}
      </section>
    </main>
  );
}
