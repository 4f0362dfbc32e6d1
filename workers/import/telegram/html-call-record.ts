/**
 * A phone call of a Telegram HTML page as a call record, as the other importers write one
 * (meta/meta-call.ts, sms-xml/call-log.ts): kind 'system', `extra.recordType = 'call'`, the
 * outcome and length in extra, the caller as sender. Telegram Desktop writes a call as a message
 * from the caller with no text and one `media_call` block (export_output_html.cpp: pushMessage
 * gives ActionPhoneCall no service text, so it is drawn as a message; prepareMediaData fills the
 * block). Its title is the person called; its status is one English word for the account
 * holder's side, "Outgoing" or "Cancelled" (the holder called; Cancelled: discard reason missed),
 * "Incoming", "Missed" (reason missed) or "Declined" (reason busy), followed by " (N seconds)"
 * only when the call lasted (then the block's class also gains "success"). The block's own
 * words stay in `extra.media`, where html-call-owner.ts and html-chat-kind.ts read them.
 */

import type { ParsedMessage } from '../../../shared/contracts/parsed-source.ts';
import type { CallOutcome } from '../sms-xml/call-log.ts';
import { callFactsOf } from './html-call-owner.ts';
import type { HtmlCallFact } from './html-call-owner.ts';

export interface HtmlCallRecordFacts {
  recordType: 'call';
  outcome: CallOutcome;
  /** The " (N seconds)" of the status, or null when the status gives no length. */
  durationSeconds: number | null;
}

/** Only the words that say what happened; "Outgoing" and "Incoming" alone do not (a call nobody took is "Outgoing" too). */
const STATUS_OUTCOMES: ReadonlyMap<string, CallOutcome> = new Map<string, CallOutcome>([
  ['Missed', 'missed'],
  ['Cancelled', 'cancelled'],
  ['Declined', 'rejected'],
]);
const STATUS_WORD = /^(\p{L}+)/u;
const STATUS_LENGTH = / \((\d{1,9}) seconds\)$/u;

/** The facts of the first call block's status, or null when the message holds no call. */
export function htmlCallFacts(message: ParsedMessage): HtmlCallRecordFacts | null {
  const [call] = callFactsOf(message);
  if (call === undefined) return null;
  const length = STATUS_LENGTH.exec(call.status);
  const durationSeconds = length === null ? null : Number(length[1]);
  const word = STATUS_WORD.exec(call.status)?.[1] ?? '';
  // A lasting call was taken (the exporter marks it "success"); a word other than these says nothing more.
  const outcome = STATUS_OUTCOMES.get(word) ?? (durationSeconds !== null && durationSeconds > 0 ? 'answered' : 'unknown');
  return { recordType: 'call', outcome, durationSeconds };
}

/**
 * Turns a message that is a call (no text of its own, a call block) into a call record, in place.
 * A call block beside written words is left a message: the exporter never writes both, and the
 * words are the message's own.
 */
export function asHtmlCallRecord(message: ParsedMessage): void {
  if (message.kind !== 'message' || message.text !== '') return;
  const facts = htmlCallFacts(message);
  const [call] = callFactsOf(message);
  if (facts === null || call === undefined) return;
  message.kind = 'system';
  message.text = callText(message.sender, call);
  message.extra = { ...message.extra, ...facts, textGenerated: true };
}

/** "Phone call from Who to Emerick Grimm: Declined": the sender, then the block's title and status as written. */
function callText(caller: string | null, call: HtmlCallFact): string {
  const from = caller === null || caller === '' ? '' : ` from ${caller}`;
  const to = call.title === '' ? '' : ` to ${call.title}`;
  return `Phone call${from}${to}${call.status === '' ? '' : `: ${call.status}`}`;
}

/** A call record made by asHtmlCallRecord. */
export function isHtmlCallRecord(message: ParsedMessage): boolean {
  return message.kind === 'system' && message.extra?.['recordType'] === 'call';
}
