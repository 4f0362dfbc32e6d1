import { PACKAGE_FORMAT, PACKAGE_FORMAT_LABEL } from './package-format.ts';
import type { PreparedPackage } from './prepare.ts';
import { SIGNATURE_PATH } from './signature.ts';

export const BAGIT_TXT = 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n';

/**
 * bag-info.txt (RFC 8493 §2.2.2): the reserved labels a BagIt tool understands, then
 * Threadline-* labels for what a reader of the bag needs without opening the report.
 */
export function bagInfoText(prepared: PreparedPackage, payloadOxum: string, signed: boolean): string {
  const { input } = prepared;
  const fields: [string, string][] = [
    ['Source-Organization', input.organisation],
    ['Contact-Name', input.examiner.name],
    ...(input.examiner.email === undefined ? [] : [['Contact-Email', input.examiner.email] as [string, string]]),
    ['External-Description', `Court evidence package of case ${input.case.name}: ${input.selection.description}`],
    ['Bagging-Date', input.baggingDate.slice(0, 10)],
    ['External-Identifier', input.case.reference],
    ...input.exhibitRefs.map((ref): [string, string] => ['Internal-Sender-Identifier', ref]),
    ['Payload-Oxum', payloadOxum],
    ['Bag-Software-Agent', `${input.tool.name} ${input.tool.version}`],
    [PACKAGE_FORMAT_LABEL, String(PACKAGE_FORMAT)],
    ['Threadline-Case-Name', input.case.name],
    ['Threadline-Bagging-Time', input.baggingDate],
    ['Threadline-Selection', input.selection.description],
    ['Threadline-Messages', `${prepared.selectedCount} selected, ${prepared.contextCount} context`],
    ['Threadline-Pseudonymised', (input.pseudonyms ?? []).length > 0 ? 'yes' : 'no'],
    ['Threadline-Custody-Head', prepared.custodyHead],
    ['Threadline-Signature', signed ? `Ed25519 ${SIGNATURE_PATH}` : 'none'],
  ];
  return fields.map(([label, value]) => `${label}: ${oneLine(value)}\n`).join('');
}

/** Values are single lines: a newline would start a new label or a continuation. */
function oneLine(value: string): string {
  return value.replace(/[\r\n]+/g, ' ').trim();
}

/** Labels and values of a bag-info.txt, continuation lines (leading whitespace) folded in. */
export function parseBagInfo(text: string): { label: string; value: string }[] {
  const fields: { label: string; value: string }[] = [];
  for (const line of text.split(/\r\n|\r|\n/)) {
    if (line === '') continue;
    const last = fields[fields.length - 1];
    if (/^[ \t]/.test(line) && last !== undefined) {
      last.value += ` ${line.trim()}`;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) {
      fields.push({ label: '', value: line });
      continue;
    }
    fields.push({ label: line.slice(0, colon).trim(), value: line.slice(colon + 1).trim() });
  }
  return fields;
}
