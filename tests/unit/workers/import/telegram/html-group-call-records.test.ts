import { describe, expect, it } from 'vitest';
import { parseTelegramPage, telegramMessage, telegramText } from '../../../../support/telegram-html-markup.ts';

/**
 * Regression: a group's voice chat on a Telegram HTML page was a plain service line, where the
 * JSON export's "group_call" of the same chat is a call record. The HTML writer draws it as a
 * service block (export_output_html.cpp, pushServiceMessage; ActionGroupCall's line): "<name>
 * started voice chat" in a group, "Voice chat" in a channel, " (N seconds)" after either only
 * when it has a length. The account holder here is named by a reaction marked as theirs (class
 * active, one reactor), as on a real group page.
 */

function service(id: number, line: string): string {
  return `<div class="message service" id="message${id}">\n<div class="body details">\n${line}\n</div>\n</div>`;
}

const ownReaction = '<span class="reactions"><span class="reaction active"><span class="emoji">🙏</span><span class="userpics"><div class="userpic userpic4"><div class="initials" title="Ion">I</div></div></span></span></span>';

describe('Telegram HTML: a group voice chat is a call record', () => {
  it('has its starter as sender, its length and no outcome; a direction only when the holder started it', async () => {
    const { messages } = await parseTelegramPage([
      telegramMessage(1, 'Marta', telegramText('who calls?') + ownReaction),
      service(2, 'Marta started voice chat (300 seconds)'),
      service(3, 'Ion started voice chat'),
      service(4, 'Voice chat (12 seconds)'),
      service(5, 'Marta invited Ion to the voice chat'),
    ]);
    const [, other, own, channel, invite] = messages;
    expect(other).toMatchObject({ kind: 'system', sender: 'Marta', direction: null, text: 'Marta started voice chat (300 seconds)', extra: { recordType: 'call', callKind: 'group', outcome: 'unknown', durationSeconds: 300 } });
    expect(own).toMatchObject({ sender: 'Ion', direction: 'outgoing', extra: { recordType: 'call', callKind: 'group', durationSeconds: null } });
    expect(channel).toMatchObject({ sender: null, extra: { recordType: 'call', callKind: 'group', durationSeconds: 12 } });
    expect(invite?.extra?.['recordType']).toBeUndefined();
  });
});
