/**
 * Cellebrite UFDR / Physical Analyzer `report.xml` (namespace http://pa.cellebrite.com/report/2.0),
 * streamed with saxes: chats and instant messages (and ActivityLog events no message mirrors),
 * SMS, MMS, Email, calls (as call-log records) and user accounts. Inside a .ufdr zip the engine runs this parser on report.xml and finds the
 * attachments among the other entries by the paths the report names; an unzipped UFDR (a folder
 * with report.xml) is read the same way from disk, and so is a bare report.xml or a fragment.
 */

import type { SourceParser } from '../../../shared/contracts/parsed-source.ts';
import { parseUfdrReport, UFDR_PARSER_VERSION } from './parse-report.ts';
import { sniffUfdrReport } from './sniff.ts';

export { parseUfdrReport, UFDR_PARSER_VERSION } from './parse-report.ts';
export { CELLEBRITE_REPORT_NAMESPACE, sniffUfdrReport } from './sniff.ts';
export { parseCellebriteTime } from './ufdr-time.ts';

export const ufdrReportParser: SourceParser = {
  format: 'cellebrite-ufdr',
  parserVersion: UFDR_PARSER_VERSION,
  sniff: (head, displayName) => sniffUfdrReport(head, displayName),
  parse: (input, sink, options) => parseUfdrReport(input, sink, options),
};
