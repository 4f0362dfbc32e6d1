/**
 * A bounce's machine-readable part (message/delivery-status, RFC 3464): one block of fields about
 * the report, then one block per recipient (Final-Recipient, Action, Status, Diagnostic-Code...),
 * blocks separated by blank lines, fields folded like mail headers.
 */

export interface DeliveryStatus {
  /** Fields about the whole report (Reporting-MTA, Arrival-Date...), names lower-cased. */
  report: Record<string, string>;
  /** One entry per recipient block. */
  recipients: Record<string, string>[];
}

const FIELD = /^([!-9;-~]+):[ \t]*(.*)$/u;

export function readDeliveryStatus(text: string): DeliveryStatus {
  const blocks = text
    .replace(/\r\n/gu, '\n')
    .replace(/\n[ \t]+/gu, ' ')
    .split(/\n[ \t]*\n/u)
    .map(readBlock)
    .filter((block) => Object.keys(block).length > 0);
  const [first, ...rest] = blocks;
  if (first === undefined) return { report: {}, recipients: [] };
  // Some reporters put no blank line between the report fields and the first recipient.
  const isRecipient = (block: Record<string, string>): boolean => 'final-recipient' in block || 'action' in block || 'status' in block;
  return isRecipient(first) ? { report: {}, recipients: blocks } : { report: first, recipients: rest };
}

function readBlock(block: string): Record<string, string> {
  const fields: [string, string][] = [];
  for (const line of block.split('\n')) {
    const match = FIELD.exec(line.trim());
    if (match !== null) fields.push([(match[1] ?? '').toLowerCase(), (match[2] ?? '').trim()]);
  }
  // fromEntries defines own properties, so a field named "__proto__" is stored, not obeyed.
  return Object.fromEntries(fields);
}
