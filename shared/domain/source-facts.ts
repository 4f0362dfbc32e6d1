/**
 * What a message's `extra` holds, for people: every format-specific fact the importer kept
 * (forwarded, reactions, the quoted text, why a record stayed unparsed, call facts…) as a label
 * and a text, in the importer's order, and the few that change how a message reads, as short
 * badges. Nothing is left out: a key without a label of its own is shown by its name.
 */

export interface SourceFact {
  key: string;
  label: string;
  text: string;
}

/** A value longer than this is cut in the list (the whole value is in the case and the export). */
export const MAX_FACT_TEXT = 500;

const LABELS: Readonly<Record<string, string>> = {
  unparsedReason: 'why it is kept raw',
  systemReason: 'why it reads as a notice',
  placeholder: 'export placeholder (not the person’s words)',
  attachmentDecryption: 'attachment decryption',
  replyToKeyId: 'reply to (message key)',
  keyId: 'message key',
  textChars: 'text length in the source (characters)',
  notSentNote: 'why it is not recorded as sent',
  // Set by importers whose text for a call, a notice, a poll or a shared place is their own sentence.
  textGenerated: 'text written by the importer (not stored as anyone’s words)',
  storedText: 'text as the source stored it',
  attachmentFacts: 'attachment facts (one per attachment, in order)',
};

/** Facts that change how a message reads, as badge texts, in a fixed order. */
export function notableFacts(extra: Readonly<Record<string, unknown>> | null): string[] {
  if (extra === null) return [];
  const badges: string[] = [];
  if (extra['forwarded'] === true) badges.push('forwarded');
  if (extra['starred'] === true) badges.push('starred');
  if (extra['viewOnce'] === true) badges.push('view once');
  if (isRecord(extra['disappearing'])) badges.push(disappearingBadge(extra['disappearing']));
  if (extra['recentlyDeleted'] === true) badges.push('recently deleted');
  if (typeof extra['textChars'] === 'number') badges.push('text cut in the case');
  // An outgoing message the source keeps as a draft, queued, being sent or failed (Google Messages'
  // message_status, google-messages/bugle-codes.ts): it may read as sent, and was not recorded so.
  if (typeof extra['notSentNote'] === 'string' || extra['notYetSent'] === true) badges.push('not recorded as sent');
  // An attachment the app hides, or whose file never finished reaching the phone (iOS sms.db's
  // attachmentFacts): its facts can be cut in the list, and it must not read as a file merely missing.
  const attachmentFacts = Array.isArray(extra['attachmentFacts']) ? (extra['attachmentFacts'] as unknown[]).filter(isRecord) : [];
  if (attachmentFacts.some((fact) => fact['hidden'] === true)) badges.push('attachment hidden in the app');
  if (attachmentFacts.some((fact) => fact['transferNotFinished'] === true)) badges.push('attachment transfer not finished');
  return badges;
}

/** Every fact of `extra`, labelled, in the importer's order. */
export function sourceFacts(extra: Readonly<Record<string, unknown>> | null): SourceFact[] {
  if (extra === null) return [];
  return Object.entries(extra)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => ({ key, label: LABELS[key] ?? humanise(key), text: factText(value) }));
}

/** "receivedAt" → "received at", "mediaPathInDatabase" → "media path in database", "senderLid" → "sender lid". */
export function humanise(key: string): string {
  return key
    .replace(/([a-z\d])([A-Z])/gu, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/gu, '$1 $2')
    .replace(/_/gu, ' ')
    .toLowerCase();
}

function factText(value: unknown): string {
  if (value === null) return '(none)';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string') return cut(value);
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  return cut(JSON.stringify(value) ?? String(value));
}

function cut(text: string): string {
  return text.length <= MAX_FACT_TEXT ? text : `${text.slice(0, MAX_FACT_TEXT)}… (${text.length} characters)`;
}

function disappearingBadge(disappearing: Readonly<Record<string, unknown>>): string {
  const seconds = disappearing['durationSeconds'];
  return typeof seconds === 'number' && seconds > 0 ? `sent to disappear after ${durationText(seconds)}` : 'sent to disappear';
}

function durationText(seconds: number): string {
  const days = seconds / 86_400;
  if (Number.isInteger(days)) return days === 1 ? '1 day' : `${days} days`;
  const hours = seconds / 3_600;
  if (Number.isInteger(hours)) return hours === 1 ? '1 hour' : `${hours} hours`;
  return `${seconds} seconds`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
