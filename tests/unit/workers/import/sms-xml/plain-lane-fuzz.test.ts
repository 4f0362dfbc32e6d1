import { describe, expect, it } from 'vitest';
import type { SourceParser } from '../../../../../shared/contracts/parsed-source.ts';
import { readSmsBackupXml } from '../../../../../workers/import/sms-xml/parse-sms-xml.ts';
import { smsBackupXmlParser } from '../../../../../workers/import/sms-xml/index.ts';
import { MAX_PLAIN_SMS_BYTES } from '../../../../../workers/import/sms-xml/plain-sms-bytes.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';
import { storedImport } from '../../../../support/stored-rows.ts';
import { seededRandom } from '../../../../../scripts/bench/random.ts';

/**
 * Random backups built from the pieces that are hard to read exactly as saxes reads them, read
 * with the plain-sms lane and with saxes alone: the two readings must be the same. The seed is
 * fixed, so a failure is the same failure on every run; FUZZ_SEED and FUZZ_CASES explore further.
 */

const SEED = Number(process.env['FUZZ_SEED'] ?? 0x5eed_0015);
const CASES = Number(process.env['FUZZ_CASES'] ?? 400);

/** The same parser with every element left to saxes. */
const saxesOnly: SourceParser = { ...smsBackupXmlParser, parse: (input, sink) => readSmsBackupXml(input, sink, { plainLane: false }) };


class Pick {
  constructor(readonly next: () => number) {}
  below(count: number): number {
    return Math.floor(this.next() * count);
  }
  chance(probability: number): boolean {
    return this.next() < probability;
  }
  one<T>(choices: readonly T[]): T {
    return choices[this.below(choices.length)] as T;
  }
}

/** Pieces the plain reader should take (so both readers are compared on what it reads). */
const PLAIN_PIECES = [
  'plain', ' ', '  ', 'x', '+40721', '1673769600000', 'null', '', '>', '/>', ';', 'AT&amp;T',
  '&amp;', '&lt;', '&gt;', '&quot;', '&apos;', '&#65;', '&#0065;', '&#0000065;', '&#x41;', '&#x0041;', '&#x000041;',
  '&#10;', '&#13;', '&#9;', '&#13;&#10;', '&#32;', '&#xD7FF;', '&#xE000;', '&#xFFFD;', '&#x10FFFF;', '&#x1F600;', '&#128512;',
  '&#55357;&#56832;', '&#xD83D;&#xDE00;', '&#56832;&#55357;', '&#55357;', '😀', '👩‍👩‍👧', 'ş', 'نص', '中文', '\u00e9', '\ufffd',
  '\u0085', '\u2028', '\u2029', '\u0080', '\u009f', '\u007f', '\u00a0', '\ufeff',
  // Bytes a JSON string escapes, written as they are ('"' in a value quoted with "'").
  '\\', 'C:\\x', '\\"', '&quot;\\',
];

/** Pieces saxes warns about, normalises or stops at, which the plain reader must decline. */
const HOSTILE_PIECES = [
  '&nbsp;', '&AMP;', '&amp', '&#;', '&#x;', '&#00000065;', '&#x0000041;', '&#X41;', '&#x0;', '&#0;', '&#1;', '&#x1F;', '&#x110000;',
  '&#1114112;', '&#99999999;', '&#xD800;', '&#57343;', '&#xFFFE;', '&#xFFFF;', '\ud83d', '\ude00', '\ude00\ud83d', '\ufffe', '\uffff',
  '\u0000', '\u0001', '\u001f', '\u000b', '\u000c', '\t', '\n', '\r', '\r\n', '" />', "' />", '"', "'", '<', '&', 'Q & A', '&;',
  '<sms body="x" />', '<!--', '-->', ']]>', '<![CDATA[', '?>',
];

const NAMES = [
  'protocol', 'address', 'date', 'type', 'subject', 'body', 'toa', 'sc_toa', 'service_center', 'read', 'status', 'locked',
  'date_sent', 'sub_id', 'readable_date', 'contact_name', 'Body', 'BODY', 'a1', '_x', 'a.b', 'a-b', 'x:y', 'xmlns', 'xmlns:x',
  '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', '1a', '.a', '-a', 'bödy', 'ä', 'a\u00b7',
];

const SPACES = [' ', ' ', ' ', '  ', '\t', ' \t ', '\n', '\r\n', '\r', '   '];
const LINE_ENDS = ['\n', '\n', '\n', '\r\n', '\r\n', '\r', '\n\n', ' \n', '\t\n', ' \r\n', '\u0085', '\u2028'];

