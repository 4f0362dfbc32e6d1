import { useEffect, useState } from 'react';
import type { TaskView } from '../../../../../shared/domain/task.ts';
import { api } from '../../../api/client.ts';
import { useEngineEvent } from '../../../app/engine-events.ts';
import { describeError } from '../../../app/format.ts';

/** What ocr.start accepts for a language name (a .traineddata file name without the extension). */
const LANG = /^[A-Za-z][A-Za-z0-9_]{1,31}$/u;

export interface OcrTask {
  task: TaskView | null;
  running: boolean;
  error: string | null;
  start(langsField: string, retryFailed: boolean): Promise<void>;
}

/** "eng+ron rus" -> ['eng', 'ron', 'rus']; empty means the engine's default languages. */
export function parseLangs(field: string): { langs: string[] | null; invalid: string[] } {
  const parts = field.split(/[\s+,;]+/u).filter((part) => part !== '');
  return { langs: parts.length === 0 ? null : [...new Set(parts)], invalid: parts.filter((part) => !LANG.test(part)) };
}

/**
 * The OCR task the analyst started here, or the one an import started: OCR runs after every
 * import, so the images view shows its progress whoever started it.
 */
export function useOcrTask(): OcrTask {
  const [task, setTask] = useState<TaskView | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    api.invoke('tasks.list', {}).then(
      (tasks) => {
        const running = tasks.filter((each) => each.kind === 'ocr' && each.state === 'RUNNING').pop();
        if (live && running !== undefined) setTask((current) => current ?? running);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);

  useEngineEvent((event) => {
    if (event.name === 'task.update' && event.payload.kind === 'ocr') setTask(event.payload);
  });

  async function start(langsField: string, retryFailed: boolean): Promise<void> {
    setError(null);
    const { langs, invalid } = parseLangs(langsField);
    if (invalid.length > 0) {
      setError(`Not a language name: ${invalid.join(', ')} (use tesseract names such as eng, ron, rus)`);
      return;
    }
    try {
      const { taskId } = await api.invoke('ocr.start', { ...(langs === null ? {} : { langs }), ...(retryFailed ? { retryFailed: true } : {}) });
      // A small case can finish before the reply arrives, and with it every task.update event.
      const known = (await api.invoke('tasks.list', {})).find((each) => each.id === taskId);
      setTask((current) => (current?.id === taskId ? current : (known ?? current)));
    } catch (caught) {
      setError(describeError(caught));
    }
  }

  return { task, running: task?.state === 'RUNNING', error, start };
}
