import { z } from 'zod';
import type { VerifyPackageResult } from '../contracts/evidence-package.ts';
import type { CaseInfo } from '../domain/case.ts';
import { MAX_CASE_LANGUAGES } from '../domain/case.ts';
import type { ImageContent, ImageItem, MessageImage } from '../domain/image.ts';
import type { ConversationReviewFigures, ConversationRisk, CoverageReport, MessageIndicatorsOf, ReviewDecision, ReviewQueuePage, SharedIdentifier } from '../domain/marker.ts';
import type { ConversationSourceFacts, ConversationSummary, MessageLocation, MessagePage } from '../domain/message.ts';
import type { SearchResult } from '../domain/search.ts';
import type { ImportIssue } from '../domain/source.ts';
import type { TaskView } from '../domain/task.ts';

/**
 * The one contract between the UI and the engine. Electron IPC and the loopback HTTP transport
 * both implement it; each side derives its types from here and the host validates every request
 * with these schemas before it reaches the engine.
 */
const MAX_PATH_LENGTH = 4096;
const MAX_QUERY_LENGTH = 2000;
const MAX_PAGE = 2000;
/** A folder expands to many more sources than the paths given. */
const MAX_SOURCE_INDEX = 10_000_000;

const timeZone = z.string().min(1).max(64);
const path = z.string().min(1).max(MAX_PATH_LENGTH);
/** ISO 639-3 codes the messages of a case are expected in; the engine resolves aliases (rum → ron) and drops repeats. */
const caseLanguages = z.array(z.string().regex(/^[A-Za-z]{3}$/u)).max(MAX_CASE_LANGUAGES);

/** Which CSV columns hold what (workers/import/csv/mapping.ts checks the keys); the same for detect and import. */
const csvMapping = z.record(z.string().max(40), z.union([z.string().max(200), z.number(), z.boolean()]));

export const requestSchemas = {
  'app.info': z.object({}).strict(),
  'case.open': z
    .object({ path, create: z.boolean(), timeZone: timeZone.optional(), ocrLanguages: z.array(z.string().regex(/^[A-Za-z][A-Za-z0-9_]{1,31}$/u)).min(1).max(20).optional(), languages: caseLanguages.optional() })
    .strict(),
  /** Replaces the open case's language list (ISO 639-3; empty = any language); applies to later imports. */
  'case.setLanguages': z.object({ languages: caseLanguages }).strict(),
  'case.current': z.object({}).strict(),
  'case.close': z.object({}).strict(),
  'import.start': z
    .object({
      paths: z.array(path).min(1).max(10_000),
      timeZone: timeZone.optional(),
      csvMapping: csvMapping.optional(),
      /** Overrides the day/month order inferred per file (WhatsApp text exports). */
      dateOrder: z.enum(['dmy', 'mdy', 'ymd']).optional(),
      /** The seized device (exhibit) the files come from: conversations merge only within one (ADR 0014). */
      device: z.string().max(1000).optional(),
    })
    .strict(),
  /** `csvMapping`: the one the import would take, so a CSV table with the mapped columns shows as CSV. */
  'import.detect': z.object({ paths: z.array(path).min(1).max(10_000), csvMapping: csvMapping.optional() }).strict(),
  // `paths`: retry only these of the case's failed sources (one import's summary); none: every one.
  'import.retryFailed': z.object({ timeZone: timeZone.optional(), paths: z.array(z.string().min(1).max(4096)).max(100_000).optional() }).strict(),
  /** Skips one source of a running import (its index in the task's `sources`); the rest go on. */
  'import.cancelSource': z.object({ taskId: z.string().min(1).max(100), index: z.number().int().min(0).max(MAX_SOURCE_INDEX) }).strict(),
  'sources.issues': z.object({ sourceId: z.string().min(1).max(200) }).strict(),
  'export.start': z
    .object({
      outDir: path,
      select: z.string().min(1).max(MAX_QUERY_LENGTH),
      context: z.number().int().min(0).max(1000),
      includeOriginals: z.boolean(),
      caseReference: z.string().max(200).optional(),
      exhibitRefs: z.array(z.string().max(200)).max(1000).optional(),
      organisation: z.string().max(200).optional(),
      signKeyFile: path.optional(),
      pseudonymsFile: path.optional(),
      pseudonymMapFile: path.optional(),
    })
    .strict(),
  'package.verify': z.object({ bagDir: path }).strict(),
  'markers.risks': z.object({ limit: z.number().int().min(1).max(10_000) }).strict(),
  'markers.reviewFigures': z.object({ chatId: z.string().min(1).max(200) }).strict(),
  'markers.queue': z
    .object({ chatId: z.string().min(1).max(200), offset: z.number().int().min(0).optional(), limit: z.number().int().min(1).max(1_000), focus: z.string().min(1).max(300).optional() })
    .strict(),
  'markers.ofChat': z.object({ chatId: z.string().min(1).max(200) }).strict(),
  'markers.coverage': z.object({}).strict(),
  'markers.retag': z.object({}).strict(),
  'identifiers.shared': z.object({ limit: z.number().int().min(1).max(10_000) }).strict(),
  'review.decide': z
    .object({
      messageId: z.string().min(1).max(200),
      marker: z.string().min(1).max(100).optional(),
      decision: z.enum(['confirm', 'dismiss', 'note', 'bookmark', 'unbookmark']),
      note: z.string().max(20_000).optional(),
    })
    .strict(),
  'ocr.start': z.object({ langs: z.array(z.string().regex(/^[A-Za-z][A-Za-z0-9_]{1,31}$/u)).min(1).max(20).optional(), retryFailed: z.boolean().optional() }).strict(),
  'images.list': z.object({ chatId: z.string().min(1).max(200).nullable(), limit: z.number().int().min(1).max(MAX_PAGE), offset: z.number().int().min(0) }).strict(),
  'images.content': z.object({ attachmentId: z.number().int().min(1) }).strict(),
  /** The images of the messages of one page of a conversation (never a whole conversation), with the text OCR read from each. */
  'images.ofMessages': z.object({ messageIds: z.array(z.string().min(1).max(200)).min(1).max(MAX_PAGE) }).strict(),
  'tasks.list': z.object({}).strict(),
  'tasks.cancel': z.object({ taskId: z.string().min(1).max(100) }).strict(),
  'conversations.list': z.object({}).strict(),
  /** One conversation's source facts, asked for when its header is shown (the list says only how many sources kept some). */
  'conversations.facts': z.object({ chatId: z.string().min(1).max(200) }).strict(),
  'messages.range': z
    .object({ chatId: z.string().min(1).max(200), offset: z.number().int().min(0), limit: z.number().int().min(1).max(MAX_PAGE), order: z.enum(['source', 'time']).optional() })
    .strict(),
  'messages.locate': z.object({ messageId: z.string().min(1).max(200) }).strict(),
  'search.run': z
    .object({
      query: z.string().max(MAX_QUERY_LENGTH),
      limit: z.number().int().min(1).max(MAX_PAGE),
      offset: z.number().int().min(0),
      sort: z.enum(['relevance', 'newest', 'oldest']).optional(),
      facets: z.boolean().optional(),
    })
    .strict(),
} as const;

