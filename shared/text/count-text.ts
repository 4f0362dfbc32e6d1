/**
 * Numbers and counts in words, as every surface says them (the UI, the engine's task summaries,
 * the CLI): English with en-US digit grouping, "1 message", "300,000 messages".
 */
const numberFormat = new Intl.NumberFormat('en-US');

export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

export function formatCount(count: number, singular: string, plural = `${singular}s`): string {
  return `${formatNumber(count)} ${count === 1 ? singular : plural}`;
}
