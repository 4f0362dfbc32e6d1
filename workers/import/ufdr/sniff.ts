/**
 * The UFDR sniff lives in shared/ so that the engine, folding an unzipped report folder into one
 * source, recognises the report by the very same test the importer makes.
 */
export { CELLEBRITE_REPORT_NAMESPACE, isProtectedReport, PROTECTED_REPORT_MAGIC, sniffUfdrReport, UFDR_SNIFF_BYTES } from '../../../shared/formats/cellebrite-report.ts';