export type Channel = keyof typeof requestSchemas;
export const CHANNELS = Object.keys(requestSchemas) as Channel[];

export interface AppInfo {
  name: string;
  version: string;
  mode: 'electron' | 'browser' | 'cli';
  /** Loopback mode serves one engine; pickers for server-side paths need to know its cwd. */
  workingDirectory: string;
}

export interface ResponseTypes {
  'app.info': AppInfo;
  'case.open': CaseInfo;
  'case.setLanguages': CaseInfo;
  'case.current': CaseInfo | null;
  'case.close': null;
  'import.start': { taskId: string };
  /** `unlisted`: on the one row that stands for the files past the preview's limit, how many they are. */
  'import.detect': { path: string; size: number; format: string | null; reason: string; unlisted?: number }[];
  'import.retryFailed': { taskId: string | null; paths: string[] };
  'import.cancelSource': { cancelled: boolean };
  'sources.issues': ImportIssue[];
  'export.start': { taskId: string };
  'package.verify': VerifyPackageResult;
  'markers.risks': ConversationRisk[];
  'markers.reviewFigures': ConversationReviewFigures | null;
  'markers.queue': ReviewQueuePage;
  'markers.ofChat': MessageIndicatorsOf[];
  'markers.coverage': CoverageReport;
  'markers.retag': { taskId: string };
  'identifiers.shared': SharedIdentifier[];
  'review.decide': ReviewDecision;
  'ocr.start': { taskId: string };
  'images.list': { total: number; images: ImageItem[] };
  'images.content': ImageContent;
  'images.ofMessages': MessageImage[];
  'tasks.list': TaskView[];
  'tasks.cancel': { cancelled: boolean };
  'conversations.list': ConversationSummary[];
  'conversations.facts': ConversationSourceFacts[];
  'messages.range': MessagePage;
  'messages.locate': MessageLocation;
  'search.run': SearchResult;
}

export type RequestOf<C extends Channel> = z.infer<(typeof requestSchemas)[C]>;
export type ResponseOf<C extends Channel> = ResponseTypes[C];

/** Events pushed from the engine to the UI. */
export interface EventTypes {
  'task.update': TaskView;
  'case.changed': { reason: 'import' | 'open' | 'close' | 'settings' };
}
export type EventName = keyof EventTypes;

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && Object.hasOwn(requestSchemas, value);
}
