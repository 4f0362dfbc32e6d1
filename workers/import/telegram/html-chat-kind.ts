/**
 * Group or channel, for a Telegram HTML export page (which never says what its chat is; the
 * JSON export's `type` does). Telegram Desktop writes service lines in English whatever the
 * app's language (export_output_html.cpp), and some exist only in groups or channels:
 * "created group «…»", "invited …", "joined group by link", "changed group title to «…»",
 * "converted this group to a supergroup", "Channel «…» created", "Channel title changed to «…»".
 * More than two people writing also makes a group. Only positive evidence settles a kind: a
 * page with one or two senders and no such line stays 'unknown' (a channel's posts carry the
 * channel's name as their sender, so one name is no private chat), and pages of one chat decided
 * apart never contradict each other.
 */

export interface HtmlChatKindDecision {
  kind: 'group' | 'channel' | 'unknown';
  /** What the decision rests on, in words a reader can check against the page. */
  evidence: string;
}

const CHANNEL_LINE = /^Channel «.*» created$|^Channel (?:title changed to «|photo (?:changed|removed))/u;
const GROUP_LINE =
  / created group «| invited | joined group by (?:link|request)| changed group (?:title to «|photo)| removed group photo| converted this group to a supergroup| converted a basic group to this supergroup| left the group$/u;
/** Distinct senders counted: three decide. */
const ENOUGH_SENDERS = 3;

export class HtmlChatKindTally {
  private readonly senders = new Set<string>();
  private channelLine: { line: number; text: string } | null = null;
  private groupLine: { line: number; text: string } | null = null;

  addSender(sender: string): void {
    if (this.senders.size < ENOUGH_SENDERS) this.senders.add(sender);
  }

  addServiceLine(line: number, text: string): void {
    if (this.channelLine === null && CHANNEL_LINE.test(text)) this.channelLine = { line, text };
    else if (this.groupLine === null && GROUP_LINE.test(text)) this.groupLine = { line, text };
  }

  decide(): HtmlChatKindDecision {
    if (this.channelLine !== null) return { kind: 'channel', evidence: `a channel's service line at line ${this.channelLine.line}: "${this.channelLine.text}"` };
    if (this.groupLine !== null) return { kind: 'group', evidence: `a group's service line at line ${this.groupLine.line}: "${this.groupLine.text}"` };
    if (this.senders.size >= ENOUGH_SENDERS) return { kind: 'group', evidence: `${ENOUGH_SENDERS} or more people wrote (${[...this.senders].join(', ')})` };
    return { kind: 'unknown', evidence: `${this.senders.size} sender(s) and no group or channel service line: the page does not say` };
  }
}
