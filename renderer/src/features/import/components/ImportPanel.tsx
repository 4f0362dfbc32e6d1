import { useId, useMemo, useRef, useState } from 'react';
import type { DragEvent, ReactNode } from 'react';
import { api } from '../../../api/client.ts';
import { describeError, formatNumber } from '../../../app/format.ts';
import { useImport } from '../state/use-import.ts';
import type { DetectedFile } from '../state/use-import.ts';
import type { ImportRequestOptions } from '../../../api/client.ts';
import { ImportOptionsFields } from './ImportOptionsFields.tsx';
import { StagedFiles } from './StagedFiles.tsx';
import { DetectedFileItem } from './DetectedFileItem.tsx';
import type { ImportOptionsState } from './ImportOptionsFields.tsx';
import type { StagedZone } from './StagedFiles.tsx';
import { CodeInput } from '../../../app/CodeInput.tsx';
import type { PickedFile } from '../../../api/client.ts';
import type { CsvMappingSpec } from '../../../../../shared/domain/import.ts';
import { dropEntries, filesOfDrop, filesOfFolderPick } from '../state/dropped-files.ts';

/** The zone an import started now would use: the typed one, else the case setting (as the engine chooses). */
function stagedZone(typed: string, caseTimeZone: string): StagedZone {
  return typed.trim() === '' ? { name: caseTimeZone, declared: false } : { name: typed.trim(), declared: true };
}

/** The typed CSV column mapping: undefined when none is typed, null when the text is not JSON. */
function parsedMapping(text: string): CsvMappingSpec | undefined | null {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as CsvMappingSpec;
  } catch {
    return null;
  }
}

function hasFiles(event: DragEvent): boolean {
  return Array.from(event.dataTransfer.types).includes('Files');
}

/**
 * Files from a drop. In browser mode a dropped folder is walked and its files uploaded in their
 * places; Electron reads a dropped folder in place (its File carries the folder's path).
 */
async function droppedFiles(event: DragEvent): Promise<PickedFile[]> {
  const drop = dropEntries(event.dataTransfer);
  if (api.mode === 'loopback') return filesOfDrop(drop);
  return drop.files.map((file) => ({ file, relativePath: '' }));
}

/**
 * Drop target, file chooser and path field; the whole panel (`children` included) accepts drops.
 * `caseTimeZone` is the case's zone, named beside staged files when no other zone is typed.
 */
