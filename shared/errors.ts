/**
 * Errors that cross a boundary carry a code from this closed list. Handle errors by code,
 * never by message text: messages are for people and may be reworded.
 */
export const ERROR_CODES = [
  'E_USAGE',
  'E_NOT_FOUND',
  'E_CASE_NOT_FOUND',
  'E_CASE_NEWER_VERSION',
  'E_CASE_CORRUPT',
  'E_CASE_LOCKED',
  'E_IMPORT_FORMAT',
  'E_IMPORT_EMPTY',
  'E_IMPORT_READ',
  'E_HASH_MISMATCH',
  'E_ALREADY_IMPORTED',
  'E_INDEX_CORRUPT',
  'E_QUERY_SYNTAX',
  'E_INVALID_REQUEST',
  'E_UNAUTHORISED',
  'E_CANCELLED',
  'E_WORKER_DIED',
  'E_INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/** An error the application expects and can explain to the user (bad input, cancelled, ...). */
export class AppError extends Error {
  readonly code: ErrorCode;
  /** true when the condition is a normal outcome (bad input, cancel), false when it is a fault. */
  readonly expected: boolean;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, options: { expected?: boolean; details?: Record<string, unknown>; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.expected = options.expected ?? true;
    this.details = options.details;
  }
}

/** A broken invariant inside our own code. Never shown as the user's fault. */
export class BugError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BugError';
  }
}

export function assertNever(value: never, what = 'value'): never {
  throw new BugError(`Unexpected ${what}: ${JSON.stringify(value)}`);
}

/** The plain-data shape of an error when it crosses a process or IPC boundary. */
export interface SerializedError {
  code: ErrorCode;
  message: string;
  expected: boolean;
  details?: Record<string, unknown>;
  stack?: string;
}

export function serializeError(error: unknown): SerializedError {
  if (error instanceof AppError) {
    return {
      code: error.code,
      message: error.message,
      expected: error.expected,
      ...(error.details === undefined ? {} : { details: error.details }),
      ...(error.stack === undefined ? {} : { stack: error.stack }),
    };
  }
  if (error instanceof Error) {
    return { code: 'E_INTERNAL', message: error.message, expected: false, ...(error.stack === undefined ? {} : { stack: error.stack }) };
  }
  return { code: 'E_INTERNAL', message: String(error), expected: false };
}

export function deserializeError(serialized: SerializedError): AppError {
  const error = new AppError(serialized.code, serialized.message, {
    expected: serialized.expected,
    ...(serialized.details === undefined ? {} : { details: serialized.details }),
  });
  if (serialized.stack !== undefined) error.stack = serialized.stack;
  return error;
}

export function isCancellation(error: unknown): boolean {
  return error instanceof AppError && error.code === 'E_CANCELLED';
}

/** The result envelope used at every boundary (IPC, loopback HTTP, worker replies). */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: SerializedError };
