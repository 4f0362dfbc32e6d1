import type { ImportIssue, SourceRecord } from '../domain/source.ts';
import type { Message } from '../domain/message.ts';
import type { MediaType } from './parsed-source.ts';

/**
 * What the court evidence packager (engine/package/) needs, as plain data. The export glue
 * gathers it from the case (selection, context, markers, reviews, custody log); the packager
 * never touches the database, so the same input always gives the same bag.
 */

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface PackageCase {
  name: string;
  /** The case reference the court knows (BagIt External-Identifier). */
  reference: string;
  createdAt: string;
  /** The case's default IANA zone (sources record the zone actually applied to them). */
  timeZone: string;
}

export interface PackageExaminer {
  name: string;
  email?: string;
}

/** A source as the case holds it, with its hash taken again by the glue at export time. */
export type PackageSource = Pick<
  SourceRecord,
  | 'id' | 'path' | 'displayName' | 'format' | 'formatVersion' | 'parser' | 'parserVersion' | 'size'
  | 'importedAt' | 'finishedAt' | 'messageCount' | 'unparsedCount' | 'timeZone' | 'timeZoneOrigin' | 'device' | 'details'
> & {
  sha256AtIntake: string;
  /** null when the seized file could not be read again at export time. */
  sha256AtExport: string | null;
};

export interface PackageMessage extends Message {
  /** true: chosen by the selection; false: shown only as context around a selected message. */
  selected: boolean;
}

export interface PackageConversation {
  id: string;
  title: string;
  participants: string[];
  /** Messages in conversation order (seq). */
  messages: PackageMessage[];
}

export interface PackageMarker {
  messageId: string;
  markerId: string;
  ruleId: string;
  /** UTF-16 offsets into the message text, end exclusive; into `ocrText` when origin is 'ocr'. */
  spans: [number, number][];
  score: number;
  packVersion: string;
  /** Why the rule fired, in words a judge can read. */
  explanation: string;
  /** 'ocr': found in the text read by OCR from the message's images, not in the message text. */
  origin?: 'ocr';
  /**
   * With origin 'ocr': the text the rule read, the words OCR read from the message's images
   * that are searched and tagged, joined by blank lines in attachment order (each image's whole
   * OCR text is in attachments.jsonl).
   */
  ocrText?: string;
}

export type ReviewDecisionKind = 'confirm' | 'dismiss' | 'note' | 'bookmark';

export interface PackageReview {
  messageId: string;
  markerId?: string;
  decision: ReviewDecisionKind;
  note?: string;
  by: string;
  at: string;
  /**
   * On a confirm or dismiss whose indicator the marker packs no longer find in the message (it is
   * not among the package's markers): the tagger and pack that no longer find it. The analyst's
   * decision is a record and is exported all the same.
   */
  indicatorNoLongerFoundBy?: string;
}

/** A file whose bytes go into the bag; the packager re-hashes while copying and refuses a mismatch. */
export interface PackageFile {
  sha256: string;
  fileName: string;
  /** Absolute path of the bytes on disk (read as a stream, never whole). */
  readFile(): string | Promise<string>;
}

export interface PackageAttachment extends PackageFile {
  messageId: string;
  mediaType: MediaType;
  ocrText?: string;
}

export interface PackageOriginal extends PackageFile {
  sourceId: string;
}

export interface Pseudonym {
  original: string;
  pseudonym: string;
}

/** A node:crypto KeyObject, described structurally because shared/ cannot name Node types. */
export interface OpaqueKeyObject {
  readonly type: string;
}

export interface EvidencePackageInput {
  case: PackageCase;
  /** Exhibit references (BagIt Internal-Sender-Identifier, one line each). */
  exhibitRefs: string[];
  examiner: PackageExaminer;
  organisation: string;
  /** ISO 8601 instant of the export; the only clock the packager reads (determinism). */
  baggingDate: string;
  tool: { name: string; version: string };
  sources: PackageSource[];
  selection: { description: string; criteria: JsonValue };
  conversations: PackageConversation[];
  markers: PackageMarker[];
  reviews: PackageReview[];
  attachments: PackageAttachment[];
  /** The original seized files, for --include-originals. */
  originals?: PackageOriginal[];
  /** The case audit.jsonl lines exactly as stored (no trailing newline on each). */
  custodyLog: string[];
  /** Import issues (unparsed records, missing media...) the report lists as limitations. */
  importIssues?: ImportIssue[];
  pseudonyms?: Pseudonym[];
  /** Ed25519 private key (KeyObject or PEM) of the examiner; signs tagmanifest-sha256.txt. */
  signingKey?: OpaqueKeyObject | string;
}

export interface PackageProgress {
  stage: 'payload' | 'attachments' | 'report' | 'manifests';
  done: number;
  total: number;
}

export interface WritePackageOptions {
  onProgress?: (progress: PackageProgress) => void;
  signal?: AbortSignal;
  /** Where to write the pseudonym mapping (must be outside the bag); required with pseudonyms. */
  pseudonymMapPath?: string;
}

export interface WritePackageResult {
  /** Every file of the bag, relative, forward slashes, sorted. */
  files: string[];
  /** BagIt Payload-Oxum: "octets.streamcount". */
  payloadOxum: string;
  /** Total bytes of the bag (payload and tag files). */
  bytes: number;
}

export interface PackageFailure {
  /** Path relative to the bag, forward slashes. */
  file: string;
  problem: string;
}

export interface VerifyPackageResult {
  ok: boolean;
  failures: PackageFailure[];
  checked: {
    payloadFiles: number;
    payloadBytes: number;
    tagFiles: number;
    custodyEntries: number;
    signature: 'valid' | 'invalid' | 'absent';
    /** The package format bag-info.txt declares (1 when it has no label: engine/package/package-format.ts); null when unread. */
    format: number | null;
  };
}