function value(pick: Pick): string {
  if (pick.chance(0.01)) return 'v'.repeat(MAX_PLAIN_SMS_BYTES - 40 + pick.below(80));
  let text = '';
  const count = pick.below(6);
  for (let index = 0; index < count; index += 1) text += pick.chance(0.04) ? pick.one(HOSTILE_PIECES) : pick.one(PLAIN_PIECES);
  return text;
}

function attribute(pick: Pick, name: string): string {
  const quote = pick.chance(0.8) ? '"' : "'";
  const equals = pick.chance(0.97) ? '=' : pick.one([' =', '= ', ' = ', '\t=']);
  return `${name}${equals}${quote}${value(pick)}${quote}`;
}

/** Names for an element's attributes: different names nearly always (a repeated name is a fault saxes stops at). */
function attributeNames(pick: Pick, count: number): string[] {
  const names: string[] = [];
  while (names.length < count) {
    const name = pick.chance(0.9) ? pick.one(NAMES.slice(0, 16)) : pick.one(NAMES);
    if (!names.includes(name) || pick.chance(0.02)) names.push(name);
  }
  return names;
}

function smsElement(pick: Pick): string {
  const count = pick.below(5) + (pick.chance(0.95) ? 1 : 0);
  let text = pick.chance(0.97) ? '<sms' : pick.one(['<SMS', '<sms\t', '<smsx', '<sms\n']);
  for (const name of attributeNames(pick, count)) {
    text += pick.chance(0.95) ? ' ' : pick.one(SPACES.concat(['']));
    text += pick.chance(0.5) ? `${name}="${pick.one(['1', '+40721', '1673769600000', 'null'])}"` : attribute(pick, name);
  }
  const close = pick.chance(0.95) ? pick.one([' />', '/>', '  />']) : pick.one([' / >', '>', '></sms>', ' >text</sms>', '', ' /', '\t/>', '\n/>']);
  return text + close;
}

function mmsElement(pick: Pick): string {
  return `<mms date="1673769600000" msg_box="1" address="+40721~+40722" m_type="132"><parts><part seq="0" ct="text/plain" text="${value(pick)}" /><part seq="1" ct="image/png" data="iVBORw0K" /></parts><addrs><addr address="+40721" type="137" charset="106" /></addrs></mms>`;
}

function between(pick: Pick): string {
  return pick.one([
    '',
    '',
    '  ',
    '\t',
    '<!-- c -->',
    `<!-- ${smsElement(pick)} -->`,
    `<![CDATA[${smsElement(pick)}]]>`,
    `<?pi ${smsElement(pick)}?>`,
    'text ',
    '&amp;',
    '&#x1F600;',
    '😀',
    '\u0085',
    '\u2028',
  ]);
}

function element(pick: Pick): string {
  const kind = pick.below(20);
  if (kind < 14) return smsElement(pick);
  if (kind < 16) return mmsElement(pick);
  if (kind < 17) return `<call number="+40725" duration="12" date="1673769600000" type="3" />`;
  if (kind < 18) return `<sms address="+40721" date="1673769600000" type="1" body="${value(pick)}"></sms>`;
  if (kind < 19) return `<other a="${value(pick)}" />`;
  return `<sms address="+40721" date="1673769600000"\n  type="1" body="${value(pick)}" />`;
}

const PROLOGS = [
  "<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>",
  '<?xml version="1.0" encoding="UTF-8"?>',
  '<?xml version="1.1" encoding="UTF-8"?>',
  '<?xml version="1.0"?>',
  '',
  "<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<?xml-stylesheet type=\"text/xsl\" href=\"sms.xsl\"?>",
  '<!--File Created By SMS Backup & Restore v10.18.302 -->',
  '<!DOCTYPE smses>',
];

