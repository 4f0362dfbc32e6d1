import { createHash } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../shared/errors.ts';

export const AUDIT_LOG_FILE = 'audit.jsonl';
const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  details: Record<string, unknown>;
  /** SHA-256 of the previous entry's line; the first entry links to 64 zeros. */
  prev: string;
}

/**
 * The case's append-only audit (custody) log: one JSON object per line, each holding the hash
 * of the line before, so a removed or edited entry breaks the chain. Appends are fsynced.
 */
export class AuditLog {
  private lastHash = GENESIS_HASH;
  private nextSeq = 1;
  private readonly file: string;

  constructor(casePath: string) {
    this.file = join(casePath, AUDIT_LOG_FILE);
    if (existsSync(this.file)) {
      const lines = readFileSync(this.file, 'utf8').split('\n').filter((line) => line !== '');
      const verdict = verifyAuditLines(lines);
      // A torn last line (crash during append) is tolerated: the entry never completed.
      if (!verdict.ok && !(verdict.line === lines.length && verdict.torn)) {
        throw new AppError('E_CASE_CORRUPT', `${this.file}:${verdict.line}: ${verdict.reason}`);
      }
      const intact = verdict.ok ? lines : lines.slice(0, -1);
      const last = intact[intact.length - 1];
      if (last !== undefined) {
        this.lastHash = sha256(last);
        this.nextSeq = (JSON.parse(last) as AuditEntry).seq + 1;
      }
    }
  }

  append(actor: string, action: string, details: Record<string, unknown>): AuditEntry {
    const entry: AuditEntry = { seq: this.nextSeq, at: new Date().toISOString(), actor, action, details, prev: this.lastHash };
    const line = JSON.stringify(entry);
    const fd = openSync(this.file, 'a', 0o600);
    try {
      writeSync(fd, `${line}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    this.lastHash = sha256(line);
    this.nextSeq++;
    return entry;
  }

  entries(): AuditEntry[] {
    if (!existsSync(this.file)) return [];
    return readFileSync(this.file, 'utf8').split('\n').filter((line) => line !== '').map((line) => JSON.parse(line) as AuditEntry);
  }
}

export type AuditVerdict = { ok: true } | { ok: false; line: number; reason: string; torn: boolean };

export function verifyAuditLines(lines: string[]): AuditVerdict {
  let previous = GENESIS_HASH;
  for (const [index, line] of lines.entries()) {
    let entry: AuditEntry;
    try {
      entry = JSON.parse(line) as AuditEntry;
    } catch {
      return { ok: false, line: index + 1, reason: 'entry is not valid JSON', torn: true };
    }
    if (entry.prev !== previous) return { ok: false, line: index + 1, reason: 'entry does not link to the one before it (edited or removed entry)', torn: false };
    if (entry.seq !== index + 1) return { ok: false, line: index + 1, reason: `entry has sequence ${entry.seq}, expected ${index + 1}`, torn: false };
    previous = sha256(line);
  }
  return { ok: true };
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
