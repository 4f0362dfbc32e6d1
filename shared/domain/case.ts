import type { SourceRecord } from './source.ts';

export interface CaseSettings {
  /** IANA zone applied to sources whose timestamps carry no zone, unless --tz overrides it. */
  timeZone: string;
  /** Tesseract languages images are read with unless an import says otherwise (e.g. ['eng', 'ron', 'rus']). */
  ocrLanguages: string[];
}

export interface CaseInfo {
  path: string;
  name: string;
  createdAt: string;
  settings: CaseSettings;
  sources: SourceRecord[];
  messageCount: number;
  schemaVersion: number;
}
