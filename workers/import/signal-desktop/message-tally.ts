import type { ParsedMessage } from '../../../shared/contracts/parsed-source.ts';

/** Adds one message to a source's figures (details): kinds, deleted, edited, attachments. */
export function tallyMessage(tally: Record<string, number>, message: ParsedMessage): void {
  bump(tally, message.kind === 'unparsed' ? 'unparsed' : message.kind === 'system' ? 'system' : 'messages');
  if (message.deleted) bump(tally, 'deleted');
  if (message.edited) bump(tally, 'edited');
  bump(tally, 'attachments', message.attachments.length);
}

export function bump(tally: Record<string, number>, key: string, by = 1): void {
  tally[key] = (tally[key] ?? 0) + by;
}
