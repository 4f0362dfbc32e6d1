import { userInfo } from 'node:os';

/** The examiner named in the audit log: THREADLINE_EXAMINER, else the OS account. */
export function actorName(): string {
  const configured = process.env['THREADLINE_EXAMINER'];
  if (configured !== undefined && configured.trim() !== '') return configured.trim();
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}
