/**
 * Is the head of a file a Cellebrite Physical Analyzer report.xml? Its root element is
 * <project> in the namespace http://pa.cellebrite.com/report/2.0, or, for a fragment copied out
 * of one, a <model> or <modelType> with Physical Analyzer's field markup. The root is looked for after
 * the XML declaration, comments and any DOCTYPE, so a file with a hostile DOCTYPE is still
 * recognised and then refused with a clear message rather than passed to another importer.
 */

export const CELLEBRITE_REPORT_NAMESPACE = 'http://pa.cellebrite.com/report/2.0';
/** First bytes of a password-protected UFDR's report.xml (IPED's constant); the rest is ciphertext. */
export const PROTECTED_REPORT_MAGIC = [0x2d, 0x06, 0x52, 0x6d] as const;

/** How much of a file the sniff looks at; a caller reading a head for it reads this much. */
export const UFDR_SNIFF_BYTES = 64 * 1024;

export function sniffUfdrReport(head: Uint8Array, displayName: string): boolean {
  if (isProtectedReport(head, displayName)) return true;
  const text = new TextDecoder().decode(head.subarray(0, UFDR_SNIFF_BYTES)).replace(/^\uFEFF/u, '');
  if (!text.trimStart().startsWith('<')) return false;
  const prologueFree = text
    .replace(/<!--[\s\S]*?-->/gu, '')
    .replace(/<\?[\s\S]*?\?>/gu, '')
    .replace(/<!DOCTYPE[^[>]*(\[[\s\S]*?\]\s*)?>/iu, '');
  const first = /<(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)[\s/>]/u.exec(prologueFree);
  if (first !== null && (first[1] === 'model' || first[1] === 'modelType')) return isReportFragment(prologueFree.slice(first.index));
  if (first === null || first[1] !== 'project') return false;
  const tagEnd = prologueFree.indexOf('>', first.index);
  const tag = prologueFree.slice(first.index, tagEnd === -1 ? undefined : tagEnd);
  return tag.includes(CELLEBRITE_REPORT_NAMESPACE) || hasReportMarkers(tag, prologueFree.slice(first.index));
}

/**
 * A <project> without the namespace (FORMATS.md §7.1): IPED knows a Physical Analyzer XML report
 * by `project id`, `extractionType` and `sourceExtractions` near its start; so does this.
 */
function hasReportMarkers(rootTag: string, text: string): boolean {
  return /\sid="/u.test(rootTag) && /\sextractionType="/u.test(rootTag) && /<(?:[\w.-]+:)?sourceExtractions[\s/>]/u.test(text);
}

/**
 * A `<model type=…>` or `<modelType type=…>` copied out of a report.xml: the root has a type,
 * and the content has Physical Analyzer's own marks (`<field name=… type=…>` holding `<value
 * type=…>`, and `deleted_state`/`decoding_confidence` on models), which no other format combines.
 */
function isReportFragment(text: string): boolean {
  const tagEnd = text.indexOf('>');
  const rootTag = text.slice(0, tagEnd === -1 ? undefined : tagEnd);
  if (!/\stype="[A-Za-z]+"/u.test(rootTag)) return false;
  return /<field name="[^"]+" type="[^"]+"\s*>/u.test(text) && /<value type="[^"]+"/u.test(text) && /\s(deleted_state|decoding_confidence)="/u.test(text);
}

/** A protected report is recognised by its magic bytes and its name, so it can be refused plainly. */
export function isProtectedReport(head: Uint8Array, displayName: string): boolean {
  const name = displayName.replace(/\\/gu, '/').split('/').pop()?.toLowerCase() ?? '';
  return name === 'report.xml' && PROTECTED_REPORT_MAGIC.every((byte, index) => head[index] === byte);
}
