/**
 * The seized device (exhibit) a source comes from, as the analyst names it at import: "Phone 1",
 * "Exhibit JS/1 – Samsung A52". Conversations merge across sources only within one device
 * (ADR 0014), so the label is compared by what a person means, not by how it was typed.
 */
export const MAX_DEVICE_LABEL_LENGTH = 200;

/** The label as it is stored and shown; null for none. Throws a message for a label that cannot be one. */
export function normaliseDeviceLabel(input: string | undefined | null): string | null {
  if (input === undefined || input === null) return null;
  const label = asWritten(input);
  if (label === '') return null;
  if (/\p{Cc}/u.test(label)) throw new Error('A device name cannot hold control characters');
  if (label.length > MAX_DEVICE_LABEL_LENGTH) throw new Error(`A device name has at most ${MAX_DEVICE_LABEL_LENGTH} characters`);
  return label;
}

/** What makes two labels the same device: "Phone 1" and "phone  1" are one phone. */
export function deviceIdentity(label: string): string {
  return asWritten(label).toLowerCase();
}

/** One Unicode composition, no outer spaces, one space between words. */
function asWritten(text: string): string {
  return text.normalize('NFC').trim().replace(/\s+/gu, ' ');
}
