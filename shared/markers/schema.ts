/**
 * The rule pack format (documented for linguists in README.md). A pack is data: it is parsed
 * here with zod, so a broken pack fails at load time with a message naming the pack, the rule
 * and the field, never at match time.
 */
import { z } from 'zod';
import { parseTerm } from './terms.ts';

/** Marker ids of ../shared/eval/TAXONOMY.md v1, in taxonomy order (also the output order). */
export const MARKER_IDS = [
  'debt-bondage',
  'document-control',
  'threat-violence',
  'intimate-image-blackmail',
  'movement-control',
  'reporting-monitoring',
  'earnings-control',
  'isolation',
  'deceptive-recruitment',
  'third-party-control',
  'grooming-romance',
  'exploitation-logistics',
] as const;
export type MarkerId = (typeof MARKER_IDS)[number];

/**
 * ISO 639-3 codes a rule or a lexicon entry may be written for. Arabic is the macrolanguage
 * 'ara' (standard and dialect forms, Arabizi in Latin letters); message languages the detector
 * reports for Arabic varieties ('arb', 'arz', ...) are mapped to it by ruleLanguageOf.
 */
export const RULE_LANGUAGES = ['eng', 'ron', 'bul', 'rus', 'ukr', 'srp', 'pol', 'deu', 'fra', 'spa', 'ita', 'nld', 'hun', 'sqi', 'vie', 'ara', 'heb'] as const;
export type RuleLanguage = (typeof RULE_LANGUAGES)[number];

/**
 * Individual Arabic languages (ISO 639-3) under the macrolanguage 'ara': the language detector
 * reports Standard Arabic as 'arb' (shared/language/codes.ts); dialect codes may come from a
 * case's own metadata.
 */
const ARABIC_VARIETIES: ReadonlySet<string> = new Set([
  'arb', 'arz', 'apc', 'ajp', 'apd', 'acm', 'acq', 'acw', 'acx', 'adf', 'aeb', 'aec', 'afb', 'auz', 'avl', 'ayh', 'ayl', 'ayn', 'ayp', 'arq', 'ary', 'abh', 'abv', 'ars', 'shu', 'ssh', 'pga', 'aao',
]);

/** The rule language a message language (ISO 639-3, any case) is listed under: 'arb' → 'ara'. */
export function ruleLanguageOf(lang: string): string {
  const lower = lang.trim().toLowerCase();
  return ARABIC_VARIETIES.has(lower) ? 'ara' : lower;
}

/** The `marker` of the pack that holds benign-context suppressions shared by every marker. */
export const CONTEXT_PACK = '*';
/** Rule ids in the context pack start with this instead of a marker id. */
export const CONTEXT_RULE_PREFIX = 'context';

const SEMVER = /^\d+\.\d+\.\d+$/;
const CONCEPT_NAME = /^[a-z][a-z0-9-]*$/;
const MAX_WINDOW = 40;
const MAX_GAP = 10;
const MAX_SLOTS = 6;

const language = z.enum(RULE_LANGUAGES);
const ruleLanguage = z.union([language, z.literal('*')]);

const termText = z.string().min(1).max(200).superRefine((text, context) => {
  if (text.startsWith('@')) {
    if (!CONCEPT_NAME.test(text.slice(1))) context.addIssue({ code: 'custom', message: `"${text}" is not a valid concept reference (@lower-case-name)` });
    return;
  }
  const problem = parseTerm(text).error;
  if (problem !== undefined) context.addIssue({ code: 'custom', message: `term "${text}": ${problem}` });
});

/** A slot: one term or concept reference, or a list of them; any one of them fills the slot. */
const slot = z.union([termText, z.array(termText).min(1)]);

const common = {
  id: z.string().regex(/^[a-z*-]+\/(\*|[a-z]{3})\/[a-z0-9-]+$/, 'expected "<marker>/<lang or *>/<name>" in lower case'),
  lang: ruleLanguage,
  note: z.string().min(1, 'say why the rule exists'),
};
const termShape = { kind: z.literal('term'), terms: slot, min: z.int().min(1).max(10).optional() };
/**
 * `sameLanguage`: every slot must be filled by words listed under one common language (or
 * under '*'). Use it when slots hold short function words ("no", "ne", "am") that are
 * different words in another language; leave it off to let code-mixed messages match.
 */
const sameLanguage = z.boolean().optional();
const nearShape = { kind: z.literal('near'), all: z.array(slot).min(2).max(MAX_SLOTS), window: z.int().min(2).max(MAX_WINDOW), sameLanguage };
const phraseShape = { kind: z.literal('phrase'), sequence: z.array(slot).min(2).max(MAX_SLOTS), gap: z.int().min(0).max(MAX_GAP).optional(), sameLanguage };

