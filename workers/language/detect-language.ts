/**
 * Batch detection for the language worker. The detector itself is pure and lives in
 * shared/language/ so the CLI (which may not import workers/) runs the same code; the worker
 * adds what only Node can load, fastText's lid.176 (fasttext-classifier.ts).
 */
import type { LanguageItem, LanguageResult } from '../../shared/contracts/language-worker.ts';
import type { LanguageClassifier } from '../../shared/language/classifier.ts';
import type { TextAnalysis } from '../../shared/language/analyse.ts';
import { detectLanguage } from '../../shared/language/detect.ts';

/** Items between cancellation checks: a few ms of work. */
const CANCEL_CHECK_EVERY = 500;

export function detectItems(items: readonly LanguageItem[], caseLanguages: readonly string[] | undefined, throwIfCancelled: () => void, classifier?: LanguageClassifier): LanguageResult[] {
  // One batch, one request: a line analysed as a message is not analysed again as a neighbour.
  const analyses = new Map<string, TextAnalysis>();
  return items.map((item, position) => {
    if (position % CANCEL_CHECK_EVERY === 0) throwIfCancelled();
    const guess = detectLanguage(item.text, {
      analyses,
      ...(item.context === undefined ? {} : { context: item.context }),
      ...(caseLanguages === undefined ? {} : { caseLanguages }),
      ...(classifier === undefined ? {} : { classifier }),
    });
    return { rowid: item.rowid, lang: guess.lang, confidence: guess.confidence, method: guess.method, ...(guess.script === undefined ? {} : { script: guess.script }) };
  });
}
