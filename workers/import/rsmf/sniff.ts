/**
 * Content sniffing for RSMF (Relativity Short Message Format). Two shapes reach an examiner:
 *
 * - the `.rsmf` file itself: an RFC 5322 message whose header block carries `X-RSMF-Version`
 *   (Relativity's "Processing an RSMF file": the header is required in RSMF 1.0 and 2.0; the
 *   sample `Documentation/Sample3/sample.rsmf` of relativitydev/rsmf-validator-samples opens with
 *   MIME-Version, X-RSMF-Version, X-RSMF-Generator, To and Content-Type, and no From or Date, so
 *   the e-mail sniffer does not claim it);
 * - the manifest `rsmf_manifest.json` (in a bare rsmf.zip, or extracted): a JSON object with the
 *   arrays the RSMF 1.0.0 and 2.0.0 schemas require (participants, conversations, events), told
 *   by shared/formats/rsmf-manifest.ts.
 */

import { latin1, startsWithByteOrderMark, UTF8_BYTE_ORDER_MARK } from '../email/mbox-splitter.ts';

const SNIFF_BYTE_LIMIT = 64 * 1024;
const FIELD = /^([!-9;-~]+):/u;
const CONTINUATION = /^[ \t]/u;
const VERSION_FIELD = 'x-rsmf-version';
/** The manifest's sniff is shared with the engine, which folds an extracted production's folder into it. */
export { RSMF_MANIFEST_NAME as MANIFEST_NAME, sniffRsmfManifest } from '../../../shared/formats/rsmf-manifest.ts';

/** True when the head is an RFC 5322 header block (up to its blank line) holding X-RSMF-Version. */
export function sniffRsmfMessage(head: Uint8Array): boolean {
  const start = startsWithByteOrderMark(head) ? UTF8_BYTE_ORDER_MARK.length : 0;
  const lines = latin1(head.subarray(start, SNIFF_BYTE_LIMIT)).split('\n').map((line) => line.replace(/\r$/u, ''));
  let version = false;
  let fields = 0;
  // The last line may be cut by the window; it is not judged.
  for (const line of lines.slice(0, -1)) {
    if (line === '') return version;
    const field = FIELD.exec(line);
    if (field !== null) {
      fields += 1;
      if ((field[1] ?? '').toLowerCase() === VERSION_FIELD) version = true;
    } else if (!CONTINUATION.test(line) || fields === 0) return false;
  }
  // The window ended inside the header block: a long X-RSMF-Participants (2.0, every
  // participant's name) can fill it. Every line seen was a header line, so the version decides.
  return version;
}
