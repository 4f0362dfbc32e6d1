import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { AppError } from '../../shared/errors.ts';

/**
 * One process at a time holds a case open (the app, the browser server or a CLI command): the
 * case's search index, review state and import recovery live in that process, and another
 * process writing beside it would go unseen by it. The holder is named in `<database>.owner`
 * (process id, host, time), written when the case opens and removed when it closes.
 *
 * An owner file whose process is gone (killed, crashed) is stale and is taken over; so is the
 * `<database>.lock` folder node-sqlite3-wasm leaves when a process dies inside a transaction
 * (SQLite would otherwise answer "busy" for ever). Only once the case is ours is that folder
 * known to be stale.
 */
interface OwnerRecord {
  pid: number;
  host: string;
  openedAt: string;
}

export class CaseOwnership {
  private constructor(private readonly file: string) {}

  /** Takes the case whose database is `databaseFile`, or throws E_CASE_LOCKED naming the holder. */
  static take(databaseFile: string): CaseOwnership {
    const file = `${databaseFile}.owner`;
    const claim = `${JSON.stringify({ pid: process.pid, host: hostname(), openedAt: new Date().toISOString() } satisfies OwnerRecord)}\n`;
    // Created exclusively when nobody holds the case, so two processes opening it at the same
    // moment cannot both believe they hold it; a claim already there is read and judged.
    if (!createExclusively(file, claim)) {
      const holder = readOwner(file);
      if (holder !== null && holder.pid !== process.pid && isLive(holder)) {
        throw new AppError(
          'E_CASE_LOCKED',
          `The case database ${databaseFile} is open in another Threadline process (process ${holder.pid} on ${holder.host}, since ${holder.openedAt}). Close it there first; if that process is gone, delete ${file}.`,
        );
      }
      writeFileSync(file, claim);
    }
    const lock = `${databaseFile}.lock`;
    if (existsSync(lock) && statSync(lock).isDirectory()) rmSync(lock, { recursive: true, force: true });
    return new CaseOwnership(file);
  }

  release(): void {
    const holder = readOwner(this.file);
    if (holder?.pid === process.pid && holder.host === hostname()) rmSync(this.file, { force: true });
  }
}

function createExclusively(file: string, content: string): boolean {
  try {
    writeFileSync(file, content, { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

function readOwner(file: string): OwnerRecord | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null; // none, or unreadable (a write cut short): nobody can be shown to hold the case
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const { pid, host, openedAt } = parsed as Record<string, unknown>;
  if (typeof pid !== 'number' || typeof host !== 'string' || typeof openedAt !== 'string') return null;
  return { pid, host, openedAt };
}

/**
 * Whether the holder may still be running. On this host the process table answers; a holder
 * on another host (a case folder on a shared drive) cannot be checked and is taken as live.
 */
function isLive(holder: OwnerRecord): boolean {
  if (holder.host !== hostname()) return true;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
