import type { Migration } from './migration.ts';

/**
 * An OCR result keeps, beside everything OCR read (`text`, every word with its confidence), the
 * words that are searched and tagged (`searchable_text`: shared/domain/ocr-searchable.ts), so
 * an index rebuilt from the case gets the same words the OCR run indexed. Results stored before
 * this migration have none (NULL): their whole text was indexed and tagged, and still is.
 */
export const migration0110: Migration = {
  version: 110,
  name: 'ocr-searchable-text',
  up: `
    ALTER TABLE ocr_results ADD COLUMN searchable_text TEXT;
  `,
};
