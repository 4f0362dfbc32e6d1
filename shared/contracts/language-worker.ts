export interface LanguageItem {
  rowid: number;
  text: string;
  /** Neighbouring messages (same conversation, same sender), nearest first: used when `text` is short or ambiguous. */
  context?: string[];
}

export interface LanguageResult {
  rowid: number;
  /** ISO 639-3, `und` when unknown. */
  lang: string;
  /** 0..1; answers at ≥ 0.7 are mostly right (shared/language/weights.ts). */
  confidence: number;
  /** ISO 15924 script of the text (`Latn` for romanised Russian), when it has letters. */
  script?: string;
  /** How the answer was reached: script | letters | trigrams | context | franc | none. */
  method?: string;
}

/** Language workers form a pool; each call detects a batch independently. */
export interface LanguageWorkerApi {
  detect: {
    params: { items: LanguageItem[]; caseLanguages?: string[] };
    result: { results: LanguageResult[]; tool: { tool: string; toolVersion: string; parameters: Record<string, string | number> } };
  };
}
