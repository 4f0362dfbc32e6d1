/**
 * The account holder of a Telegram HTML page, named by its phone calls. Telegram Desktop writes a
 * call as a message from the caller holding a `media_call` block (export_output_html.cpp,
 * prepareMediaData) whose title is the person called: the chat's other person when the holder
 * called ("Outgoing", or "Cancelled" when nobody answered), the holder when the other person did
 * ("Incoming", "Missed", "Declined"); a length may follow ("Outgoing (63 seconds)"). So each call
 * names the holder: the sender of an outgoing call, the title of an incoming one. Calls that name
 * different people name no one. The words are English whatever the app's language. The calls
 * of all pages of a chat are weighed together (html-chat-holder.ts), so each says where it is.
 */

import type { ParsedMessage } from '../../../shared/contracts/parsed-source.ts';

export interface HtmlCallFact {
  status: string;
  title: string;
}

export interface HtmlAccountHolder {
  name: string;
  /** The call it rests on, in words a reader can check against the page. */
  evidence: string;
  /** Named by the export's personal information alone (html-export-holder.ts), no page's evidence beside it. */
  statedByExport?: boolean;
}

const CALL_CLASS = 'media_call';
const OUTGOING_STATUS = /^(?:Outgoing|Cancelled)\b/u;
const INCOMING_STATUS = /^(?:Incoming|Missed|Declined)\b/u;

/** The phone calls among a message's media blocks (kept in `extra.media` by html-message.ts). */
export function callFactsOf(message: ParsedMessage): HtmlCallFact[] {
  const media = message.extra?.['media'];
  if (!Array.isArray(media)) return [];
  const calls: HtmlCallFact[] = [];
  for (const block of media as unknown[]) {
    if (typeof block !== 'object' || block === null) continue;
    const fact = block as Record<string, unknown>;
    const classes = typeof fact['class'] === 'string' ? fact['class'].split(' ') : [];
    if (!classes.includes(CALL_CLASS)) continue;
    calls.push({ status: typeof fact['status'] === 'string' ? fact['status'] : '', title: typeof fact['title'] === 'string' ? fact['title'] : '' });
  }
  return calls;
}

/** The one named reactor of each reaction marked as the exporting account's. */
function ownReactorsOf(message: ParsedMessage): string[] {
  const reactions = message.extra?.['reactions'];
  if (!Array.isArray(reactions)) return [];
  const names: string[] = [];
  for (const reaction of reactions as unknown[]) {
    if (typeof reaction !== 'object' || reaction === null) continue;
    const fact = reaction as Record<string, unknown>;
    const recent = Array.isArray(fact['recent']) ? (fact['recent'] as unknown[]) : [];
    const only = recent.length === 1 && typeof recent[0] === 'object' && recent[0] !== null ? (recent[0] as Record<string, unknown>)['from'] : undefined;
    // "?" is a userpic with no name (html-reactions.ts): no one to name.
    if (fact['byAccountHolder'] === true && typeof only === 'string' && only !== '?') names.push(only);
  }
  return names;
}

/** What one page says about its holder: each person it names (with where, first place only) and a name shared by both people of a call. */
export interface HtmlHolderFacts {
  named: [name: string, evidence: string][];
  sharedName: string | null;
}

export class HtmlAccountHolderTally {
  private readonly named = new Map<string, string>();
  /** A name both people of a call go by: directions are given by name, so none can be given. */
  private sharedName: string | null = null;

  /** `place` names the page and line ("line 6 of messages2.html"), so every page of a chat can cite it. */
  addMessage(place: string, message: ParsedMessage): void {
    // A call is a call record (html-call-record.ts); a block left in a message with words still counts.
    if (message.kind !== 'message' && message.extra?.['recordType'] !== 'call') return;
    for (const call of callFactsOf(message)) {
      const outgoing = OUTGOING_STATUS.test(call.status);
      const holder = outgoing ? message.sender : INCOMING_STATUS.test(call.status) ? call.title : null;
      if (holder === null || holder === '') continue;
      const other = outgoing ? call.title : message.sender;
      if (other === holder) this.sharedName ??= holder;
      if (this.named.has(holder)) continue;
      const evidence = outgoing
        ? `the call at ${place}, "${call.status}": placed by its sender, ${holder}`
        : `the call at ${place}, "${call.status}": received by the person its title names, ${holder}`;
      this.named.set(holder, evidence);
    }
    // A reaction the page marks as the holder's (class active: the exporting account is among its
    // reactors, html-reactions.ts) names the holder when it names one reactor only.
    for (const name of ownReactorsOf(message)) {
      if (!this.named.has(name)) this.named.set(name, `the reaction at ${place}: marked as the exporting account's (class active), its one reactor ${name}`);
    }
  }

  /** What was tallied, to be kept or added to another page's tally. */
  facts(): HtmlHolderFacts {
    return { named: [...this.named], sharedName: this.sharedName };
  }

  /** Adds what another page said; a person already named keeps the evidence found first. */
  addFacts(facts: HtmlHolderFacts): void {
    for (const [name, evidence] of facts.named) if (!this.named.has(name)) this.named.set(name, evidence);
    this.sharedName ??= facts.sharedName;
  }

  /** The one person every call names, or null (no call, or calls naming different people). */
  decide(): HtmlAccountHolder | null {
    if (this.named.size !== 1 || this.sharedName !== null) return null;
    const [entry] = [...this.named];
    return entry === undefined ? null : { name: entry[0], evidence: entry[1] };
  }

  /** Why no holder was named, for the import's details; `pages` is how many pages of the chat were read. */
  describeNone(pages = 1): string {
    if (this.sharedName !== null) return `not named: a call's caller and callee are both named ${this.sharedName}, so names cannot tell the holder's messages from the other person's: directions are unknown`;
    if (this.named.size === 0) return `not named by ${pages === 1 ? 'the page' : `any of the chat's ${pages} pages`} (no phone call, no reaction marked as the holder's): directions are unknown`;
    const who = [...this.named].map(([name, evidence]) => `${name}, by ${evidence}`).join('; ');
    return `not named: the calls and reactions name different people (${who}): directions are unknown`;
  }
}
