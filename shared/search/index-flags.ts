import { DOC_FLAGS } from '../contracts/index-worker.ts';

/** The flag bits the index keeps for a message, computed the same way at import and at rebuild. */
export function indexFlags(facts: { hasAttachment: boolean; hasOcr: boolean; deleted: boolean; system: boolean }): number {
  return (
    (facts.hasAttachment ? DOC_FLAGS.attachment : 0) |
    (facts.hasOcr ? DOC_FLAGS.ocr : 0) |
    (facts.deleted ? DOC_FLAGS.deleted : 0) |
    (facts.system ? DOC_FLAGS.system : 0)
  );
}
