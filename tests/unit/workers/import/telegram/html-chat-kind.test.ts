import { describe, expect, it } from 'vitest';
import { HtmlChatKindTally } from '../../../../../workers/import/telegram/html-chat-kind.ts';

/**
 * A Telegram HTML page never says what its chat is: service lines that exist only in groups or
 * channels (written in English by Telegram Desktop whatever its language), or three people
 * writing, settle it; nothing else does.
 */
function decide(senders: string[], serviceLines: string[]) {
  const tally = new HtmlChatKindTally();
  for (const sender of senders) tally.addSender(sender);
  serviceLines.forEach((text, index) => tally.addServiceLine(10 + index, text));
  return tally.decide();
}

describe('HtmlChatKindTally', () => {
  it.each([
    ['Ann created group «Work in Milan»'],
    ['Ann invited Bob, Carl'],
    ['Dan joined group by link from Ann'],
    ['Ann changed group title to «Jobs»'],
    ['Ann changed group photo'],
    ['Ann converted this group to a supergroup'],
    ['Bob left the group'],
  ])('reads "%s" as a group', (line) => {
    expect(decide(['Ann'], ['Ann pinned «hi»', line])).toEqual({ kind: 'group', evidence: `a group's service line at line 11: "${line}"` });
  });

  it('reads a channel\'s creation or retitling as a channel, before any group line', () => {
    expect(decide([], ['Channel «Offers» created']).kind).toBe('channel');
    expect(decide(['Offers'], ['Ann invited Bob', 'Channel title changed to «Jobs abroad»'])).toMatchObject({ kind: 'channel', evidence: expect.stringContaining('line 11') });
  });

  it('reads three senders as a group, and one or two as nothing known', () => {
    expect(decide(['Ann', 'Bob', 'Carl'], []).kind).toBe('group');
    expect(decide(['Ann', 'Bob', 'Ann'], ['Ann pinned «hi»', 'Bob took a screenshot'])).toEqual({ kind: 'unknown', evidence: '2 sender(s), no call and no group or channel service line: the page does not say' });
    // A channel's posts carry its own name: one sender is no private chat.
    expect(decide(['Offers'], []).kind).toBe('unknown');
  });

  it('takes no kind from service lines a private chat has too', () => {
    expect(decide(['Ann', 'Bob'], ['Ann set messages to auto-delete in 1 week']).kind).toBe('unknown');
  });
});
