import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../../api/client.ts';
import type { ImportRequestOptions, PickedFile } from '../../../api/client.ts';
import type { ResponseOf } from '../../../../../shared/ipc/contract.ts';
import type { CsvMappingSpec } from '../../../../../shared/domain/import.ts';
import { describeError } from '../../../app/format.ts';

export interface UploadProgress {
  files: number;
  done: number;
  total: number;
}

export type DetectedFile = ResponseOf<'import.detect'>[number];

/** Pause after the mapping changes before staged files are checked again, so typing does not re-check each step. */
const RECHECK_DELAY_MS = 300;

/**
 * Files dropped or picked, waiting for the analyst: each with the format its content shows (or
 * why it is not recognised), so nothing starts before the analyst has seen what it is and said
 * which device it comes from.
 */
export interface StagedImport {
  paths: string[];
  /** null while the engine is still looking at the files. */
  detected: DetectedFile[] | null;
}

export interface ImportController {
  upload: UploadProgress | null;
  staged: StagedImport | null;
  error: string | null;
  notice: string | null;
  /** Uploads (browser mode) and checks dropped or picked files; they are imported by startStaged. */
  stageFiles(files: PickedFile[]): Promise<void>;
  /** Native picker in Electron (then staged); returns false where the browser's file input must be used. */
  pickNative(): Promise<boolean>;
  startStaged(options: ImportRequestOptions): Promise<boolean>;
  discardStaged(): void;
  importPaths(paths: string[], options: ImportRequestOptions): Promise<boolean>;
  setNotice(text: string | null): void;
}

/**
 * Starts imports; the engine reports their progress as tasks (see features/tasks). `csvMapping`
 * is the CSV column mapping typed in the panel (undefined: none, or not JSON yet): staged files
 * are checked with it, and checked again when it changes, so a CSV table shows as the import
 * will read it rather than "not recognised".
 */
export function useImport(csvMapping: CsvMappingSpec | undefined): ImportController {
  const [upload, setUpload] = useState<UploadProgress | null>(null);
  const [staged, setStaged] = useState<StagedImport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const mappingRef = useRef(csvMapping);
  mappingRef.current = csvMapping;
  const stagedPaths = useRef<string[] | null>(null);
  stagedPaths.current = staged?.paths ?? null;
  /** Numbers each check, so an answer overtaken by a later check (a newer mapping) is dropped. */
  const latestCheck = useRef(0);

  const importPaths = useCallback(async (paths: string[], options: ImportRequestOptions) => {
    if (paths.length === 0) return false;
    setError(null);
    try {
      await api.invoke('import.start', { paths, ...options });
      return true;
    } catch (caught) {
      setError(describeError(caught));
      return false;
    }
  }, []);

  /** Asks the engine what each staged file is, with the mapping typed now. */
  const checkStaged = useCallback(async (paths: string[]) => {
    const check = ++latestCheck.current;
    const mapping = mappingRef.current;
    try {
      const detected = await api.invoke('import.detect', { paths, ...(mapping === undefined ? {} : { csvMapping: mapping }) });
      if (check === latestCheck.current) setStaged((current) => (current?.paths === paths ? { paths, detected } : current));
    } catch (caught) {
      setError(describeError(caught));
      setStaged(null);
    }
  }, []);

  const stagePaths = useCallback(async (paths: string[]) => {
    if (paths.length === 0) return;
    setStaged({ paths, detected: null });
    await checkStaged(paths);
  }, [checkStaged]);

  // A mapping typed (or changed) after the files were staged: what they are may have changed.
  useEffect(() => {
    const paths = stagedPaths.current;
    if (paths === null) return undefined;
    const timer = setTimeout(() => void checkStaged(paths), RECHECK_DELAY_MS);
    return () => clearTimeout(timer);
  }, [csvMapping, checkStaged]);

  const stageFiles = useCallback(async (files: PickedFile[]) => {
    if (files.length === 0) return;
    setError(null);
    const total = files.reduce((sum, { file }) => sum + file.size, 0);
    setUpload({ files: files.length, done: 0, total });
    let paths: string[];
    try {
      paths = await api.uploadFiles(files, (done, all) => setUpload({ files: files.length, done, total: all }));
    } catch (caught) {
      setError(describeError(caught));
      return;
    } finally {
      setUpload(null);
    }
    await stagePaths(paths);
  }, [stagePaths]);

  const pickNative = useCallback(async () => {
    const paths = await api.pickPaths();
    if (paths === null) return false;
    await stagePaths(paths);
    return true;
  }, [stagePaths]);

  const startStaged = useCallback(async (options: ImportRequestOptions) => {
    if (staged === null) return false;
    const started = await importPaths(staged.paths, options);
    if (started) setStaged(null);
    return started;
  }, [staged, importPaths]);

  const discardStaged = useCallback(() => {
    setStaged(null);
    // An error of the discarded files (an unknown zone, say) no longer applies to anything on screen.
    setError(null);
  }, []);

  return { upload, staged, error, notice, stageFiles, pickNative, startStaged, discardStaged, importPaths, setNotice };
}
