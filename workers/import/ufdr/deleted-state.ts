/**
 * What a report's deleted states mean, for models (`deleted_state`) and tagged files (`deleted`)
 * alike.
 */

/**
 * Physical Analyzer's deleted states that mean the user deleted the item: `Deleted`, and `Trash`
 * (found in an app's trash or recycle bin, deleted by the user but not yet purged). `Intact` and
 * `Unknown` say nothing of a deletion; the word as written is kept in extra either way.
 */
const DELETED_STATES = new Set(['deleted', 'trash']);

export function isDeletedState(state: string | null | undefined): boolean {
  return DELETED_STATES.has((state ?? '').trim().toLowerCase());
}
