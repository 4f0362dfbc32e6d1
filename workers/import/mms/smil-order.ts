/**
 * The order an MMS's parts are meant to be read in. Phones store the parts in any order (SMS
 * Backup & Restore writes them as the provider lists them; mmssms.db numbers most of them seq 0)
 * and lay the slides out in the `application/smil` part: `<text src="text_1.txt"/>`,
 * `<img src="cid:image0"/>`, … Each src names a part by its Content-Location (`cl`), name, file
 * name (`fn`) or Content-ID (`cid`). The parts the SMIL names come first, in its order; the rest
 * keep file order after them.
 *
 * The SMIL is evidence written by a phone or a sender, so it is read as text, never by a DOM
 * parser (which might expand entity declarations): a SMIL that is too long, declares entities
 * or is no SMIL at all leaves the parts in the order they are stored, with a note saying why.
 */

/** Real SMIL parts are a few hundred bytes to a few KB; beyond this it is not read for order. */
export const MAX_SMIL_CHARS = 256 * 1024;

/** The names a part can be referred to by, as stored (null or '' when absent). */
export interface PartNames {
  cl: string | null;
  name: string | null;
  fn: string | null;
  cid: string | null;
}

export interface PartOrder {
  /** Indexes into the parts, every part once. */
  order: number[];
  /** Why the SMIL could not be used, when it could not. */
  note: string | null;
}

/** SMIL media elements that reference a part by src (SMIL 2.0 §7, as MMS SMIL uses it), at the start of a tag. */
const MEDIA_ELEMENT = /^(?:text|img|image|video|audio|ref|animation|textstream)(?=[\s/]|$)/iu;
const SRC_ATTRIBUTE = /(?:^|\s)src\s*=\s*(?:"([^"]*)"|'([^']*)')/iu;
// A DOCTYPE naming the SMIL DTD is harmless (nothing here expands it); entity declarations are not.
const ENTITY_DECLARATION = /<!ENTITY/iu;
const SMIL_ROOT = /<smil[\s>/]/iu;

/** The parts' reading order by the SMIL text (null when there is no SMIL part: file order). */
export function smilPartOrder(smil: string | null, parts: readonly PartNames[]): PartOrder {
  const fileOrder = parts.map((_, index) => index);
  if (smil === null) return { order: fileOrder, note: null };
  const problem = smilProblem(smil);
  if (problem !== null) return { order: fileOrder, note: `${problem}; the parts are kept in the order they are stored` };

  const byName = partsByName(parts);
  // A Set keeps insertion order: the parts in the order the SMIL first names them.
  const named = new Set<number>();
  for (const source of smilSources(smil)) {
    const index = byName.get(normalisedName(source));
    if (index !== undefined) named.add(index);
  }
  return { order: [...named, ...fileOrder.filter((index) => !named.has(index))], note: null };
}

function smilProblem(smil: string): string | null {
  if (smil.length > MAX_SMIL_CHARS) return `the SMIL part is too long to be read (${smil.length} characters)`;
  if (ENTITY_DECLARATION.test(smil)) return 'the SMIL part declares entities and was not read';
  if (!SMIL_ROOT.test(smil)) return 'the SMIL part is not SMIL (no <smil> element)';
  return null;
}

/**
 * The src of every media element, in document order, with XML character references read. Tags
 * are found with indexOf, each character looked at a bounded number of times: a regular
 * expression over a hostile SMIL of tags that never close ("<text <text …") took seconds.
 */
function smilSources(smil: string): string[] {
  const sources: string[] = [];
  let close = -1;
  for (let open = smil.indexOf('<'); open !== -1; open = smil.indexOf('<', open + 1)) {
    if (close < open) close = smil.indexOf('>', open);
    if (close === -1) break;
    const nextOpen = smil.indexOf('<', open + 1);
    // A '<' before the '>' means this one opened no tag.
    if (nextOpen !== -1 && nextOpen < close) continue;
    const tag = smil.slice(open + 1, close);
    const element = MEDIA_ELEMENT.exec(tag);
    if (element === null) continue;
    const attribute = SRC_ATTRIBUTE.exec(tag.slice(element[0].length));
    const value = attribute?.[1] ?? attribute?.[2];
    if (value !== undefined) sources.push(decodeReferences(value));
  }
  return sources;
}

/** Each name of each part → the first part (in file order) that has it. */
function partsByName(parts: readonly PartNames[]): Map<string, number> {
  const byName = new Map<string, number>();
  parts.forEach((part, index) => {
    for (const name of [part.cl, part.name, part.fn, part.cid]) {
      if (name === null) continue;
      const key = normalisedName(name);
      if (key !== '' && !byName.has(key)) byName.set(key, index);
    }
  });
  return byName;
}

/** A src or a part name compared without a `cid:` scheme and the angle brackets of a Content-ID. */
function normalisedName(name: string): string {
  let key = name.trim();
  if (/^cid:/iu.test(key)) key = key.slice(4);
  if (key.startsWith('<') && key.endsWith('>')) key = key.slice(1, -1);
  return key.trim();
}

const PREDEFINED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML's five predefined entities and numeric character references; anything else is left as written. */
function decodeReferences(value: string): string {
  return value.replace(/&(?:#x([0-9a-f]{1,6})|#(\d{1,7})|(amp|lt|gt|quot|apos));/giu, (whole, hex?: string, decimal?: string, named?: string) => {
    if (named !== undefined) return PREDEFINED_ENTITIES[named.toLowerCase()] ?? whole;
    const codePoint = hex !== undefined ? Number.parseInt(hex, 16) : Number(decimal);
    return codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : whole;
  });
}
