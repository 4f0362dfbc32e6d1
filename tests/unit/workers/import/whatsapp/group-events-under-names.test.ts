import { describe, expect, it } from 'vitest';

import { parseLines, recordOnLine } from '../../../../support/whatsapp-lines.ts';
import { LRM, RLM } from '../../../../support/unicode-chars.ts';

/**
 * Regression (real public iOS group exports: KKliuyukang/Eli_KL_families, Luthfianazzalea's
 * FOSTI 2024 group, RMJongDev/DeJongDiner `_chat.txt`): iOS writes a group's events under a
 * name, with a direction mark before the text, in the phone's language: under the participant
 * they are about (`~ Kate: ‎~ Kate was added`, `Mam: ‎Papa heeft Mam toegevoegd`) or under the
 * group's own name (`FOSTI 2024: ‎ara added ~ Aull and ~ Kevin`). Only a few English wordings
 * were known, and a name that also writes messages, or the group's name with more than two such
 * lines, kept them as that name's messages: Kate was credited with eight messages she never
 * wrote, and the group's name became a participant.
 */
const NNBSP = '\u202f';

describe('iOS group events written under a name', () => {
  it('reads an event under the participant it names as a notice, in any language, and keeps their messages', () => {
    const lines = [
      `[3/2/2026, 5:05:13 pm] KL 2026: ${LRM}Messages and calls are end-to-end encrypted. Only people in this chat can read, listen to, or share them.`,
      `${LRM}[10/2/2026, 9:09:56 pm] ~ ~Kate Frank~: ${LRM}~ ~Kate Frank~ was added`,
      `[16/2/2026, 12:29:03 pm] ~ Renee: Hey is anyone else struggling to load the website?`,
      `${LRM}[16/2/2026, 12:34:05 pm] ~ ~Kate Frank~: ${LRM}~ ~Kate Frank~ changed the group description`,
      `[16/2/2026, 12:33:21 pm] ~ ~Kate Frank~: Hi KL families, while we wait for a class parent`,
      `${LRM}[16/2/2026, 12:33:47 pm] ~ ~Kate Frank~: This is Maisie ${LRM}<attached: 00000034-PHOTO-2026-02-16-12-33-47.jpg>`,
      `${LRM}[16/2/2026, 12:45:57 pm] ~ ~Kate Frank~: ${LRM}~ ~Kate Frank~ pinned a message`,
      `${LRM}[18/2/2026, 15:36:02] ~${NNBSP}Bryan: ${LRM}~${NNBSP}Francoise heeft ~${NNBSP}Bryan toegevoegd`,
      `${LRM}[18/2/2026, 18:59:26] Mam: ${LRM}Papa heeft Mam toegevoegd`,
      `[18/2/2026, 20:09:14] Mam: Fijn dat er een datum is gevonden`,
    ];
    const result = parseLines(lines);
    for (const line of [2, 4, 7, 8, 9]) expect(recordOnLine(result, line)).toMatchObject({ kind: 'system', sender: null });
    // Bryan wrote nothing else: an older rule already took his line; Kate and Mam write messages too.
    for (const line of [2, 4, 7, 9]) expect(recordOnLine(result, line).systemReason).toMatch(/names the one it is written under/u);
    expect(recordOnLine(result, 2)).toMatchObject({ attributedTo: '~Kate Frank~', text: '~ ~Kate Frank~ was added' });
    expect(recordOnLine(result, 9)).toMatchObject({ attributedTo: 'Mam', text: 'Papa heeft Mam toegevoegd' });
    expect([3, 5, 6, 10].map((line) => [recordOnLine(result, line).kind, recordOnLine(result, line).sender])).toEqual([
      ['message', 'Renee'],
      ['message', '~Kate Frank~'],
      ['message', '~Kate Frank~'],
      ['message', 'Mam'],
    ]);
  });

  it("reads every marked line under the group's own name as a notice, past the cap on unknown wordings", () => {
    const lines = [
      `[01/10/24 12.09.39] FOSTI 2024: ${LRM}Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them.`,
      `${LRM}[01/10/24 12.34.57] FOSTI 2024: ${LRM}diah tek inform baru added you`,
      `${LRM}[01/10/24 12.36.48] FOSTI 2024: ${LRM}ara tek inform added ~ Aull and ~ Kevin`,
      `${LRM}[01/10/24 12.37.02] FOSTI 2024: ${LRM}alfi tek inform added ~ .. and ~ MUHAMMAD RISQI ARTAKA`,
      `${LRM}[01/10/24 12.38.02] FOSTI 2024: ${LRM}You joined from the community`,
      `[02/10/24 12.44.00] Elmaa tek inform: Hallo kak, salam kenal`,
      `[02/10/24 12.47.47] ~ soanguwu: salken veee`,
      `[02/10/24 12.47.48] alfi tek inform: halo vee`,
    ];
    const result = parseLines(lines);
    for (const line of [2, 3, 4, 5]) expect(recordOnLine(result, line)).toMatchObject({ kind: 'system', sender: null, attributedTo: 'FOSTI 2024' });
    expect(recordOnLine(result, 3).systemReason).toMatch(/group's own name/u);
    expect(result.records.filter((record) => record.sender === 'FOSTI 2024')).toEqual([]);
  });

  it('keeps a marked message that does not name its writer, one whose name only appears inside a word, and a right-to-left one', () => {
    const lines = [
      `[01/10/24 12.09.39] Group: ${LRM}Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them.`,
      `[01/10/24 12.10.00] Ana: hello`,
      `[01/10/24 12.11.00] Ana: ${LRM}see you at the station`,
      `[01/10/24 12.12.00] Ana: ${LRM}Anastasia will drive`,
      `[01/10/24 12.13.00] Karim: ${RLM}أنا Karim في المحطة`,
      `[01/10/24 12.14.00] Karim: ok`,
      `[01/10/24 12.15.00] Bo: ${LRM}Bo will come?`,
    ];
    const result = parseLines(lines);
    expect([3, 4, 5, 7].map((line) => [recordOnLine(result, line).kind, recordOnLine(result, line).sender])).toEqual([
      ['message', 'Ana'],
      ['message', 'Ana'],
      ['message', 'Karim'],
      ['message', 'Bo'],
    ]);
  });

  it("keeps a private chat's contact's marked messages, though the end-to-end notice is written under the contact's name", () => {
    const lines = [
      `[01/10/24 12.09.39] Ana: ${LRM}Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them.`,
      `[01/10/24 12.10.00] Ana: ${LRM}ok see you`,
      `[01/10/24 12.11.00] Ana: ${LRM}at the station then`,
      `[01/10/24 12.12.00] Ana: ${LRM}bring the papers`,
      `[01/10/24 12.13.00] Me: fine`,
    ];
    const result = parseLines(lines);
    expect([2, 3, 4].map((line) => [recordOnLine(result, line).kind, recordOnLine(result, line).sender])).toEqual([
      ['message', 'Ana'],
      ['message', 'Ana'],
      ['message', 'Ana'],
    ]);
  });
});
