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

/** The message's sniff is shared with the engine and the zip survey (an attached production is imported too). */
export { sniffRsmfMessage } from '../../../shared/formats/rsmf-message-sniff.ts';
/** The manifest's sniff is shared with the engine, which folds an extracted production's folder into it. */
export { RSMF_MANIFEST_NAME as MANIFEST_NAME, sniffRsmfManifest } from '../../../shared/formats/rsmf-manifest.ts';
