/**
 * Is the head of a file an `.rsmf` message: an RFC 5322 header block holding X-RSMF-Version
 * (Relativity's "Processing an RSMF file": the header is required in RSMF 1.0 and 2.0)? Shared by
 * the RSMF importer's sniff and the engine and zip survey, which import a production an extracted
 * production attaches as a source of its own too.
 */

const UTF8_BYTE_ORDER_MARK = [0xef, 0xbb, 0xbf] as const;
/** How much of a file the sniff looks at; a caller reading a head for it reads this much. */
export const RSMF_MESSAGE_SNIFF_BYTES = 64 * 1024;
const FIELD = /^([!-9;-~]+):/u;
const CONTINUATION = /^[ \t]/u;
const VERSION_FIELD = 'x-rsmf-version';

/** Enough of a file to tell whether it opens with a header field, before a whole head is read. */
export const RSMF_MESSAGE_OPENING_BYTES = 256;

/**
 * Does the file open with a header field line? Cheap to ask of every file a production attaches
 * (thousands of photos): only a file that does is worth a head of RSMF_MESSAGE_SNIFF_BYTES.
 */
export function opensWithHeaderField(opening: Uint8Array): boolean {
  const start = UTF8_BYTE_ORDER_MARK.every((byte, index) => opening[index] === byte) ? UTF8_BYTE_ORDER_MARK.length : 0;
  return FIELD.test(latin1(opening.subarray(start, RSMF_MESSAGE_OPENING_BYTES)));
}

/** True when the head is an RFC 5322 header block (up to its blank line) holding X-RSMF-Version. */
export function sniffRsmfMessage(head: Uint8Array): boolean {
  const start = UTF8_BYTE_ORDER_MARK.every((byte, index) => head[index] === byte) ? UTF8_BYTE_ORDER_MARK.length : 0;
  const lines = latin1(head.subarray(start, RSMF_MESSAGE_SNIFF_BYTES)).split('\n').map((line) => line.replace(/\r$/u, ''));
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

/** Bytes as Latin-1 text: a header block's field names are ASCII, whatever its values' charset. */
function latin1(bytes: Uint8Array): string {
  let text = '';
  for (let start = 0; start < bytes.length; start += 8192) text += String.fromCharCode(...bytes.subarray(start, start + 8192));
  return text;
}
