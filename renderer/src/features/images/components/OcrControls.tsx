import { useId, useState } from 'react';
import { TaskOutcome } from '../../tasks/components/TaskOutcome.tsx';
import type { OcrTask } from '../state/use-ocr-task.ts';

/** Starts OCR of the images not read yet, or again of those that failed, in the languages asked for. */
export function OcrControls({ controller }: { controller: OcrTask }) {
  const [langs, setLangs] = useState('');
  const fieldId = useId();
  const { task, running, error } = controller;

  return (
    <section className="ocr-controls" aria-label="Text recognition">
      <div className="ocr-controls-line">
        <label htmlFor={fieldId}>Languages</label>
        <input
          id={fieldId}
          type="text"
          className="ocr-langs"
          data-testid="ocr-langs"
          placeholder="eng+ron+rus"
          spellCheck={false}
          autoComplete="off"
          value={langs}
          onChange={(event) => setLangs(event.target.value)}
        />
        <button type="button" className="primary" data-testid="ocr-start" disabled={running} onClick={() => void controller.start(langs, false)}>
          {running ? 'Reading…' : 'Read text in images'}
        </button>
        <button type="button" data-testid="ocr-retry" disabled={running} title="Read again the images whose OCR failed (after adding a language file, say)" onClick={() => void controller.start(langs, true)}>
          Retry failed
        </button>
      </div>
      <p className="hint">
        Tesseract language names joined with +, e.g. <span className="mono">eng+ron+rus</span>; empty uses the default. Each language needs its
        <span className="mono"> .traineddata</span> file in the folder named by <span className="mono">THREADLINE_TESSDATA</span> or{' '}
        <span className="mono">--tessdata</span>; nothing is downloaded.
      </p>
      <TaskOutcome task={task} running={running} cancelled="Text recognition was cancelled." error={error} testId="ocr-progress" />
    </section>
  );
}
