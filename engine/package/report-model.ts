import type { PackageMessage, PackageReview } from '../../shared/contracts/evidence-package.ts';
import { describeLocatorInFull } from '../../shared/domain/locator.ts';
import { messagesOf } from '../../shared/domain/source.ts';
import { notableFacts } from '../../shared/domain/source-facts.ts';
import { senderLabel } from '../../shared/domain/sender-label.ts';
import { canonicalJson } from './canonical-json.ts';
import { PACKAGE_FORMAT, PACKAGE_FORMAT_LABEL } from './package-format.ts';
import type { PreparedPackage } from './prepare.ts';
import { PUBLIC_KEY_PATH, SIGNATURE_PATH } from './signature.ts';

/**
 * What the report says, once, as plain blocks: report.html and report.pdf both render this
 * model, so the two can never tell the court different things.
 */
export type ReportBlock =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string; tone?: 'muted' | 'warning' }
  | { kind: 'facts'; rows: [string, string][] }
  | { kind: 'list'; items: string[] }
  | { kind: 'code'; lines: string[] }
  | { kind: 'message'; message: ReportMessage };

export interface ReportMessage {
  sender: string;
  time: string;
  selected: boolean;
  text: string;
  flags: string[];
  indicators: { title: string; explanation: string }[];
  notes: string[];
  attachments: string[];
  place: string;
}

export interface ReportModel {
  title: string;
  blocks: ReportBlock[];
}

export interface ReportContext {
  /** SHA-256 fingerprint of the examiner's public key, when the package is signed. */
  keyFingerprint: string | null;
  /** Font files the PDF embeds (name and SHA-256), for the method section. */
  fonts: { name: string; sha256: string }[];
}

const MAX_LISTED_ISSUES = 50;

