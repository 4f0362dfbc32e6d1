import { AppError } from '../errors.ts';
import { normaliseCode } from '../language/codes.ts';
import type { SourceRecord } from './source.ts';

export interface CaseSettings {
  /** IANA zone applied to sources whose timestamps carry no zone, unless --tz overrides it. */
  timeZone: string;
  /** Tesseract languages images are read with unless an import says otherwise (e.g. ['eng', 'ron', 'rus']). */
  ocrLanguages: string[];
  /**
   * Languages the case's messages are expected in (ISO 639-3, e.g. ['ron', 'bul']): language
   * detection chooses among them (the script still wins: Cyrillic text is never called English).
   * Empty: any language.
   */
  languages: string[];
}

export interface CaseInfo {
  path: string;
  name: string;
  createdAt: string;
  settings: CaseSettings;
  sources: SourceRecord[];
  /** Messages of the imported sources (messagesOf), records kept unparsed not included. */
  messageCount: number;
  /** Records of the imported sources kept raw because they could not be parsed. */
  unparsedCount: number;
  schemaVersion: number;
}

/** A case names a few languages; more than this is a typing accident, not a narrowing. */
export const MAX_CASE_LANGUAGES = 30;
const ISO_639_3 = /^[a-z]{3}$/u;

/**
 * A language list as people type it ("ron, bul", "ron+bul", "RUM bul") → ISO 639-3 codes,
 * aliases resolved (rum → ron), duplicates dropped, in the order given. An empty text is the
 * empty list (any language). A code that is not three letters is an E_USAGE error naming it.
 */
export function parseLanguageList(text: string): string[] {
  const languages: string[] = [];
  for (const word of text.split(/[\s,;+]+/u).filter((part) => part !== '')) {
    const code = normaliseCode(word);
    if (!ISO_639_3.test(code)) throw new AppError('E_USAGE', `"${word}" is not an ISO 639-3 language code (three letters, such as ron, bul or eng)`);
    if (!languages.includes(code)) languages.push(code);
  }
  if (languages.length > MAX_CASE_LANGUAGES) throw new AppError('E_USAGE', `${languages.length} languages given; a case names at most ${MAX_CASE_LANGUAGES}`);
  return languages;
}