export function ImportPanel({ caseTimeZone, children }: { caseTimeZone: string; children: ReactNode }) {
  const [csvMap, setCsvMap] = useState('');
  const typedMapping = useMemo(() => parsedMapping(csvMap), [csvMap]);
  const controller = useImport(typedMapping === null ? undefined : typedMapping);
  const [dragging, setDragging] = useState(false);
  const [path, setPath] = useState('');
  const [settings, setSettings] = useState<ImportOptionsState>({ device: '', timeZone: '', dateOrder: '' });
  const [detected, setDetected] = useState<DetectedFile[] | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const folderInputRef = useRef<HTMLInputElement>(null);
  const dragDepth = useRef(0);
  const pathId = useId();
  const upload = controller.upload;

  /** What every import from this panel carries: empty fields are left to the engine (case setting, inference). */
  function options(): ImportRequestOptions {
    return {
      ...(settings.device.trim() === '' ? {} : { device: settings.device }),
      ...(settings.timeZone.trim() === '' ? {} : { timeZone: settings.timeZone.trim() }),
      ...(settings.dateOrder === '' ? {} : { dateOrder: settings.dateOrder }),
    };
  }

  function onDrop(event: DragEvent): void {
    if (!hasFiles(event)) return;
    event.preventDefault();
    dragDepth.current = 0;
    setDragging(false);
    controller.setNotice(null);
    void droppedFiles(event).then(
      (files) => (files.length === 0 ? controller.setNotice('Nothing to import: the drop holds no files.') : controller.stageFiles(files)),
      (caught: unknown) => controller.setNotice(`The dropped folder could not be read: ${describeError(caught)}`),
    );
  }

  async function choose(): Promise<void> {
    controller.setNotice(null);
    if (!(await controller.pickNative())) inputRef.current?.click();
  }

  /** Shows what the typed path holds, as Import would read it: with the CSV column mapping, if one is typed. */
  async function detect(): Promise<void> {
    const withMapping = optionsWithMapping();
    if (withMapping === null) return;
    try {
      setDetected(await api.invoke('import.detect', { paths: [path.trim()], ...(withMapping.csvMapping === undefined ? {} : { csvMapping: withMapping.csvMapping }) }));
    } catch (caught) {
      controller.setNotice(describeError(caught));
    }
  }

  /**
   * The options with the CSV column mapping, if one is typed; null (and a notice) when it is not
   * JSON. Every import from the panel takes it, dropped files as well as a path: a CSV table is
   * refused with a reason that sends the analyst to this mapping.
   */
  function optionsWithMapping(): ImportRequestOptions | null {
    if (csvMap.trim() === '') return options();
    if (typedMapping === null) {
      controller.setNotice('The CSV column mapping must be JSON, e.g. {"timestamp":"date","sender":"user","text":"message"}');
      return null;
    }
    return { ...options(), csvMapping: typedMapping };
  }

  function startStaged(): void {
    controller.setNotice(null);
    const withMapping = optionsWithMapping();
    if (withMapping !== null) void controller.startStaged(withMapping);
  }

  async function submitPath(): Promise<void> {
    setDetected(null);
    const trimmed = path.trim();
    if (trimmed === '') return;
    const withMapping = optionsWithMapping();
    if (withMapping === null) return;
    if (await controller.importPaths([trimmed], withMapping)) setPath('');
  }

  return (
    <aside
      className={`left-panel${dragging ? ' dragging' : ''}`}
      aria-label="Import and conversations"
      onDragEnter={(event) => {
        if (!hasFiles(event)) return;
        dragDepth.current++;
        setDragging(true);
      }}
      onDragOver={(event) => {
        if (!hasFiles(event)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
      }}
      onDragLeave={() => {
        dragDepth.current = Math.max(0, dragDepth.current - 1);
        if (dragDepth.current === 0) setDragging(false);
      }}
      onDrop={onDrop}
    >
      <section className="import-panel" aria-labelledby="import-title">
        <h2 id="import-title">Import evidence</h2>
        <ImportOptionsFields value={settings} onChange={setSettings} />
        <div className="dropzone" data-testid="import-dropzone">
          <p>Drop chat exports anywhere in this panel</p>
          <button type="button" data-testid="import-choose" disabled={upload !== null || controller.staged !== null} onClick={() => void choose()}>
            Choose files…
          </button>
          {api.mode === 'loopback' && (
            <button type="button" data-testid="import-choose-folder" disabled={upload !== null || controller.staged !== null} onClick={() => folderInputRef.current?.click()}>
              Choose a folder…
            </button>
          )}
          <input
            ref={inputRef}
            data-testid="import-input"
            className="visually-hidden"
            type="file"
            multiple
            tabIndex={-1}
            aria-label="Files to import"
            onChange={(event) => {
              const files = Array.from(event.target.files ?? [], (file) => ({ file, relativePath: '' }));
              event.target.value = '';
              void controller.stageFiles(files);
            }}
          />
          <input
            ref={folderInputRef}
            data-testid="import-folder-input"
            className="visually-hidden"
            type="file"
            // A folder, walked by the browser: each file knows its path from the folder down.
            {...{ webkitdirectory: '' }}
            tabIndex={-1}
            aria-label="Folder to import"
            onChange={(event) => {
              const files = filesOfFolderPick(Array.from(event.target.files ?? []));
              event.target.value = '';
              if (files.length === 0) controller.setNotice('Nothing to import: the folder holds no files.');
              else void controller.stageFiles(files);
            }}
          />
        </div>
        {controller.staged !== null && (
          <StagedFiles staged={controller.staged} device={settings.device} zone={stagedZone(settings.timeZone, caseTimeZone)} onStart={startStaged} onDiscard={controller.discardStaged} />
        )}
        <div className="field">
          <label htmlFor={pathId}>Import from a path on this computer</label>
          <div className="inline-field">
            <CodeInput
              id={pathId}
              data-testid="import-path"
              value={path}
              placeholder="/evidence/phone-1/WhatsApp Chat.txt"
              onChange={(event) => setPath(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === 'Enter') void submitPath();
              }}
            />
            <button type="button" data-testid="import-path-detect" disabled={path.trim() === ''} onClick={() => void detect()}>
              Check
            </button>
            <button type="button" data-testid="import-path-submit" disabled={path.trim() === ''} onClick={() => void submitPath()}>
              Import
            </button>
          </div>
          <p className="hint">A file, a folder or a zip; read in place, never modified. “Check” shows what each file is before importing.</p>
          <details className="csv-mapping">
            <summary>CSV column mapping</summary>
            <input
              data-testid="import-csv-map"
              aria-label="CSV column mapping (JSON)"
              value={csvMap}
              onChange={(event) => setCsvMap(event.target.value)}
              placeholder='{"timestamp":"date","sender":"user","text":"message","chat":"channel"}'
            />
            <p className="hint">CSV files are imported only with a mapping of their columns (timestampFormat: iso, unix-ms, unix-s, dmy, mdy, ymd (English month names read too: Jul 23, 2011), or excel or excel-1904 for Excel serial dates; time: a column holding the time of day apart from the date; party: a column naming the other party either way, instead of sender; duration: a call log's length column, instead of text (each row a call); deletedDate, editedDate, attachment, attachmentType: iMazing's Deleted Date, Edited Date, Attachment and Attachment type columns; header: false for a file without a header row, columns then mapped by number; encoding, e.g. windows-1252, for a file not saved as UTF-8).</p>
          </details>
          {detected !== null && (
            <ul className="detected-list" data-testid="import-detected">
              {detected.map((item) => (
                <DetectedFileItem key={item.path} item={item} />
              ))}
            </ul>
          )}
        </div>
        {upload !== null && (
          <div className="upload" role="status">
            <span>
              Uploading {formatNumber(upload.files)} file{upload.files === 1 ? '' : 's'} into the case…
            </span>
            <div
              className="progress"
              role="progressbar"
              data-testid="import-upload-progress"
              aria-label="Upload progress"
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={upload.total === 0 ? 0 : Math.round((upload.done / upload.total) * 100)}
            >
              <div className="progress-fill" style={{ width: `${upload.total === 0 ? 0 : (upload.done / upload.total) * 100}%` }} />
            </div>
          </div>
        )}
        {controller.notice !== null && <p className="notice">{controller.notice}</p>}
        {controller.error !== null && (
          <p className="error" role="alert" data-testid="import-error">
            {controller.error}
          </p>
        )}
      </section>
      {children}
    </aside>
  );
}
