import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_LOG_FILE, AuditLog, verifyAuditLines } from '../../../engine/case/audit-log.ts';

function freshCase(): string {
  return mkdtempSync(join(tmpdir(), 'threadline-audit-'));
}

describe('AuditLog', () => {
  it('chains each entry to the previous one and continues after reopening', () => {
    const folder = freshCase();
    new AuditLog(folder).append('ana', 'case.opened', {});
    new AuditLog(folder).append('ana', 'source.import.started', { sourceId: 's1' });
    const lines = readFileSync(join(folder, AUDIT_LOG_FILE), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[1] ?? '{}')).toMatchObject({ seq: 2, actor: 'ana', action: 'source.import.started' });
    expect(verifyAuditLines(lines)).toEqual({ ok: true });
  });

  it('detects an edited entry', () => {
    const folder = freshCase();
    const log = new AuditLog(folder);
    log.append('ana', 'a', { n: 1 });
    log.append('ana', 'b', { n: 2 });
    log.append('ana', 'c', { n: 3 });
    const file = join(folder, AUDIT_LOG_FILE);
    writeFileSync(file, readFileSync(file, 'utf8').replace('"n":1', '"n":9'));
    const verdict = verifyAuditLines(readFileSync(file, 'utf8').trim().split('\n'));
    expect(verdict).toMatchObject({ ok: false, line: 2 });
    expect(() => new AuditLog(folder)).toThrow(/audit\.jsonl:2/);
  });

  it('tolerates a torn last line from a crash during append', () => {
    const folder = freshCase();
    new AuditLog(folder).append('ana', 'a', {});
    appendFileSync(join(folder, AUDIT_LOG_FILE), '{"seq":2,"at":"2026');
    const log = new AuditLog(folder);
    expect(log.append('ana', 'b', {}).seq).toBe(2);
  });
});
