/**
 * Protobuf bytes built by hand for parser tests: a varint, a key with its varint value, a
 * length-delimited field (nested fields or UTF-8 text). WhatsApp's iOS store keeps reactions,
 * polls, calls and quotes in such blobs; the tests write them field by field.
 */

export function varint(value: number): number[] {
  const bytes: number[] = [];
  let rest = value;
  while (rest >= 0x80) {
    bytes.push((rest % 0x80) | 0x80);
    rest = Math.floor(rest / 0x80);
  }
  return [...bytes, rest];
}

/** Field `field` holding the varint `value`. */
export const number = (field: number, value: number): number[] => [...varint(field << 3), ...varint(value)];

/** Field `field` holding `value`'s bytes (a nested message's, or a text's UTF-8). */
export function nested(field: number, value: number[] | string): number[] {
  const bytes = typeof value === 'string' ? [...new TextEncoder().encode(value)] : value;
  return [...varint((field << 3) | 2), ...varint(bytes.length), ...bytes];
}

/** The bytes as a SQL blob literal's hex digits (X'…'). */
export const hex = (bytes: number[]): string => Buffer.from(bytes).toString('hex');