export function buildReportModel(prepared: PreparedPackage, context: ReportContext): ReportModel {
  const { input } = prepared;
  const blocks: ReportBlock[] = [];
  const pseudonymised = (input.pseudonyms ?? []).length > 0;
  blocks.push({ kind: 'heading', level: 1, text: `Evidence package: ${input.case.name}` });
  blocks.push({ kind: 'facts', rows: [
    ['Case reference', input.case.reference],
    ['Exhibit references', input.exhibitRefs.join(', ')],
    ['Case opened', input.case.createdAt],
    ['Case time zone', input.case.timeZone],
    ['Examiner', `${input.examiner.name}${input.examiner.email === undefined ? '' : ` <${input.examiner.email}>`}`],
    ['Organisation', input.organisation],
    ['Packaged on (UTC)', input.baggingDate],
    ['Tool', `${input.tool.name} ${input.tool.version}`],
    ['Selection', input.selection.description],
    ['Selection criteria', canonicalJson(input.selection.criteria)],
    ['Messages', `${prepared.selectedCount} selected, ${prepared.contextCount} shown as context, in ${prepared.conversations.length} conversation(s)`],
    ['Attachments', String(prepared.attachments.length)],
    ['Pseudonymised', pseudonymised ? 'yes: names and numbers are replaced by pseudonyms; the key is held separately by the examiner' : 'no'],
    ['Examiner signature', context.keyFingerprint === null ? 'none' : `Ed25519, public key SHA-256 fingerprint ${context.keyFingerprint}`],
  ] });

  blocks.push({ kind: 'heading', level: 2, text: 'Sources and their hashes' });
  blocks.push({ kind: 'paragraph', text: 'Each seized source was hashed (SHA-256) when it was taken into the case and again when this package was made. Equal hashes show the source did not change in between.' });
  for (const source of prepared.sources) {
    const verdict = source.sha256AtExport === null ? 'NOT RE-READ at export (the file was not available)'
      : source.sha256AtExport.toLowerCase() === source.sha256AtIntake.toLowerCase() ? 'match: unchanged since intake' : 'DIFFERENT: the source changed after intake';
    blocks.push({ kind: 'heading', level: 3, text: source.displayName });
    blocks.push({ kind: 'facts', rows: [
      ['Source id', source.id],
      ['Path at intake', source.path],
      ['Device (declared at import)', source.device ?? 'not declared'],
      ['Format', `${source.format}${source.formatVersion === null ? '' : ` ${source.formatVersion}`}`],
      ['Size', `${source.size} bytes`],
      ['SHA-256 at intake', source.sha256AtIntake.toLowerCase()],
      ['SHA-256 at export', source.sha256AtExport?.toLowerCase() ?? 'not available'],
      ['Intake vs export', verdict],
      ['Imported', `${source.importedAt}${source.finishedAt === null ? '' : ` to ${source.finishedAt}`}`],
      ['Parser', `${source.parser} ${source.parserVersion}`],
      ['Time zone applied', `${source.timeZone} (${timeZoneOrigin(source.timeZoneOrigin)})`],
      // messageCount holds both (SourceRecord): the report counted an unparsed record as a message too.
      ['Records', `${source.messageCount}: ${messagesOf(source)} messages, ${source.unparsedCount} kept unparsed`],
    ] });
  }

  const changed = prepared.sources.filter((source) => source.sha256AtExport !== null && source.sha256AtExport.toLowerCase() !== source.sha256AtIntake.toLowerCase());
  if (changed.length > 0) {
    blocks.push({ kind: 'paragraph', tone: 'warning', text: `Warning: ${changed.map((source) => source.displayName).join(', ')} changed after intake (the SHA-256 at export differs). The messages in this package were read from the bytes hashed at intake.` });
  }

  blocks.push({ kind: 'heading', level: 2, text: 'Method and tools' });
  blocks.push({ kind: 'list', items: [
    `Sources were opened read-only and never modified; ${input.tool.name} ${input.tool.version} read them with the parsers named above.`,
    'Each message keeps a locator: the file and line, row or element of the source it was read from, so it can be found again in the seized export.',
    'Times are shown in UTC. Where a source gives device wall-clock times without a zone, they were converted with the time zone stated for that source.',
    'Indicators are produced by rule packs (named and versioned on each indicator) and only point an analyst to a message; they are not findings. Analyst decisions and notes are shown as recorded, with author and time.',
    'The package is a BagIt 1.0 bag (RFC 8493). Every file is listed with its SHA-256 in manifest-sha256.txt or tagmanifest-sha256.txt.',
    'messages.jsonl is the verbatim record; messages.csv is a convenience copy (UTF-8 with BOM; a cell that a spreadsheet would run as a formula starts with an added apostrophe).',
    `markers.jsonl holds one record per indicator; one with origin "ocr" was found in the text read by OCR from the message's images, and its spans index that text, given as ocrText (package format ${PACKAGE_FORMAT}, named in bag-info.txt as ${PACKAGE_FORMAT_LABEL}).`,
    ...context.fonts.map((font) => `Report font: ${font.name} (SHA-256 ${font.sha256}).`),
  ] });

  blocks.push({ kind: 'heading', level: 2, text: 'Limitations' });
  blocks.push({ kind: 'list', items: limitations(prepared) });

  blocks.push({ kind: 'heading', level: 2, text: 'Conversations' });
  blocks.push({ kind: 'paragraph', text: 'Selected messages are marked "selected"; the others are shown only as context around them.', tone: 'muted' });
  for (const conversation of prepared.conversations) {
    blocks.push({ kind: 'heading', level: 3, text: conversation.title });
    blocks.push({ kind: 'paragraph', text: `Participants: ${conversation.participants.join(', ')}`, tone: 'muted' });
    for (const message of conversation.messages) blocks.push({ kind: 'message', message: reportMessage(prepared, message) });
  }

  if (prepared.attachments.length > 0) {
    blocks.push({ kind: 'heading', level: 2, text: 'Attachments' });
    for (const attachment of prepared.attachments) {
      blocks.push({ kind: 'facts', rows: [
        ['File', attachment.fileName], ['In the package', attachment.path], ['SHA-256', attachment.sha256], ['Type', attachment.mediaType],
        ...(attachment.ocrText === null ? [] : [['Text read by OCR (machine-made, may contain errors)', attachment.ocrText] as [string, string]]),
      ] });
    }
  }

  blocks.push({ kind: 'heading', level: 2, text: 'Chain of custody' });
  blocks.push({ kind: 'paragraph', text: `data/custody/audit.jsonl is the case audit log copied byte for byte (${input.custodyLog.length} entries). Each entry holds the SHA-256 of the line before it, so an edited, removed or inserted entry breaks the chain. data/custody/export-entry.json records this export and links to the last entry (${prepared.custodyHead}).` });

  blocks.push({ kind: 'heading', level: 2, text: 'How to verify this package' });
  blocks.push({ kind: 'paragraph', text: 'With standard tools, in the folder of the package (the one holding bagit.txt):' });
  blocks.push({ kind: 'code', lines: ['sha256sum -c manifest-sha256.txt', 'sha256sum -c tagmanifest-sha256.txt'] });
  blocks.push({ kind: 'paragraph', text: 'Every line must end in "OK". Any BagIt validator (for example the Library of Congress bagit-python: bagit.py --validate <folder>) also checks completeness and the Payload-Oxum. A file added to data/ that is not in the manifest is reported by a BagIt validator, and by the command below.' });
  blocks.push({ kind: 'code', lines: ['threadline verify <folder>'] });
  if (context.keyFingerprint !== null) {
    blocks.push({ kind: 'paragraph', text: `The examiner signed tagmanifest-sha256.txt with Ed25519. Check that the public key fingerprint is ${context.keyFingerprint} (the first command prints it), then check the signature (OpenSSL 3):` });
    blocks.push({ kind: 'code', lines: [
      `openssl pkey -pubin -in ${PUBLIC_KEY_PATH} -outform DER | sha256sum`,
      `openssl pkeyutl -verify -pubin -inkey ${PUBLIC_KEY_PATH} -rawin -in tagmanifest-sha256.txt -sigfile ${SIGNATURE_PATH}`,
    ] });
  }
  return { title: `Evidence package: ${input.case.name} (${input.case.reference})`, blocks };
}

