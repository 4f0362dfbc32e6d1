import type { AuditEntry } from '../case/audit-log.ts';
import { verifyAuditLines } from '../case/audit-log.ts';
import { canonicalJson } from './canonical-json.ts';
import { sha256Text } from './hashing.ts';
import type { PreparedPackage } from './prepare.ts';
import { GENESIS_HASH } from './prepare.ts';

export const CUSTODY_LOG_PATH = 'data/custody/audit.jsonl';
export const EXPORT_ENTRY_PATH = 'data/custody/export-entry.json';

/** The case log lines byte for byte, one per line, as audit.jsonl stores them. */
export function custodyLogText(lines: readonly string[]): string {
  return lines.map((line) => `${line}\n`).join('');
}

/**
 * This export as the next entry of the custody chain: it links to the hash of the last case log
 * line, so the package proves which state of the log it was made from. The glue appends an entry
 * with the same action and details to the case's own log.
 */
export function exportEntry(prepared: PreparedPackage, payloadOxum: string): AuditEntry {
  const { input } = prepared;
  return {
    // The writer refuses a broken chain, so entry n is on line n and this export is the next.
    seq: input.custodyLog.length + 1,
    at: input.baggingDate,
    actor: input.examiner.name,
    action: 'package.export',
    details: {
      caseReference: input.case.reference,
      exhibitRefs: input.exhibitRefs,
      selection: input.selection,
      messagesSelected: prepared.selectedCount,
      messagesContext: prepared.contextCount,
      attachments: prepared.attachments.length,
      originals: prepared.originals.length,
      payloadOxum,
      pseudonymised: (input.pseudonyms ?? []).length > 0,
      tool: `${input.tool.name} ${input.tool.version}`,
    },
    prev: prepared.custodyHead,
  };
}

export function exportEntryText(entry: AuditEntry): string {
  return `${canonicalJson(entry, 2)}\n`;
}

export interface CustodyProblem {
  file: string;
  problem: string;
}

/** Checks the chain of the packaged log and that the export entry continues it. */
export function checkCustody(logText: string | null, entryText: string | null): { problems: CustodyProblem[]; entries: number } {
  const problems: CustodyProblem[] = [];
  if (logText === null) return { problems, entries: 0 };
  const lines = logText.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  else problems.push({ file: CUSTODY_LOG_PATH, problem: 'the last line is not terminated (truncated log)' });
  const verdict = verifyAuditLines(lines);
  if (!verdict.ok) {
    const broken = !verdict.torn && verdict.reason.includes('link');
    const problem = broken && verdict.line > 1
      ? `line ${verdict.line}: the entry does not link to line ${verdict.line - 1}: entry ${verdict.line - 1} was edited, or an entry was removed or inserted`
      : `line ${verdict.line}: ${verdict.reason}`;
    problems.push({ file: CUSTODY_LOG_PATH, problem });
  }
  if (entryText === null) return { problems, entries: lines.length };
  const last = lines[lines.length - 1];
  const head = last === undefined ? GENESIS_HASH : sha256Text(last);
  try {
    const entry = JSON.parse(entryText) as Partial<AuditEntry>;
    if (entry.prev !== head) {
      problems.push({ file: EXPORT_ENTRY_PATH, problem: `links to ${String(entry.prev)}, but the last line (${lines.length}) of ${CUSTODY_LOG_PATH} hashes to ${head}: the log's last entry was edited or entries were added or removed` });
      problems.push({ file: CUSTODY_LOG_PATH, problem: `line ${lines.length}: does not match the export entry's link` });
    } else if (entry.seq !== lines.length + 1) {
      problems.push({ file: EXPORT_ENTRY_PATH, problem: `has sequence ${String(entry.seq)}, expected ${lines.length + 1}` });
    }
  } catch {
    problems.push({ file: EXPORT_ENTRY_PATH, problem: 'is not valid JSON' });
  }
  return { problems, entries: lines.length };
}
