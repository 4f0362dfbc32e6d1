import type { Migration } from './migration.ts';

/**
 * An identifier (phone number, e-mail...) says where it was found: in the message text ('text',
 * start/end index it) or in the text read by OCR from its images ('ocr', start/end index that
 * image's searched text). Tagging the message text again replaced every identifier of the
 * message, so phone numbers read from screenshots vanished. An identifier stored before this
 * migration on a message with OCR results whose raw form is not in the message text can only
 * have come from its images; every other stays 'text' (tagging the text again finds it there).
 */
export const migration0120: Migration = {
  version: 120,
  name: 'identifier-origin',
  up: `
    ALTER TABLE identifiers ADD COLUMN origin TEXT NOT NULL DEFAULT 'text' CHECK (origin IN ('text', 'ocr'));
    UPDATE identifiers SET origin = 'ocr'
      WHERE EXISTS (SELECT 1 FROM ocr_results o WHERE o.message_rowid = identifiers.message_rowid)
        AND instr((SELECT m.text FROM messages m WHERE m.rowid = identifiers.message_rowid), identifiers.raw) = 0;
  `,
};
