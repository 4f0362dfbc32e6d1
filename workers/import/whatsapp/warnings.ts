/**
 * Warnings with a cap per kind: a damaged 50 MB export must not produce a million entries,
 * yet the reader must learn how many were left out.
 */

import type { WhatsAppParseWarning } from './types.ts';

export const MAX_WARNINGS_PER_KIND = 50;

export type WarningKind =
  | 'file'
  | 'encoding'
  | 'date-order'
  | 'date'
  | 'order'
  | 'year';

export class WarningCollector {
  readonly warnings: WhatsAppParseWarning[] = [];
  private readonly counts = new Map<WarningKind, number>();

  add(kind: WarningKind, line: number, message: string): void {
    const count = (this.counts.get(kind) ?? 0) + 1;
    this.counts.set(kind, count);
    if (count <= MAX_WARNINGS_PER_KIND) {
      this.warnings.push({ line, message });
    }
  }

  /** Appends one summary per kind whose warnings were cut, and returns the list. */
  finish(): WhatsAppParseWarning[] {
    for (const [kind, count] of this.counts) {
      if (count > MAX_WARNINGS_PER_KIND) {
        this.warnings.push({
          line: 0,
          message: `${count - MAX_WARNINGS_PER_KIND} more warnings of kind "${kind}" were not listed`,
        });
      }
    }
    return this.warnings;
  }
}
