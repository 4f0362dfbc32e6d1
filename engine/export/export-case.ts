import { createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Pseudonym, WritePackageResult } from '../../shared/contracts/evidence-package.ts';
import { AppError } from '../../shared/errors.ts';
import type { CaseSession } from '../case/case-session.ts';
import { EXPORT_ENTRY_PATH } from '../package/custody.ts';
import { writeEvidencePackage } from '../package/write-package.ts';
import type { TaskHandle } from '../tasks/task-manager.ts';
import { gatherPackageInput } from './gather-package-input.ts';
import { describeSelection, parseSelection, selectMessages } from './select-messages.ts';
import { formatCount } from '../../shared/text/count-text.ts';

export interface ExportOptions {
  outDir: string;
  select: string;
  context: number;
  includeOriginals: boolean;
  caseReference?: string;
  exhibitRefs?: string[];
  examiner: string;
  organisation?: string;
  /** PEM file of the examiner's Ed25519 private key. */
  signKeyFile?: string;
  /** File of "original<TAB>pseudonym" lines (or CSV), and where the mapping is written (outside the bag). */
  pseudonymsFile?: string;
  pseudonymMapFile?: string;
}

export interface ExportSummary extends WritePackageResult {
  bag: string;
  /** Messages the selection picked. */
  messages: number;
  /** Messages around them packaged as context. */
  contextMessages: number;
  skippedAttachments: string[];
}

/** Selects, gathers, writes a court package and records the export in the case's custody log. */
export async function exportCase(session: CaseSession, options: ExportOptions, task: TaskHandle, reviewed: (kind: 'reviewed' | 'confirmed' | 'bookmarked') => Promise<number[]>): Promise<ExportSummary> {
  const selection = parseSelection(options.select);
  task.progress('selecting messages', 0, null);
  const rowids = await selectMessages(session, selection, reviewed);
  if (rowids.length === 0) throw new AppError('E_USAGE', `Nothing to export: no message matches --select ${options.select}`);
  task.progress('gathering messages and sources', 0, null);
  const { input, skippedAttachments } = await gatherPackageInput(session, {
    rowids,
    context: options.context,
    selectionDescription: describeSelection(selection),
    selectionCriteria: options.select,
    caseReference: options.caseReference ?? session.path.split(/[/\\]/u).pop() ?? 'case',
    exhibitRefs: options.exhibitRefs ?? [],
    examiner: options.examiner,
    organisation: options.organisation ?? process.env['THREADLINE_ORGANISATION'] ?? 'not stated',
    includeOriginals: options.includeOriginals,
    baggingDate: new Date().toISOString(),
  });
  if (options.signKeyFile !== undefined) input.signingKey = readSigningKey(options.signKeyFile);
  if (options.pseudonymsFile !== undefined) {
    if (options.pseudonymMapFile === undefined) throw new AppError('E_USAGE', 'Pseudonymisation needs --pseudonym-map <file> outside the package for the key');
    input.pseudonyms = readPseudonyms(options.pseudonymsFile);
  }
  const bag = resolve(options.outDir);
  const result = await writeEvidencePackage(input, bag, {
    signal: task.signal,
    onProgress: (progress) => task.progress(`writing the package: ${progress.stage}`, progress.done, progress.total),
    ...(options.pseudonymMapFile === undefined ? {} : { pseudonymMapPath: resolve(options.pseudonymMapFile) }),
  });
  const entry = JSON.parse(readFileSync(join(bag, EXPORT_ENTRY_PATH), 'utf8')) as { details: Record<string, unknown> };
  session.audit.append(options.examiner, 'package.export', { ...entry.details, bag, files: result.files.length, bytes: result.bytes });
  const contextMessages = input.conversations.reduce((sum, conversation) => sum + conversation.messages.filter((message) => !message.selected).length, 0);
  return { ...result, bag, messages: rowids.length, contextMessages, skippedAttachments };
}


/**
 * The export task's summary in the app. It said "1 messages" of a package holding seven: the
 * context around the selected message was not counted.
 */
export function describeExport(summary: ExportSummary): string {
  return `${formatCount(summary.messages, 'selected message')} and ${formatCount(summary.contextMessages, 'message')} of context, ${formatCount(summary.files.length, 'file')}, ${formatCount(summary.bytes, 'byte')} in ${summary.bag}`;
}

function readSigningKey(file: string): ReturnType<typeof createPrivateKey> {
  try {
    const key = createPrivateKey(readFileSync(file));
    if (key.asymmetricKeyType !== 'ed25519') throw new Error(`an ${key.asymmetricKeyType ?? 'unknown'} key, not Ed25519`);
    return key;
  } catch (error) {
    throw new AppError('E_USAGE', `Cannot use ${file} as the examiner's signing key: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function readPseudonyms(file: string): Pseudonym[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new AppError('E_USAGE', `Cannot read the pseudonym list ${file}: ${String(error)}`);
  }
  return text
    .split(/\r?\n/u)
    .map((line, index) => ({ line: line.trim(), number: index + 1 }))
    .filter(({ line }) => line !== '' && !line.startsWith('#'))
    .map(({ line, number }) => {
      const [original, pseudonym] = line.includes('\t') ? line.split('\t') : line.split(',');
      if (original === undefined || pseudonym === undefined || original.trim() === '' || pseudonym.trim() === '') throw new AppError('E_USAGE', `${file}:${number}: expected "original<TAB>pseudonym"`);
      return { original: original.trim(), pseudonym: pseudonym.trim() };
    });
}
