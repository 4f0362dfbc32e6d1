/**
 * Private, group or channel, for a Telegram HTML export page (which never says what its chat is;
 * the JSON export's `type` does). Telegram Desktop writes service lines in English whatever the
 * app's language (export_output_html.cpp), and some exist only in groups or channels:
 * "created group «…»", "invited …", "joined group by link", "changed group title to «…»",
 * "converted this group to a supergroup", "Channel «…» created", "Channel title changed to «…»".
 * More than two people writing also makes a group. Two things exist only in a private chat: a
 * phone call (written as a `media_call` block, "Outgoing"/"Incoming"/"Missed"/"Cancelled"/
 * "Declined": a group voice chat is a service line, "<name> started voice chat") and "… joined Telegram"
 * (a contact's sign-up, told only to the people who have their number).
 * Only positive evidence settles a kind: a page with one or two senders and no such line or call
 * stays 'unknown' (a channel's posts carry the channel's name as their sender, so one name is no
 * private chat), and pages of one chat decided apart never contradict each other.
 */

import type { ParsedMessage } from '../../../shared/contracts/parsed-source.ts';
import { callFactsOf } from './html-call-owner.ts';

export interface HtmlChatKindDecision {
  kind: 'private' | 'group' | 'channel' | 'unknown';
  /** What the decision rests on, in words a reader can check against the page. */
  evidence: string;
}

const CHANNEL_LINE = /^Channel «.*» created$|^Channel (?:title changed to «|photo (?:changed|removed))/u;
const GROUP_LINE =
  / created group «| invited | joined group by (?:link|request)| changed group (?:title to «|photo)| removed group photo| converted this group to a supergroup| converted a basic group to this supergroup| left the group$/u;
const PRIVATE_LINE = / joined Telegram$/u;
/** Distinct senders counted: three decide. */
const ENOUGH_SENDERS = 3;

interface Seen {
  line: number;
  text: string;
}

export class HtmlChatKindTally {
  private readonly senders = new Set<string>();
  private channelLine: Seen | null = null;
  private groupLine: Seen | null = null;
  private privateLine: Seen | null = null;
  private call: Seen | null = null;

  addSender(sender: string): void {
    if (this.senders.size < ENOUGH_SENDERS) this.senders.add(sender);
  }

  addServiceLine(line: number, text: string): void {
    if (this.channelLine === null && CHANNEL_LINE.test(text)) this.channelLine = { line, text };
    else if (this.groupLine === null && GROUP_LINE.test(text)) this.groupLine = { line, text };
    else if (this.privateLine === null && PRIVATE_LINE.test(text)) this.privateLine = { line, text };
  }

  /** A message or call record whose media blocks (kept in `extra.media` by html-message.ts) include a phone call. */
  addMessageMedia(line: number, message: ParsedMessage): void {
    if (this.call !== null) return;
    const [call] = callFactsOf(message);
    if (call !== undefined) this.call = { line, text: call.status === '' ? 'a call' : `a call, "${call.status}"` };
  }

  decide(): HtmlChatKindDecision {
    if (this.channelLine !== null) return { kind: 'channel', evidence: `a channel's service line at line ${this.channelLine.line}: "${this.channelLine.text}"` };
    if (this.groupLine !== null) return { kind: 'group', evidence: `a group's service line at line ${this.groupLine.line}: "${this.groupLine.text}"` };
    if (this.senders.size >= ENOUGH_SENDERS) return { kind: 'group', evidence: `${ENOUGH_SENDERS} or more people wrote (${[...this.senders].join(', ')})` };
    if (this.call !== null) return { kind: 'private', evidence: `a phone call (media_call block) at line ${this.call.line}: ${this.call.text}; Telegram calls are between two people` };
    if (this.privateLine !== null) return { kind: 'private', evidence: `a private chat's service line at line ${this.privateLine.line}: "${this.privateLine.text}"` };
    return { kind: 'unknown', evidence: `${this.senders.size} sender(s), no call and no group or channel service line: the page does not say` };
  }
}
