/** Bytes a sniff of a zip reads: its first record's signature. */
export const ZIP_SNIFF_BYTES = 4;

/**
 * Whether `head` starts a zip: a local file header, or the end-of-central-directory record of an
 * empty archive. Shared by the importers (what a file or an attached file is) and the engine (which
 * picked files are zips), so they never disagree on what a zip is.
 */
export function sniffZip(head: Uint8Array): boolean {
  return head.length >= ZIP_SNIFF_BYTES && head[0] === 0x50 && head[1] === 0x4b && ((head[2] === 0x03 && head[3] === 0x04) || (head[2] === 0x05 && head[3] === 0x06));
}
