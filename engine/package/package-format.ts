/**
 * The version of what a package's files hold, written to bag-info.txt as
 * `Threadline-Package-Format`, so a reader (the verifier, a defence expert's script) knows which
 * records and fields to expect. Bump it when a payload file's records change, and keep the
 * verifier reading every earlier format: packages already handed to a court stay checkable.
 *
 * - 1: the layout of docs/adr/0005-evidence-package-bagit.md. Packages of format 1 carry no label.
 *   (The last builds before format 2 already wrote the fields of format 2 without the label.)
 * - 2: a record of data/markers.jsonl may carry `origin: "ocr"` and `ocrText`: the indicator was
 *   found in the text read by OCR from the message's images, not in the message text, and its
 *   `spans` index `ocrText` (the searched OCR words of those images, joined by blank lines in
 *   attachment order). Records without `origin` are found in the message text, as in format 1.
 */
export const PACKAGE_FORMAT = 2;
export const PACKAGE_FORMAT_LABEL = 'Threadline-Package-Format';
/** The format of a package written before the label existed. */
const FORMAT_WITHOUT_LABEL = 1;
const KNOWN_FORMATS: readonly number[] = [1, 2];

/** The format a bag-info.txt value declares (undefined: no label), or why it cannot be read. */
export function readPackageFormat(value: string | undefined): { format: number } | { problem: string } {
  if (value === undefined) return { format: FORMAT_WITHOUT_LABEL };
  const format = /^[0-9]{1,4}$/u.test(value) ? Number(value) : null;
  if (format !== null && KNOWN_FORMATS.includes(format)) return { format };
  return { problem: `${PACKAGE_FORMAT_LABEL} "${value}" is not a package format this version of Threadline knows (${KNOWN_FORMATS.join(', ')}): its files cannot be vouched for (made by a newer Threadline, or altered)` };
}
