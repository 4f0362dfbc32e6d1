import { useCallback, useState } from 'react';
import { api } from '../../../api/client.ts';
import type { ImportRequestOptions } from '../../../api/client.ts';
import { describeError } from '../../../app/format.ts';

export interface UploadProgress {
  files: number;
  done: number;
  total: number;
}

export interface ImportController {
  upload: UploadProgress | null;
  error: string | null;
  notice: string | null;
  importFiles(files: File[], options: ImportRequestOptions): Promise<void>;
  importPaths(paths: string[], options: ImportRequestOptions): Promise<boolean>;
  /** Native picker in Electron; returns false where the browser's file input must be used. */
  pickNative(options: ImportRequestOptions): Promise<boolean>;
  setNotice(text: string | null): void;
}

/** Starts imports; the engine reports their progress as tasks (see features/tasks). */
export function useImport(): ImportController {
  const [upload, setUpload] = useState<UploadProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

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

  const importFiles = useCallback(async (files: File[], options: ImportRequestOptions) => {
    if (files.length === 0) return;
    setError(null);
    const total = files.reduce((sum, file) => sum + file.size, 0);
    setUpload({ files: files.length, done: 0, total });
    try {
      await api.importFiles(files, options, (done, all) => setUpload({ files: files.length, done, total: all }));
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setUpload(null);
    }
  }, []);

  const pickNative = useCallback(async (options: ImportRequestOptions) => {
    const paths = await api.pickPaths();
    if (paths === null) return false;
    await importPaths(paths, options);
    return true;
  }, [importPaths]);

  return { upload, error, notice, importFiles, importPaths, pickNative, setNotice };
}
