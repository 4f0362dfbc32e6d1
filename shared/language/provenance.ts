/**
 * Tool facts recorded with every language value Threadline stores, so a court can be told how
 * it was made (STYLE.md §4). Bump DETECTOR_VERSION whenever rules, word lists or weights change.
 */
import type { LanguageClassifier } from './classifier.ts';
import { DEFAULT_CANDIDATE_LANGUAGES } from './codes.ts';
import { WEIGHTS } from './weights.ts';

export const DETECTOR_VERSION = '3.0.0';
/** The franc release whose models (data.js) the detector scores with; package.json pins it. */
export const FRANC_VERSION = '6.2.0';

export function languageToolProvenance(caseLanguages?: readonly string[], classifier?: LanguageClassifier): { tool: string; toolVersion: string; parameters: Record<string, string | number> } {
  const parameters: Record<string, string | number> = {
    method: 'script ranges, letter rules, franc trigram distances, word lists, optional classifier, optional context',
    franc: FRANC_VERSION,
    classifier: classifier?.description ?? 'none',
    candidates: caseLanguages !== undefined && caseLanguages.length > 0 ? caseLanguages.join(',') : DEFAULT_CANDIDATE_LANGUAGES.join(','),
  };
  for (const [name, value] of Object.entries(WEIGHTS)) parameters[`weight.${name}`] = value;
  return { tool: 'threadline-language', toolVersion: DETECTOR_VERSION, parameters };
}
