import { cutAfter, hugeWords, INVALID_UTF8, LONE_SURROGATE_UTF8, NUL, spliced, utf16le } from './damage.ts';
import { SEED_WORD, smsRecord, smsXml, telegramHtml, ufdrReport, ufdrZip } from './seeds.ts';
import type { HostileCase } from './types.ts';
import { gigabyteBomb, slipEntries } from './zips.ts';

/** Telegram HTML, SMS Backup & Restore XML and Cellebrite UFDR (report.xml in a zip). */
export function markupCases(): HostileCase[] {
  return [...telegramHtmlCases(), ...smsXmlCases(), ...ufdrCases()];
}

const BILLION_LAUGHS = `<!DOCTYPE lolz [\n<!ENTITY lol "lol">\n${Array.from({ length: 9 }, (_, level) => `<!ENTITY lol${level + 1} "${`&lol${level === 0 ? '' : level};`.repeat(10)}">`).join('\n')}\n]>\n`;
const EXTERNAL_ENTITY = '<!DOCTYPE foo [\n<!ENTITY xxe SYSTEM "file:///etc/passwd">\n]>\n';

function telegramHtmlCases(): HostileCase[] {
  const file = 'messages.html';
  return [
    {
      id: 'tg-html-entities',
      format: 'telegram-html',
      attack: 'a DOCTYPE declaring billion-laughs entities, referenced in a message',
      entry: file,
      files: [{ name: file, bytes: () => telegramHtml([`hello ${SEED_WORD}`, 'laugh &lol9; laughword']).replace('<!DOCTYPE html>\n', BILLION_LAUGHS) }],
      expect: { status: 'imported', finds: [SEED_WORD, 'laughword'], absent: ['lollollol'], messages: 2 },
    },
    {
      id: 'tg-html-external-entity',
      format: 'telegram-html',
      attack: 'a DOCTYPE declaring an external entity on /etc/passwd, referenced in a message',
      entry: file,
      files: [{ name: file, bytes: () => telegramHtml([`hello ${SEED_WORD}`, 'read &xxe; xxeword']).replace('<!DOCTYPE html>\n', EXTERNAL_ENTITY) }],
      expect: { status: 'imported', finds: [SEED_WORD, 'xxeword'], absent: ['root'], messages: 2 },
    },
    {
      id: 'tg-html-truncated',
      format: 'telegram-html',
      attack: 'the page cut inside the second message',
      entry: file,
      files: [{ name: file, bytes: () => cutAfter(telegramHtml([`hello ${SEED_WORD}`, 'never finished']), 'never fin') }],
      expect: { status: 'imported', issues: [/messages\.html:19 .*the file ends inside this block/u], finds: [SEED_WORD], messages: 1 },
    },
    {
      id: 'tg-html-bad-text',
      format: 'telegram-html',
      attack: 'invalid UTF-8, a raw lone surrogate, a &#xD800; reference, NUL bytes and &#0;',
      entry: file,
      files: [
        {
          name: file,
          bytes: () => {
            const page = telegramHtml([`hello ${SEED_WORD}`, '@@HOLE@@']);
            const at = page.indexOf('@@HOLE@@');
            return spliced(page.slice(0, at), 'bad ', INVALID_UTF8, ' half ', LONE_SURROGATE_UTF8, ' &#xD800; &#0; ', NUL, ' brokenword', page.slice(at + 8));
          },
        },
      ],
      expect: { status: 'imported', issues: [/messages\.html .*not valid UTF-8 \(at byte offset \d+/u], finds: [SEED_WORD, 'brokenword'], messages: 2 },
    },
  ];
}

function smsXmlCases(): HostileCase[] {
  const file = 'sms-backup.xml';
  const good = smsRecord(1712340000000, `hello ${SEED_WORD}`);
  return [
    {
      id: 'sbr-doctype',
      format: 'sms-backup-xml',
      attack: 'a plain DOCTYPE with no entities',
      entry: file,
      files: [{ name: file, bytes: () => smsXml(undefined, '<!DOCTYPE smses>\n') }],
      expect: { status: 'imported', issues: [/the file has a DOCTYPE \(<!DOCTYPE smses>\), which SMS Backup & Restore does not write; it was ignored/u], finds: [SEED_WORD], messages: 2 },
    },
    {
      id: 'sbr-billion-laughs',
      format: 'sms-backup-xml',
      attack: 'billion laughs in the internal subset',
      entry: file,
      files: [{ name: file, bytes: () => smsXml([good, smsRecord(1712340060000, '&lol9;')], BILLION_LAUGHS) }],
      expect: { status: 'failed', code: 'E_IMPORT_FORMAT', says: /sms-backup\.xml:3: the DOCTYPE at line 3 declares XML entities.*refused/u },
    },
    {
      id: 'sbr-external-entity',
      format: 'sms-backup-xml',
      attack: 'an external entity on file:///etc/passwd',
      entry: file,
      files: [{ name: file, bytes: () => smsXml([good, smsRecord(1712340060000, '&xxe;')], EXTERNAL_ENTITY) }],
      expect: { status: 'failed', code: 'E_IMPORT_FORMAT', says: /sms-backup\.xml:3: the DOCTYPE at line 3 declares XML entities.*refused/u },
    },
    {
      id: 'sbr-truncated',
      format: 'sms-backup-xml',
      attack: 'the backup cut inside the second record',
      entry: file,
      files: [{ name: file, bytes: () => cutAfter(smsXml([good, smsRecord(1712340060000, 'never finished')]), 'never fin') }],
      expect: { status: 'imported', issues: [/sms-backup\.xml:4:88 bad XML: unclosed tag/u], finds: [SEED_WORD], messages: 1 },
    },
    {
      id: 'sbr-bad-text',
      format: 'sms-backup-xml',
      attack: 'invalid UTF-8 and a raw lone surrogate in a body attribute',
      entry: file,
      files: [{ name: file, bytes: () => spliced(smsXml([good]).replace('</smses>', ''), '  <sms address="1" date="1712340060000" type="1" body="bad ', INVALID_UTF8, ' half ', LONE_SURROGATE_UTF8, ' brokenword" />\n</smses>\n') }],
      expect: { status: 'imported', issues: [/sms-backup\.xml .*not valid UTF-8 \(at byte offset \d+/u], finds: [SEED_WORD, 'brokenword'] },
    },
    {
      id: 'sbr-char-references',
      format: 'sms-backup-xml',
      attack: 'a lone surrogate (&#55357;) and NUL (&#0;) as character references, as SMS Backup & Restore writes them',
      entry: file,
      files: [{ name: file, bytes: () => smsXml([good, smsRecord(1712340060000, 'half &#55357; nul &#0; refword')]) }],
      expect: { status: 'imported', issues: [/sms-backup\.xml:4:\d+ malformed character entity/u, /lone UTF-16 surrogate were read as U\+FFFD/u], finds: [SEED_WORD, 'refword'], messages: 2 },
    },
    {
      id: 'sbr-raw-nul',
      format: 'sms-backup-xml',
      attack: 'a raw NUL byte inside a body attribute',
      entry: file,
      files: [{ name: file, bytes: () => spliced(smsXml([good]).replace('</smses>', ''), '  <sms address="1" date="1712340060000" type="1" body="before', NUL, 'nulword" />\n</smses>\n') }],
      expect: { status: 'imported', issues: [/sms-backup\.xml:5:62 disallowed character/u], finds: [SEED_WORD, 'nulword'], messages: 2 },
    },
    {
      id: 'sbr-50mb-attribute',
      format: 'sms-backup-xml',
      attack: 'one body attribute of 50 MiB',
      entry: file,
      files: [{ name: file, bytes: () => spliced(smsXml([good]).replace('</smses>', ''), '  <sms address="1" date="1712340060000" type="1" body="longline ', hugeWords(), `" />\n${smsRecord(1712340120000, 'tailword after the long body')}\n</smses>\n`) }],
      expect: { status: 'imported', issues: [/sms-backup\.xml:5 .*52428809 characters long; its first 1048576 are kept/u], finds: [SEED_WORD, 'longline', 'tailword'], messages: 3 },
    },
    {
      id: 'sbr-utf16le',
      format: 'sms-backup-xml',
      attack: 'the backup saved as UTF-16 LE',
      entry: file,
      files: [{ name: file, bytes: () => utf16le(smsXml()) }],
      expect: { status: 'failed', code: 'E_IMPORT_FORMAT', says: /UTF-16/u },
    },
  ];
}

function ufdrCases(): HostileCase[] {
  const file = 'PH-07.ufdr';
  return [
    {
      id: 'ufdr-billion-laughs',
      format: 'ufdr',
      attack: 'billion laughs in report.xml',
      entry: file,
      files: [{ name: file, bytes: () => ufdrZip(ufdrReport([`hello ${SEED_WORD}`, '&lol9;'], BILLION_LAUGHS)) }],
      expect: { status: 'failed', code: 'E_IMPORT_FORMAT', says: /PH-07\.ufdr!report\.xml: report\.xml:3: the DOCTYPE at line 3 declares XML entities/u },
    },
    {
      id: 'ufdr-external-entity',
      format: 'ufdr',
      attack: 'an external entity on /etc/passwd in report.xml',
      entry: file,
      files: [{ name: file, bytes: () => ufdrZip(ufdrReport([`hello ${SEED_WORD}`, '&xxe;'], EXTERNAL_ENTITY)) }],
      expect: { status: 'failed', code: 'E_IMPORT_FORMAT', says: /PH-07\.ufdr!report\.xml: report\.xml:3: the DOCTYPE at line 3 declares XML entities/u },
    },
    {
      id: 'ufdr-doctype',
      format: 'ufdr',
      attack: 'a plain DOCTYPE with no entities in report.xml',
      entry: file,
      files: [{ name: file, bytes: () => ufdrZip(ufdrReport(undefined, '<!DOCTYPE project>\n')) }],
      expect: { status: 'imported', issues: [/report\.xml the file has a DOCTYPE \(<!DOCTYPE project>\), which Cellebrite does not write; it was ignored/u], finds: [SEED_WORD], messages: 2 },
    },
    {
      id: 'ufdr-bomb',
      format: 'ufdr',
      attack: 'report.xml inflating to 1 GiB of zeros',
      entry: file,
      files: [{ name: file, bytes: () => gigabyteBomb('report.xml') }],
      expect: { status: 'failed', code: 'E_IMPORT_FORMAT', says: /report\.xml cannot be read: compresses \d+:1, beyond the 200:1 limit \(zip bomb\?\)/u },
    },
    {
      id: 'ufdr-truncated',
      format: 'ufdr',
      attack: 'report.xml cut inside the second message',
      entry: file,
      files: [{ name: file, bytes: () => ufdrZip(cutAfter(ufdrReport([`hello ${SEED_WORD}`, 'never finished']), 'never fin')) }],
      expect: { status: 'imported', issues: [/report\.xml:8:305 bad XML: unclosed tag/u], finds: [SEED_WORD], messages: 1 },
    },
    {
      id: 'ufdr-bad-text',
      format: 'ufdr',
      attack: 'invalid UTF-8 and a lone surrogate in a message body',
      entry: file,
      files: [
        {
          name: file,
          bytes: () => {
            const report = ufdrReport([`hello ${SEED_WORD}`, '@@HOLE@@']);
            const at = report.indexOf('@@HOLE@@');
            return ufdrZip(spliced(report.slice(0, at), 'bad ', INVALID_UTF8, ' half ', LONE_SURROGATE_UTF8, ' brokenword', report.slice(at + 8)));
          },
        },
      ],
      expect: { status: 'imported', issues: [/report\.xml .*not valid UTF-8 \(at byte offset \d+/u], finds: [SEED_WORD, 'brokenword'], messages: 2 },
    },
    {
      id: 'ufdr-slip',
      format: 'ufdr',
      attack: 'zip-slip entry names and a symlink entry beside report.xml',
      entry: file,
      files: [{ name: file, bytes: () => ufdrZip(ufdrReport(), slipEntries()) }],
      expect: { status: 'imported', issues: [/escaped-relative/u, /escaped-absolute/u, /escaped-drive/u, /escaped-backslash/u, /passwd\.jpg.*link/u], finds: [SEED_WORD] },
    },
  ];
}
