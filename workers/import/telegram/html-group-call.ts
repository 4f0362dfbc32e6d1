/**
 * A group's voice chat on a Telegram HTML page as a call record, as the JSON export's "group_call"
 * is one (json-call.ts). The HTML writer draws it as a service line in English (export_output_html.cpp,
 * pushMessage, ActionGroupCall): "<name> started voice chat" in a group, "Voice chat" in a
 * channel, each followed by " (N seconds)" only when it has a length; writers of 2021 wrote
 * "Group call" with the same length. That is all the page says: who started it (not in a
 * channel), how long it ran. No participant and no outcome are written, so the outcome is
 * 'unknown'. The line stays the record's text, as written.
 */

import type { ParsedMessage } from '../../../shared/contracts/parsed-source.ts';
import type { CallOutcome } from '../sms-xml/call-log.ts';

export interface HtmlGroupCallFacts {
  recordType: 'call';
  callKind: 'group';
  outcome: CallOutcome;
  /** The " (N seconds)" of the line, or null when the line gives no length. */
  durationSeconds: number | null;
}

const STARTED_BY = /^(.+) started voice chat(?: \((\d{1,9}) seconds\))?$/u;
const UNNAMED = /^(?:Voice chat|Group call)(?: \((\d{1,9}) seconds\))?$/u;

/** Turns a service line that is a group voice chat into a call record, in place: its starter becomes its sender. */
export function asHtmlGroupCall(message: ParsedMessage): void {
  if (message.kind !== 'system') return;
  const started = STARTED_BY.exec(message.text);
  const unnamed = started === null ? UNNAMED.exec(message.text) : null;
  if (started === null && unnamed === null) return;
  const length = started === null ? unnamed?.[1] : started[2];
  const facts: HtmlGroupCallFacts = { recordType: 'call', callKind: 'group', outcome: 'unknown', durationSeconds: length === undefined ? null : Number(length) };
  if (started !== null) message.sender = started[1] ?? null;
  message.extra = { ...message.extra, ...facts };
}

export function isHtmlGroupCall(message: ParsedMessage): boolean {
  return message.extra?.['callKind'] === 'group';
}
