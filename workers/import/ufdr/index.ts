/**
 * Cellebrite UFDR / Physical Analyzer `report.xml` (namespace http://pa.cellebrite.com/report/2.0),
 * streamed with saxes. Inside a .ufdr zip the engine runs this parser on report.xml and finds the
 * attachments among the other entries by the paths the report names.
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
  parse: (input, sink) => parseUfdrReport(input, sink),
};
