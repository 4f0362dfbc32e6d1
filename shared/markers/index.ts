/**
 * The marker tagger: rule packs (data, packs/*.json) compiled once into a matcher that runs
 * anywhere (renderer, workers, CLI). Tags are indicators for an analyst to assess, never a
 * verdict. See README.md for the pack format.
 */
import { compilePacks } from './compile.ts';
import type { CompiledTagger } from './compile.ts';
import { analyseText, tagText } from './match.ts';
import type { MarkerAnalysis, MarkerTag } from './match.ts';
import { RULE_PACKS } from './packs/index.ts';

export { compilePacks } from './compile.ts';
export type { CompiledTagger } from './compile.ts';
export { analyseText, tagText } from './match.ts';
export type { MarkerAnalysis, MarkerTag } from './match.ts';
export { MARKER_IDS, RULE_LANGUAGES, validatePack } from './schema.ts';
export type { MarkerId, MarkerPack } from './schema.ts';
export { RULE_PACKS } from './packs/index.ts';

/**
 * The tagger as recorded on every tag ("threadline-markers 1.0.0"), wherever it runs (the tag
 * workers, the OCR task). Bump when tagging output changes for reasons other than the packs
 * (their versions are recorded too).
 */
export const MARKER_TAGGER = { tool: 'threadline-markers', toolVersion: '1.0.0' } as const;
export const MARKER_TAGGER_NAME = `${MARKER_TAGGER.tool} ${MARKER_TAGGER.toolVersion}`;

export interface MarkerTagger {
  /** Markers found in one message, in taxonomy order. `lang` is a hint (ISO 639-3). */
  tag(text: string, lang?: string): MarkerTag[];
  /** Every marker with evidence, suppressed ones included, for review and debugging. */
  analyse(text: string, lang?: string): MarkerAnalysis[];
  /** Pack versions by marker id ("context" for the benign-context pack). */
  readonly packVersions: Readonly<Record<string, string>>;
}

export function createMarkerTagger(packs: readonly unknown[] = RULE_PACKS): MarkerTagger {
  const compiled: CompiledTagger = compilePacks(packs);
  return {
    tag: (text, lang) => tagText(compiled, text, lang),
    analyse: (text, lang) => analyseText(compiled, text, lang),
    packVersions: compiled.packVersions,
  };
}
