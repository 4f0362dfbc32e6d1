export interface LanguageItem {
  rowid: number;
  text: string;
}

export interface LanguageResult {
  rowid: number;
  lang: string;
  confidence: number;
}

/** Language workers form a pool; each call detects a batch independently. */
export interface LanguageWorkerApi {
  detect: { params: { items: LanguageItem[] }; result: { results: LanguageResult[]; tool: { tool: string; toolVersion: string; parameters: Record<string, string | number> } } };
}
