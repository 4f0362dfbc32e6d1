/**
 * Is the head of a file an RSMF manifest (rsmf_manifest.json, in a bare rsmf.zip or extracted)?
 * A JSON object with the arrays the RSMF 1.0.0 and 2.0.0 schemas require (participants,
 * conversations, events; relativitydev/rsmf-validator-samples, RSMFManifestSchema/) and the keys
 * only an event has. Shared by the RSMF importer's sniff and the engine, which folds an extracted
 * production's folder into its manifest, so a folder is folded exactly when its manifest would be
 * imported as one.
 *
 * The file name never decides alone: a manifest is recognised by its keys, and by its name only
 * together with an object that opens with one of those keys' arrays.
 */

/** The name the RSMF specification gives the manifest inside rsmf.zip. */
export const RSMF_MANIFEST_NAME = 'rsmf_manifest.json';
/** How much of a file the sniff looks at; a caller reading a head for it reads this much. */
export const RSMF_MANIFEST_SNIFF_BYTES = 64 * 1024;

const ARRAY_KEY = (key: string): RegExp => new RegExp(`"${key}"\\s*:\\s*\\[`, 'u');
const MANIFEST_ARRAYS = ['participants', 'conversations', 'events'].map(ARRAY_KEY);
/** Keys only an RSMF event has: the conversation and participant it names. */
const EVENT_KEYS = [/"conversation"\s*:\s*"/u, /"participant"\s*:\s*"/u];

export function sniffRsmfManifest(head: Uint8Array, displayName: string): boolean {
  const text = new TextDecoder().decode(head.subarray(0, RSMF_MANIFEST_SNIFF_BYTES)).replace(/^\uFEFF/u, '').trimStart();
  if (!text.startsWith('{')) return false;
  const arrays = MANIFEST_ARRAYS.filter((pattern) => pattern.test(text)).length;
  if (arrays === MANIFEST_ARRAYS.length && EVENT_KEYS.every((pattern) => pattern.test(text))) return true;
  // A manifest with a long list of participants before its events: its name and the opening array tell.
  // RSMF-Inspector (berk8520/RSMF-Inspector) extracts it as "<RSMF base name>_rsmf_manifest.json".
  const named = baseName(displayName).toLowerCase().endsWith(RSMF_MANIFEST_NAME);
  return named && arrays > 0 && /^\{\s*"(?:version|participants|conversations|events|eventcollectionid)"\s*:/u.test(text);
}

function baseName(name: string): string {
  const slashed = name.replaceAll('\\', '/');
  return slashed.slice(slashed.lastIndexOf('/') + 1);
}
