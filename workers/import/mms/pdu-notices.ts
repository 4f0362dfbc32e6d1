/**
 * MMS PDUs that are no message from a person (OMA-TS-MMS-ENC §6): a download notice
 * (M-Notification.ind, m_type 130: the message was announced but never fetched), a delivery
 * report (M-Delivery.ind, 134) and read reports (M-Read-Rec.ind 135, sent by this phone;
 * M-Read-Orig.ind 136, received). Both the SMS Backup & Restore XML and mmssms.db importers
 * read them as system records with the text this module writes from the PDU's own headers.
 */

export const MMS_NOTIFICATION_IND = 130;
const MMS_DELIVERY_IND = 134;
const MMS_READ_REC_IND = 135;
const MMS_READ_ORIG_IND = 136;

/** X-Mms-Status (`st`) of an M-Delivery.ind (OMA-TS-MMS-ENC §7.3.54). */
const DELIVERY_STATUS: Record<number, string> = {
  128: 'expired',
  129: 'retrieved',
  130: 'rejected',
  131: 'deferred',
  132: 'unrecognised',
  133: 'indeterminate',
  134: 'forwarded',
  135: 'unreachable',
};
/** X-Mms-Read-Status (`read_status`) of a read report (OMA-TS-MMS-ENC §7.3.39). */
const READ_STATUS: Record<number, string> = { 128: 'read', 129: 'deleted without being read' };

/**
 * Below this an `exp` (X-Mms-Expiry, seconds) is a relative delta, not a date: the PDU allows
 * both, and a value under 100 000 000 s (about three years; as a date, 1973) cannot be an
 * absolute expiry of a real notice.
 */
const MIN_ABSOLUTE_EXPIRY_SECONDS = 100_000_000;

/** The headers a notice or report carries, as stored (null when absent). */
export interface PduNotice {
  messageType: number | null;
  /** From (addr type 137). */
  from: string | null;
  /** To (addr type 151): for a delivery report, the recipient it reports on. */
  to: string | null;
  /** X-Mms-Message-Size (`m_size`), bytes. */
  size: number | null;
  /** X-Mms-Expiry (`exp`), seconds. */
  expiry: number | null;
  /** Message-ID (`m_id`): for a report, the id of the message it reports on. */
  messageId: string | null;
  /** X-Mms-Status (`st`). For a notification `st` is the messaging app's download state instead, so it is not read there. */
  status: number | null;
  /** X-Mms-Read-Status (`read_status`). */
  readStatus: number | null;
}

/** True for the message types this module describes (they are system records, not messages). */
export function isPduNotice(messageType: number | null): boolean {
  return messageType === MMS_NOTIFICATION_IND || messageType === MMS_DELIVERY_IND || messageType === MMS_READ_REC_IND || messageType === MMS_READ_ORIG_IND;
}

/** The record text of a notice or report, or null for any other message type. */
export function pduNoticeText(notice: PduNotice): string | null {
  switch (notice.messageType) {
    case MMS_NOTIFICATION_IND:
      return `MMS download notice: message not downloaded${detailList([from(notice.from), sizeText(notice.size), expiryText(notice.expiry)])}`;
    case MMS_DELIVERY_IND:
      return `MMS delivery report for ${messageName(notice.messageId)}${party('to', notice.to)}: ${statusText(DELIVERY_STATUS, notice.status)}`;
    case MMS_READ_REC_IND:
      return `MMS read report sent for ${messageName(notice.messageId)}${party('to', notice.to)}: ${statusText(READ_STATUS, notice.readStatus)}`;
    case MMS_READ_ORIG_IND:
      return `MMS read report for ${messageName(notice.messageId)}${party('from', notice.from)}: ${statusText(READ_STATUS, notice.readStatus)}`;
    default:
      return null;
  }
}

function detailList(details: (string | null)[]): string {
  const known = details.filter((detail): detail is string => detail !== null);
  return known.length === 0 ? '' : ` (${known.join(', ')})`;
}

function from(address: string | null): string | null {
  return address === null ? null : `from ${address}`;
}

function sizeText(size: number | null): string | null {
  return size === null ? null : `size ${size} bytes`;
}

function expiryText(expiry: number | null): string | null {
  if (expiry === null || expiry <= 0) return null;
  if (expiry < MIN_ABSOLUTE_EXPIRY_SECONDS) return `expires ${expiry} s after it was sent`;
  const date = new Date(expiry * 1000);
  return Number.isNaN(date.getTime()) ? `expiry ${expiry}` : `expires ${date.toISOString()}`;
}

function messageName(messageId: string | null): string {
  return messageId === null ? 'a message of unknown id' : `message ${messageId}`;
}

function party(word: string, address: string | null): string {
  return address === null ? '' : ` ${word} ${address}`;
}

function statusText(labels: Record<number, string>, status: number | null): string {
  if (status === null) return 'status not recorded';
  return labels[status] ?? `status ${status}`;
}
