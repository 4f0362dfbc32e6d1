import { describe, expect, it } from 'vitest';
import { metaMessagesParser, repairMojibake } from '../../../../../workers/import/meta/index.ts';
import { isMixedMojibake, newRepairCounter, repairDeep } from '../../../../../workers/import/meta/mojibake.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

/**
 * Meta's DYI writer writes every non-ASCII character as \u00XX escapes of its UTF-8 bytes, so it
 * never writes a character above U+00FF. A string holding one beside Latin-1 characters that read
 * as UTF-8 ("Ã©" beside "😀") was written by something else, and nothing says those characters
 * are mojibake rather than a person's own: it is left as written, never repaired in part, and the
 * import counts such strings and says so (before: left without a word).
 */
const MOJIBAKE_E_ACUTE = '\u00c3\u00a9'; // "é" as Meta writes it
const GRINNING = '\u{1F600}';

describe('strings mixing characters above U+00FF with what reads as mojibake', () => {
  it('are left exactly as written, in whole and in part', () => {
    for (const mixed of [`caf${MOJIBAKE_E_ACUTE} ${GRINNING}`, `Ștefan ${MOJIBAKE_E_ACUTE}`, `\u2019 \u00e2\u0080\u0099`, `日本 ${MOJIBAKE_E_ACUTE}`]) expect(repairMojibake(mixed)).toBe(mixed);
  });

  it('are told apart from proper text and from whole mojibake', () => {
    expect(isMixedMojibake(`caf${MOJIBAKE_E_ACUTE} ${GRINNING}`)).toBe(true);
    expect(isMixedMojibake(`\u2019 \u00e2\u0080\u0099`)).toBe(true);
    expect(isMixedMojibake(`\u00f0\u009f\u0098\u0080 ${GRINNING}`)).toBe(true);
    // Proper text: Latin-1 letters that are no UTF-8 sequence, or none at all.
    expect(isMixedMojibake(`café ${GRINNING}`)).toBe(false);
    expect(isMixedMojibake('Ștefan called you.')).toBe(false);
    expect(isMixedMojibake(`Ã la carte ${GRINNING}`)).toBe(false);
    // Whole mojibake (nothing above U+00FF) is repaired instead; an overlong form is not UTF-8 any writer makes.
    expect(isMixedMojibake(MOJIBAKE_E_ACUTE)).toBe(false);
    expect(isMixedMojibake(`\u00e0\u0080\u0080 ${GRINNING}`)).toBe(false);
  });

  it('leave proper Latin-1 text untouched, as before', () => {
    expect(repairMojibake('café')).toBe('café');
    expect(repairMojibake('Ã la carte')).toBe('Ã la carte');
    expect(repairMojibake(`caf${MOJIBAKE_E_ACUTE}`)).toBe('café');
  });

  it('are counted apart from the strings repaired', () => {
    const counter = newRepairCounter();
    const value = repairDeep({ a: `x ${MOJIBAKE_E_ACUTE} ${GRINNING}`, b: [MOJIBAKE_E_ACUTE, `café ${GRINNING}`] }, counter);
    expect(value).toEqual({ a: `x ${MOJIBAKE_E_ACUTE} ${GRINNING}`, b: ['é', `café ${GRINNING}`] });
    expect(counter).toEqual({ repaired: 1, mixedLeft: 1 });
  });

  it('in a message file: left as written, counted in the details and named in one warning', async () => {
    const thread = JSON.stringify({
      participants: [{ name: 'Ana Pop' }, { name: `Dan ${MOJIBAKE_E_ACUTE}` }],
      messages: [
        { sender_name: 'Ana Pop', timestamp_ms: 1_700_000_002_000, content: `ok ${MOJIBAKE_E_ACUTE} ${GRINNING}` },
        { sender_name: 'Ana Pop', timestamp_ms: 1_700_000_001_000, content: `${MOJIBAKE_E_ACUTE}t${MOJIBAKE_E_ACUTE}` },
      ],
      title: 'Ana Pop',
      thread_path: 'inbox/anapop_1',
    });
    const { messages, warnings, outcome } = await runParser(metaMessagesParser, inputFromText(thread, { displayName: 'message_1.json' }));
    expect(messages.map((message) => message.text)).toEqual(['été', `ok ${MOJIBAKE_E_ACUTE} ${GRINNING}`]);
    expect(outcome.details).toMatchObject({ mojibakeStringsRepaired: 2, mojibakeMixedStringsLeft: 1 });
    expect(warnings).toEqual([
      {
        place: 'message_1.json',
        message:
          'a string holds characters above U+00FF, which Meta\'s download never writes (it writes every non-ASCII character as \\u00XX escapes of its UTF-8 bytes), beside Latin-1 characters that read as such escapes ("Ã©" for "é"): left exactly as written, not repaired; the file may have been written or re-saved by another program',
      },
    ]);
  });

  it('say nothing in the end-to-end-encrypted download, which is proper UTF-8 and never repaired', async () => {
    const thread = JSON.stringify({ participants: ['Ana Pop', 'Dan'], threadName: 'Ana Pop_1', messages: [{ senderName: 'Ana Pop', timestamp: 1_700_000_000_000, text: `ok ${MOJIBAKE_E_ACUTE} ${GRINNING}`, type: 'text', isUnsent: false, media: [], reactions: [] }] });
    const { messages, warnings, outcome } = await runParser(metaMessagesParser, inputFromText(thread, { displayName: 'Ana Pop_1.json' }));
    expect(messages.map((message) => message.text)).toEqual([`ok ${MOJIBAKE_E_ACUTE} ${GRINNING}`]);
    expect(outcome.details['mojibakeMixedStringsLeft']).toBeUndefined();
    expect(warnings).toEqual([]);
  });
});
