import { describe, expect, it } from 'vitest';

import { isGroupEvent } from '../../../../../workers/import/whatsapp/chat-kind.ts';
import { parseWhatsAppText, whatsappTextParser } from '../../../../../workers/import/whatsapp/index.ts';
import { inputFromText } from '../../../../support/parser-harness.ts';
import { CollectingSink } from '../../../../support/sqlite-parser-harness.ts';
import { LRM } from '../../../../support/unicode-chars.ts';


function kindOf(lines: string[]): { chatKind: string; chatKindEvidence: string } {
  const { chatKind, chatKindEvidence } = parseWhatsAppText(new TextEncoder().encode(lines.join('\n')));
  return { chatKind, chatKindEvidence };
}

const E2E_ANDROID = '1/11/23, 16:11 - Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them. Tap to learn more.';

describe('chat kind of a WhatsApp text export', () => {
  it('is a group when a system line says a group was created, even with only two speakers', () => {
    expect(kindOf([E2E_ANDROID, '1/11/23, 16:11 - Dmitry S created group "Group Chat"', '1/11/23, 16:12 - Dmitry S: hi', '1/11/23, 16:13 - Elon: hello'])).toEqual({
      chatKind: 'group',
      chatKindEvidence: 'group event on line 2: "Dmitry S created group "Group Chat""; 2 distinct senders ("Dmitry S", "Elon")',
    });
    // iOS writes an LRM before the line; the creator may never speak.
    expect(kindOf([`[1/11/23, 16:11:21] ${LRM}You created group “Group Chat”`, '[1/11/23, 16:12:21] Dmitry S: hi']).chatKind).toBe('group');
  });

  it('is a group on the other group events: added, removed, left, subject, icon, invite link, admin', () => {
    const events = [
      'Alice added Bob',
      `${LRM}You were added`,
      'You removed Mallory',
      '+90 535 540 20 75 left',
      'You changed the subject from "A" to "B"',
      "You changed this group's icon",
      "Tony Stark joined using this group's invite link",
      "You're now an admin",
      'Messages you send to this group are now secured with end-to-end encryption. Tap for more info.',
      'Du hast Mallory hinzugefügt.',
      'Bob hat Bob entfernt.',
      'Bob hat den Betreff von „Bob“ zu „Bob“ geändert.',
      'Du hast das Gruppenbild geändert.',
      'Ольга Р Х (МСК) добавил(-а) контакт +7 909 555-55-55',
    ];
    for (const event of events) {
      expect(isGroupEvent(event), event).toBe(true);
      expect(kindOf(['12/1/21, 10:00 - Ann: hi', `12/1/21, 10:01 - ${event}`, '12/1/21, 10:02 - Ben: hey']).chatKind, event).toBe('group');
    }
  });

  it('is a group with more than two senders and no system line at all', () => {
    expect(kindOf(['12/1/21, 10:00 - Ann: hi', '12/1/21, 10:01 - Ben: hey', '12/1/21, 10:02 - Cy, Jr: yo'])).toEqual({
      chatKind: 'group',
      chatKindEvidence: '3 distinct senders ("Ann", "Ben", "Cy, Jr"), more than two',
    });
  });

  it('is private with two senders, or one, and only private notices, even one naming a contact "Group …"', () => {
    expect(
      kindOf([
        E2E_ANDROID,
        '1/11/23, 16:12 - Dmitry S: hi',
        '1/11/23, 16:13 - Elon: hello',
        "1/11/23, 16:14 - Your security code with Group Travel changed. Tap to learn more.",
        '1/11/23, 16:15 - Groupie Left changed their phone number to a new number. Tap to message or add the new number.',
      ]),
    ).toEqual({ chatKind: 'private', chatKindEvidence: '2 distinct senders ("Dmitry S", "Elon") and no group event among the system lines' });
    expect(kindOf([E2E_ANDROID, '1/11/23, 16:12 - Dmitry S: anyone?']).chatKind).toBe('private');
  });

  it('does not count the name an iOS notice is written under as a sender', () => {
    const lines = [
      `[3/18/22, 14:56:01] Elon Musk: ${LRM}Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them.`,
      '[3/27/22, 21:41:35] Dmitry S: Hello World',
      '[3/27/22, 21:42:35] Elon Musk: Hi',
      `[4/28/22, 20:17:30] Some Third Name: ${LRM}${LRM}Your security code with Elon changed. ${LRM}Tap to learn more.`,
    ];
    expect(kindOf(lines).chatKind).toBe('private');
  });

  it('stays unknown when nothing tells: no sender and no group event', () => {
    expect(kindOf([E2E_ANDROID, '1/11/23, 16:20 - You blocked this contact. Tap to unblock.'])).toEqual({
      chatKind: 'unknown',
      chatKindEvidence: 'no sender and no group event among the system lines',
    });
  });

  it('settles the chat announced as unknown once the records are read, and is recorded in the details, beside the date order', async () => {
    const sink = new CollectingSink();
    const text = [E2E_ANDROID, '1/11/23, 16:11 - Dmitry S created group "Group Chat"', '1/11/23, 16:12 - Dmitry S: hi', '1/11/23, 16:13 - Elon: hello'].join('\n');
    const outcome = await whatsappTextParser.parse(inputFromText(text, { displayName: 'WhatsApp Chat with Group Chat.txt' }), sink, {});
    // Announced before the first record (the kind is not known yet), settled after the last.
    expect(sink.chats).toEqual([
      { key: 'file:WhatsApp Chat with Group Chat.txt', title: 'Group Chat', kind: 'unknown' },
      { key: 'file:WhatsApp Chat with Group Chat.txt', title: 'Group Chat', kind: 'group' },
    ]);
    expect(outcome.details).toMatchObject({ dateOrderSource: 'default', chatKind: 'group', chatKindEvidence: expect.stringContaining('group event on line 2') });
  });
});
