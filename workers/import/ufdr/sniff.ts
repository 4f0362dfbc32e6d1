/**
 * Is the head of a file a Cellebrite Physical Analyzer report.xml? Its root element is
 * <project> in the namespace http://pa.cellebrite.com/report/2.0. The root is looked for after
 * the XML declaration, comments and any DOCTYPE, so a file with a hostile DOCTYPE is still
 * recognised and then refused with a clear message rather than passed to another importer.
 */

export const CELLEBRITE_REPORT_NAMESPACE = 'http://pa.cellebrite.com/report/2.0';
/** First bytes of a password-protected UFDR's report.xml (IPED's constant); the rest is ciphertext. */
export const PROTECTED_REPORT_MAGIC = [0x2d, 0x06, 0x52, 0x6d] as const;

const SNIFF_BYTES = 64 * 1024;

export function sniffUfdrReport(head: Uint8Array, displayName: string): boolean {
  if (isProtectedReport(head, displayName)) return true;
  const text = new TextDecoder('utf-8', { fatal: false }).decode(head.subarray(0, SNIFF_BYTES)).replace(/^\uFEFF/u, '');
  if (!text.trimStart().startsWith('<')) return false;
  const prologueFree = text
    .replace(/<!--[\s\S]*?-->/gu, '')
    .replace(/<\?[\s\S]*?\?>/gu, '')
    .replace(/<!DOCTYPE[^[>]*(\[[\s\S]*?\]\s*)?>/iu, '');
  const first = /<(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)[\s/>]/u.exec(prologueFree);
  if (first === null || first[1] !== 'project') return false;
  const tagEnd = prologueFree.indexOf('>', first.index);
  const tag = prologueFree.slice(first.index, tagEnd === -1 ? undefined : tagEnd);
  return tag.includes(CELLEBRITE_REPORT_NAMESPACE);
}

/** A protected report is recognised by its magic bytes and its name, so it can be refused plainly. */
export function isProtectedReport(head: Uint8Array, displayName: string): boolean {
  const name = displayName.replace(/\\/gu, '/').split('/').pop()?.toLowerCase() ?? '';
  return name === 'report.xml' && PROTECTED_REPORT_MAGIC.every((byte, index) => head[index] === byte);
}