const weight = z.number().min(0).max(1);
const ruleSchema = z.discriminatedUnion('kind', [
  z.strictObject({ ...common, ...termShape, weight }),
  z.strictObject({ ...common, ...nearShape, weight }),
  z.strictObject({ ...common, ...phraseShape, weight }),
]);

const suppressExtras = {
  /** The marker's score is multiplied by this when the benign context is present (0 = veto). */
  factor: z.number().min(0).max(1),
  /** Context pack only: the markers this suppression applies to (default: all). */
  markers: z.array(z.enum(MARKER_IDS)).min(1).optional(),
};
const suppressSchema = z.discriminatedUnion('kind', [
  z.strictObject({ ...common, ...termShape, ...suppressExtras }),
  z.strictObject({ ...common, ...nearShape, ...suppressExtras }),
  z.strictObject({ ...common, ...phraseShape, ...suppressExtras }),
]);

const conceptSchema = z.strictObject({
  note: z.string().min(1),
  terms: z.partialRecord(language, z.array(termText).min(1)),
});

export const packSchema = z
  .strictObject({
    marker: z.union([z.enum(MARKER_IDS), z.literal(CONTEXT_PACK)]),
    version: z.string().regex(SEMVER, 'expected a version like "1.0.0"'),
    description: z.string().min(1),
    threshold: z.number().gt(0).max(1).optional(),
    lexicon: z.record(z.string().regex(CONCEPT_NAME), conceptSchema).optional(),
    rules: z.array(ruleSchema),
    suppress: z.array(suppressSchema).optional(),
  })
  .superRefine(checkReferences);

export type MarkerPack = z.infer<typeof packSchema>;
export type PackRule = z.infer<typeof ruleSchema>;
export type PackSuppression = z.infer<typeof suppressSchema>;
export type Slot = z.infer<typeof slot>;

function checkReferences(pack: MarkerPack, context: z.RefinementCtx): void {
  const prefix = pack.marker === CONTEXT_PACK ? CONTEXT_RULE_PREFIX : pack.marker;
  const concepts = pack.lexicon ?? {};
  const seen = new Set<string>();
  if (pack.marker === CONTEXT_PACK && pack.rules.length > 0) {
    context.addIssue({ code: 'custom', path: ['rules'], message: 'the context pack holds suppressions only' });
  }
  const check = (list: readonly (PackRule | PackSuppression)[], field: 'rules' | 'suppress'): void => {
    list.forEach((rule, index) => {
      const path = [field, index, 'id'];
      if (seen.has(rule.id)) context.addIssue({ code: 'custom', path, message: `duplicate rule id ${rule.id}` });
      seen.add(rule.id);
      const [marker, lang] = rule.id.split('/');
      if (marker !== prefix) context.addIssue({ code: 'custom', path, message: `rule id ${rule.id} must start with "${prefix}/"` });
      if (lang !== rule.lang) context.addIssue({ code: 'custom', path, message: `rule id ${rule.id} names language "${lang}" but lang is "${rule.lang}"` });
      if ('markers' in rule && rule.markers !== undefined && pack.marker !== CONTEXT_PACK) {
        context.addIssue({ code: 'custom', path: [field, index, 'markers'], message: 'only the context pack may list markers' });
      }
      for (const reference of slotsOf(rule).flatMap((item) => (typeof item === 'string' ? [item] : item))) {
        if (reference.startsWith('@') && concepts[reference.slice(1)] === undefined) {
          context.addIssue({ code: 'custom', path: [field, index], message: `rule ${rule.id} uses ${reference}, which the lexicon does not define` });
        }
      }
    });
  };
  check(pack.rules, 'rules');
  check(pack.suppress ?? [], 'suppress');
}

export function slotsOf(rule: PackRule | PackSuppression): Slot[] {
  switch (rule.kind) {
    case 'term':
      return [rule.terms];
    case 'near':
      return rule.all;
    case 'phrase':
      return rule.sequence;
  }
}

/** Parses a pack, or throws an Error whose message names the pack, each rule and field at fault. */
export function validatePack(data: unknown, source: string): MarkerPack {
  const result = packSchema.safeParse(data);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  - ${describePath(data, issue.path)}: ${issue.message}`);
  throw new Error(`Invalid marker rule pack ${source}:\n${lines.join('\n')}`);
}

/** "rules[3] (debt-bondage/eng/owe).weight" rather than "rules.3.weight". */
function describePath(data: unknown, path: readonly PropertyKey[]): string {
  let text = '';
  let node: unknown = data;
  for (const key of path) {
    text += typeof key === 'number' ? `[${key}]` : `${text === '' ? '' : '.'}${String(key)}`;
    node = node !== null && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined;
    const id = node !== null && typeof node === 'object' ? (node as { id?: unknown }).id : undefined;
    if (typeof key === 'number' && typeof id === 'string') text += ` (${id})`;
  }
  return text === '' ? '(pack)' : text;
}
