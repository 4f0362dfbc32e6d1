/** RSMF (Relativity Short Message Format): .rsmf messages, and rsmf_manifest.json read on its own. */

export { rsmfParser, parseRsmf, RSMF_PARSER_VERSION } from './rsmf-parser.ts';
export { sniffRsmfMessage, sniffRsmfManifest, MANIFEST_NAME } from './sniff.ts';
export { readRsmfTime } from './rsmf-time.ts';
export { MAX_RSMF_BYTES } from './rsmf-message.ts';
