/**
 * The text of an MMS text part's bytes in the charset its `chset` names: an IANA MIBenum, as the
 * MMS headers carry it (OMA-TS-MMS-ENC; Android's CharacterSets). Only an exact reading is
 * given: bytes not valid in the charset, or a charset not read here, give null, and the part
 * then stays an attachment with its bytes.
 */

const MIB_US_ASCII = 3;
const MIB_ISO_8859_1 = 4;
const MIB_ISO_8859_9 = 12;
export const MIB_UTF_8 = 106;
const MIB_UTF_16 = 1015;
/** ISO-10646-UCS-2 (Android's CharacterSets.UCS2): two bytes a character, read as UTF-16. */
const MIB_UCS_2 = 1000;

/**
 * MIBenums read with a TextDecoder, by its label. ISO-8859-1 is not here: TextDecoder reads that
 * label as windows-1252, which differs in 0x80-0x9F. GB2312 is read by TextDecoder as GBK, of
 * which it is a subset.
 */
const DECODER_LABELS: Record<number, string> = {
  5: 'iso-8859-2',
  6: 'iso-8859-3',
  7: 'iso-8859-4',
  8: 'iso-8859-5',
  9: 'iso-8859-6',
  10: 'iso-8859-7',
  11: 'iso-8859-8',
  [MIB_ISO_8859_9]: 'iso-8859-9',
  13: 'iso-8859-10',
  17: 'shift_jis',
  18: 'euc-jp',
  38: 'euc-kr',
  39: 'iso-2022-jp',
  [MIB_UTF_8]: 'utf-8',
  109: 'iso-8859-13',
  110: 'iso-8859-14',
  111: 'iso-8859-15',
  112: 'iso-8859-16',
  113: 'gbk',
  114: 'gb18030',
  1013: 'utf-16be',
  1014: 'utf-16le',
  2025: 'gb2312',
  2026: 'big5',
  2084: 'koi8-r',
  2250: 'windows-1250',
  2251: 'windows-1251',
  2252: 'windows-1252',
  2253: 'windows-1253',
  2254: 'windows-1254',
  2255: 'windows-1255',
  2256: 'windows-1256',
  2257: 'windows-1257',
  2258: 'windows-1258',
};

/** An absent chset is read as UTF-8, the charset every current phone writes. */
export function decodeMmsText(bytes: Uint8Array, chset: string | null): string | null {
  const trimmed = chset?.trim() ?? String(MIB_UTF_8);
  if (!/^\d{1,5}$/u.test(trimmed)) return null;
  const mib = Number(trimmed);
  if (mib === MIB_ISO_8859_1) return Buffer.from(bytes).toString('latin1');
  if (mib === MIB_US_ASCII) return bytes.every((byte) => byte < 0x80) ? Buffer.from(bytes).toString('latin1') : null;
  if (mib === MIB_UTF_16 || mib === MIB_UCS_2) return utf16Text(bytes);
  // TextDecoder reads ISO-8859-9 as windows-1254, whose 0x80-0x9F are letters, not C1 controls.
  if (mib === MIB_ISO_8859_9 && bytes.some((byte) => byte >= 0x80 && byte <= 0x9f)) return null;
  const label = DECODER_LABELS[mib];
  return label === undefined ? null : strictDecode(label, bytes);
}

/** UTF-16 by its byte order mark, which is no part of the text; big-endian without one (RFC 2781 §4.3). */
function utf16Text(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return strictDecode('utf-16le', bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return strictDecode('utf-16be', bytes.subarray(2));
  return strictDecode('utf-16be', bytes);
}

function strictDecode(label: string, bytes: Uint8Array): string | null {
  try {
    // ignoreBOM keeps a U+FEFF that is part of the content instead of silently dropping it.
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}