function timeZoneOrigin(origin: string): string {
  return origin === 'flag' ? 'given by the examiner at import' : origin === 'case-setting' ? 'the case setting' : 'default: no zone was given';
}

function limitations(prepared: PreparedPackage): string[] {
  const items: string[] = [];
  for (const source of prepared.sources) {
    items.push(`${source.displayName}: device times were read as ${source.timeZone} (${timeZoneOrigin(source.timeZoneOrigin)}). If the device clock was set to another zone or was wrong, the UTC times shift accordingly.`);
    if (source.unparsedCount > 0) items.push(`${source.displayName}: ${source.unparsedCount} record(s) could not be parsed; they are kept raw in the case and are not part of this selection unless listed.`);
  }
  const issues = prepared.input.importIssues ?? [];
  if (issues.length > 0) {
    items.push(`${issues.length} import issue(s) were recorded${issues.length > MAX_LISTED_ISSUES ? `; the first ${MAX_LISTED_ISSUES} follow` : ''}:`);
    for (const issue of issues.slice(0, MAX_LISTED_ISSUES)) items.push(`${issue.place}: ${issue.reason}`);
  }
  const missing = prepared.conversations.flatMap((c) => c.messages).flatMap((m) => m.attachments).filter((a) => a.kind === 'omitted' || a.status === 'missing' || a.sha256 === null);
  if (missing.length > 0) items.push(`${missing.length} attachment(s) named by the messages were not in the export (omitted or missing) and are not in this package.`);
  const noLongerFoundCount = prepared.input.reviews.filter((review) => review.indicatorNoLongerFoundBy !== undefined).length;
  if (noLongerFoundCount > 0) {
    items.push(`${noLongerFoundCount} decision(s) concern indicators the marker packs no longer find in their message (the case's indicators were looked for again after the decision); they are the analysts' records and are listed with their message, marked with the tagger and pack that no longer find the indicator.`);
  }
  items.push('Only the selected messages and their context are in this package; the rest of the case was not exported. Deleted messages appear only where the source itself still held them.');
  if ((prepared.input.pseudonyms ?? []).length > 0) items.push('Names and numbers are pseudonymised in the text; attachment bytes and the custody log are unchanged and may still show them.');
  return items;
}

/** Beside a decision on an indicator the marker packs no longer find: which tagger and pack no longer find it. */
function noLongerFound(review: PackageReview): string {
  return review.indicatorNoLongerFoundBy === undefined ? '' : ` (indicator no longer found by ${review.indicatorNoLongerFoundBy})`;
}

function reportMessage(prepared: PreparedPackage, message: PackageMessage): ReportMessage {
  const markers = prepared.markersByMessage.get(message.id) ?? [];
  // What the source says changes how the message reads (forwarded, sent to disappear…) is flagged as in the app (source-facts.ts).
  const flags = [message.deleted ? 'deleted' : '', message.edited ? 'edited' : '', message.kind === 'message' ? '' : message.kind, ...notableFacts(message.extra)].filter((flag) => flag !== '');
  return {
    sender: senderLabel(message, prepared.sourcesById.get(message.sourceId)?.displayName),
    time: message.timestamp === null ? `time not placed (source wrote "${message.timestampText}")` : `${message.timestamp.replace('T', ' ').replace(/\.000Z$|Z$/, '')} UTC`,
    selected: message.selected,
    text: message.text,
    flags,
    indicators: markers.map((marker) => ({
      title: `Indicator ${marker.markerId} (rule ${marker.ruleId}, pack ${marker.packVersion}, score ${marker.score})${marker.origin === 'ocr' ? ' in the text read by OCR from its images' : ''}${marker.spans.length === 0 ? '' : `: "${marker.spans.map(([start, end]) => (marker.origin === 'ocr' ? (marker.ocrText ?? '') : message.text).slice(start, end)).join(' … ')}"`}`,
      explanation: marker.explanation,
    })),
    notes: (prepared.reviewsByMessage.get(message.id) ?? []).map((review) => `${review.by}, ${review.at}: ${review.decision}${review.markerId === undefined ? '' : ` indicator ${review.markerId}`}${noLongerFound(review)}${review.note === undefined ? '' : ` — ${review.note}`}`),
    attachments: message.attachments.map((attachment) => {
      const entry = attachment.sha256 === null ? undefined : prepared.attachmentBySha.get(attachment.sha256);
      return `${attachment.fileName ?? attachment.mediaType}: ${entry === undefined ? `not in the package (${attachment.status})` : entry.path}`;
    }),
    place: `${message.sourceId}: ${describeLocatorInFull(message.locator)}`,
  };
}