function backup(pick: Pick): string {
  const eol = pick.one(['\n', '\n', '\r\n', '\r']);
  let text = pick.chance(0.1) ? '\ufeff' : '';
  text += pick.one(PROLOGS) + eol;
  const root = pick.chance(0.9) ? 'smses' : pick.one(['calls', 'other']);
  text += `<${root} count="${pick.below(12)}" backup_set="x" type="full">${pick.chance(0.8) ? eol : ''}`;
  const count = 1 + pick.below(10);
  for (let index = 0; index < count; index += 1) {
    text += pick.chance(0.8) ? '  ' : pick.one(['', '\t', ' \t ']);
    text += between(pick);
    text += element(pick);
    if (pick.chance(0.25)) text += between(pick);
    if (pick.chance(0.15)) text += element(pick);
    text += pick.chance(0.8) ? eol : pick.one(LINE_ENDS);
  }
  text += `</${root}>${pick.one(['', '\n', '\r\n', '\n<!-- after -->\n', '\n<sms body="after the root" />\n'])}`;
  if (pick.chance(0.15)) text = text.slice(0, pick.below(text.length + 1));
  return text;
}

/** Chunk sizes that cut every kind of token: single bytes, the halves of a 4-byte emoji, CR LF, and the worker's size. */
const CHUNK_SIZES = [1, 2, 3, 5, 7, 13, 64 * 1024];

async function readings(xml: string, chunkBytes: number): Promise<{ lane: unknown; saxes: unknown }> {
  const read = async (parser: SourceParser): Promise<unknown> => {
    try {
      const result = await runParser(parser, inputFromText(xml, { chunkBytes }));
      return { messages: result.messages, chats: result.chats, warnings: result.warnings, outcome: result.outcome };
    } catch (error) {
      return { thrown: error instanceof Error ? error.message : String(error) };
    }
  };
  const [lane, saxes] = [await read(smsBackupXmlParser), await read(saxesOnly)];
  return stoppedEarly(saxes) ? { lane: withoutTextCounts(lane), saxes: withoutTextCounts(saxes) } : { lane, saxes };
}

/**
 * Where bad XML stops the reading, the reference (saxes alone) has already counted what its
 * prefilter and decoder saw in the whole chunk it was handed, read or not: surrogate pairs joined,
 * lone surrogates, bare ampersands, invalid UTF-8. Those counts after the stop depend on the chunk
 * size (a byte at a time it counts nearly nothing past it). The lane counts only what was read,
 * the same in any chunks. Such readings are compared without those counts and their warnings;
 * everything else is still compared.
 */
function stoppedEarly(reading: unknown): boolean {
  return JSON.stringify(reading).includes('reading stopped there');
}

const TEXT_COUNTS = new Set(['surrogatePairsJoined', 'loneSurrogates', 'bareAmpersands', 'invalidUtf8Sequences']);
const TEXT_COUNT_WARNINGS = /lone UTF-16 surrogate|start no XML reference|UTF-8/u;

function withoutTextCounts(reading: unknown): unknown {
  return JSON.parse(JSON.stringify(reading), (key, value: unknown) => {
    if (TEXT_COUNTS.has(key)) return undefined;
    if (Array.isArray(value)) return value.filter((item: unknown) => !TEXT_COUNT_WARNINGS.test(typeof item === 'object' && item !== null && 'message' in item ? String(item.message) : String(item)));
    return value;
  });
}

function fuzzBackup(seed: number): string {
  return backup(new Pick(seededRandom(seed)));
}

describe('plain sms lane, fuzzed against saxes', () => {
  it(`reads ${CASES} random backups exactly as saxes does, in chunks of 1 byte to 64K (seed ${SEED})`, async () => {
    const pick = new Pick(seededRandom(SEED));
    for (let index = 0; index < CASES; index += 1) {
      const seed = pick.below(2 ** 31);
      const xml = fuzzBackup(seed);
      // Very long values only in big chunks: a byte at a time they would take seconds.
      const chunkBytes = xml.length > 10_000 ? 64 * 1024 : pick.one(CHUNK_SIZES);
      const { lane, saxes } = await readings(xml, chunkBytes);
      expect({ seed, chunkBytes, lane }).toEqual({ seed, chunkBytes, lane: saxes });
      // And as the case stores them: the lane's records made from bytes, the others from saxes's attributes.
      const [laneRows, saxesRows] = await Promise.all([storedImport(smsBackupXmlParser, inputFromText(xml, { chunkBytes }), 'sms-backup-restore-xml'), storedImport(saxesOnly, inputFromText(xml, { chunkBytes }), 'sms-backup-restore-xml')]);
      const stopped = stoppedEarly(saxesRows);
      expect({ seed, chunkBytes, stored: stopped ? withoutTextCounts(laneRows) : laneRows }).toEqual({ seed, chunkBytes, stored: stopped ? withoutTextCounts(saxesRows) : saxesRows });
    }
  });
});
