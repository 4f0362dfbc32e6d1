/**
 * JSON with object keys sorted at every level, so the same data always gives the same bytes
 * (a court package must be reproducible byte for byte from the same input).
 */
export function canonicalJson(value: unknown, indent?: number): string {
  return JSON.stringify(sortKeys(value), null, indent);
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const item = (value as Record<string, unknown>)[key];
      if (item !== undefined) sorted[key] = sortKeys(item);
    }
    return sorted;
  }
  return value;
}

/** JSON Lines: one canonical object per line, each line ending in "\n". */
export function jsonLines(records: readonly unknown[]): string {
  return records.map((record) => `${canonicalJson(record)}\n`).join('');
}
