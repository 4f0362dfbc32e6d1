import { cutAfter, hugeWords, INVALID_UTF8, LONE_SURROGATE_UTF8, spliced, utf16le } from './damage.ts';
import { metaJson, metaMessage, SEED_WORD, telegramJson, telegramJsonMessage } from './seeds.ts';
import type { HostileCase } from './types.ts';
import { DECOY_NAME } from './types.ts';

/** Telegram Desktop JSON and Meta (Messenger/Instagram) JSON. */
export function jsonCases(): HostileCase[] {
  return [...telegramCases(), ...metaCases()];
}

function telegramCases(): HostileCase[] {
  const file = 'result.json';
  const first = telegramJsonMessage(1, `hello ${SEED_WORD}`);
  const [head, tail] = splitAround(telegramJson([first, telegramJsonMessage(2, '@@HOLE@@')]), '"@@HOLE@@"');
  return [
    {
      id: 'tg-json-invalid-utf8',
      format: 'telegram-json',
      attack: 'invalid UTF-8 bytes inside a JSON string',
      entry: file,
      files: [{ name: file, bytes: () => spliced(head, '"bad ', INVALID_UTF8, ' brokenword"', tail) }],
      expect: { status: 'imported', issues: [/result\.json.*UTF-8/u], finds: [SEED_WORD, 'brokenword'] },
    },
    {
      id: 'tg-json-lone-surrogate-raw',
      format: 'telegram-json',
      attack: 'a lone surrogate as raw bytes inside a JSON string',
      entry: file,
      files: [{ name: file, bytes: () => spliced(head, '"half ', LONE_SURROGATE_UTF8, ' surrogateword"', tail) }],
      expect: { status: 'imported', issues: [/result\.json.*UTF-8/u], finds: [SEED_WORD, 'surrogateword'] },
    },
    {
      id: 'tg-json-lone-surrogate-escape',
      format: 'telegram-json',
      attack: 'a lone surrogate as a \\ud800 escape',
      entry: file,
      files: [{ name: file, bytes: () => spliced(head, '"half \\ud800 escapedword"', tail) }],
      expect: { status: 'imported', finds: [SEED_WORD, 'escapedword'], messages: 2 },
    },
    {
      id: 'tg-json-nul',
      format: 'telegram-json',
      attack: 'a \\u0000 escape inside a message',
      entry: file,
      files: [{ name: file, bytes: () => spliced(head, '"before\\u0000nulword after"', tail) }],
      expect: { status: 'imported', finds: [SEED_WORD, 'nulword'], messages: 2 },
    },
    {
      id: 'tg-json-truncated',
      format: 'telegram-json',
      attack: 'the file cut in the middle of the second message',
      entry: file,
      files: [{ name: file, bytes: () => cutAfter(telegramJson([first, telegramJsonMessage(2, 'never finished')]), '"text": "never fin') }],
      expect: { status: 'imported', issues: [/result\.json:line 7, column 154 JSON syntax error: .*\(the file ends too early\)/u, /result\.json#\/messages\/1 the message could not be read whole/u], finds: [SEED_WORD], messages: 1, unparsed: 1 },
    },
    {
      id: 'tg-json-50mb-string',
      format: 'telegram-json',
      attack: 'one message text that is a single 50 MiB string',
      entry: file,
      files: [{ name: file, bytes: () => spliced(head, '"longline ', hugeWords(), '"', tail.replace(']', `,\n${telegramJsonMessage(3, 'tailword after the long string')}\n ]`)) }],
      expect: { status: 'imported', issues: [/result\.json#\/messages\/1 .*longer than 1048576 characters was cut/u], finds: [SEED_WORD, 'longline', 'tailword'], messages: 2, unparsed: 1 },
    },
    {
      id: 'tg-json-utf16le',
      format: 'telegram-json',
      attack: 'the export saved as UTF-16 LE',
      entry: file,
      files: [{ name: file, bytes: () => utf16le(telegramJson()) }],
      expect: { status: 'failed', code: 'E_IMPORT_FORMAT', says: /UTF-16/u },
    },
    {
      id: 'tg-json-path-escape',
      format: 'telegram-json',
      attack: 'media paths that climb out of the export folder, absolute paths, and a symlink to a file outside',
      entry: file,
      files: [
        {
          name: file,
          bytes: () =>
            telegramJson([
              first,
              telegramJsonMessage(2, 'photo one', `, "photo": "../../${DECOY_NAME}"`),
              telegramJsonMessage(3, 'photo two', ', "photo": "/etc/passwd"'),
              telegramJsonMessage(4, 'photo three', ', "photo": "photos\\\\..\\\\..\\\\..\\\\outside-secret.jpg"'),
              telegramJsonMessage(5, 'photo four', ', "photo": "photos/linked.jpg"'),
            ]),
        },
        { name: 'photos/linked.jpg', symlinkTo: DECOY_NAME },
      ],
      expect: {
        status: 'imported',
        issues: [/outside-secret\.jpg" points outside the export folder; it was not linked/u, /"\/etc\/passwd" points outside/u, /photos\/linked\.jpg is a symbolic link to a file outside the export folder; not followed/u],
        finds: [SEED_WORD],
        messages: 5,
      },
    },
  ];
}

function metaCases(): HostileCase[] {
  const file = 'message_1.json';
  const first = metaMessage(1712340000000, `hello ${SEED_WORD}`);
  const [head, tail] = splitAround(metaJson([first, metaMessage(1712340060000, '@@HOLE@@')]), '"@@HOLE@@"');
  return [
    {
      id: 'meta-invalid-utf8',
      format: 'meta-json',
      attack: 'invalid UTF-8 bytes inside a JSON string',
      entry: file,
      files: [{ name: file, bytes: () => spliced(head, '"bad ', INVALID_UTF8, ' brokenword"', tail) }],
      expect: { status: 'imported', issues: [/message_1\.json.*UTF-8/u], finds: [SEED_WORD, 'brokenword'] },
    },
    {
      id: 'meta-lone-surrogate',
      format: 'meta-json',
      attack: 'a lone surrogate escape and raw CESU-8 bytes',
      entry: file,
      files: [{ name: file, bytes: () => spliced(head, '"half \\udc00 and ', LONE_SURROGATE_UTF8, ' surrogateword"', tail) }],
      expect: { status: 'imported', issues: [/message_1\.json.*UTF-8/u], finds: [SEED_WORD, 'surrogateword'] },
    },
    {
      id: 'meta-nul',
      format: 'meta-json',
      attack: 'a \\u0000 escape inside a message',
      entry: file,
      files: [{ name: file, bytes: () => spliced(head, '"before\\u0000nulword after"', tail) }],
      expect: { status: 'imported', finds: [SEED_WORD, 'nulword'], messages: 2 },
    },
    {
      id: 'meta-truncated',
      format: 'meta-json',
      attack: 'the file cut in the middle of the second message',
      entry: file,
      files: [{ name: file, bytes: () => cutAfter(metaJson([first, metaMessage(1712340060000, 'never finished')]), '"content": "never fin') }],
      expect: { status: 'imported', issues: [/message_1\.json:line 5, column 82 JSON syntax error: .*\(the file ends too early\)/u, /message_1\.json#\/messages\/1 the message could not be read whole/u], finds: [SEED_WORD], messages: 1, unparsed: 1 },
    },
    {
      id: 'meta-50mb-string',
      format: 'meta-json',
      attack: 'one message content that is a single 50 MiB string',
      entry: file,
      files: [{ name: file, bytes: () => spliced(head, '"longline ', hugeWords(), '"', tail.replace('\n  ]', `,\n${metaMessage(1712340120000, 'tailword after the long string')}\n  ]`)) }],
      expect: { status: 'imported', issues: [/message_1\.json#\/messages\/1 .*longer than 1048576 characters was cut/u], finds: [SEED_WORD, 'longline', 'tailword'], messages: 2, unparsed: 1 },
    },
    {
      id: 'meta-path-escape',
      format: 'meta-json',
      attack: 'photo URIs that climb out of the export folder',
      entry: file,
      files: [{ name: file, bytes: () => metaJson([first, metaMessage(1712340060000, 'photo', `, "photos": [{"uri": "../../${DECOY_NAME}"}, {"uri": "/etc/passwd"}]`)]) }],
      expect: { status: 'imported', issues: [/outside-secret\.jpg" points outside the export; it was not linked/u, /"\/etc\/passwd" points outside the export/u], finds: [SEED_WORD], messages: 2 },
    },
  ];
}

function splitAround(text: string, marker: string): [string, string] {
  const at = text.indexOf(marker);
  return [text.slice(0, at), text.slice(at + marker.length)];
}
