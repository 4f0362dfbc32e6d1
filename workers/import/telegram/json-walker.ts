/**
 * Turns a JSON token stream into the few values an importer wants, with bounded memory.
 *
 * A plan says, for each value by its path, whether to walk into it ('descend'), build it whole
 * ('assemble': one message object) or let it pass ('skip': contacts, sessions...). Assembled
 * values are capped in depth, string length and total size; a value that hits a cap is still
 * delivered, marked with the problem, so the importer can keep it as an 'unparsed' record
 * instead of dropping it. Skipped values cost nothing but a nesting counter.
 */

import type { JsonToken } from './json-tokens.ts';

export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}
export type JsonPath = readonly (string | number)[];
export type PlanDecision = 'descend' | 'assemble' | 'skip';

export interface WalkedValue {
  path: JsonPath;
  value: JsonValue;
  /** Why the value is incomplete (a cap was hit, or the file broke off inside it). */
  problem?: string;
  /**
   * Values a repeated key overwrote inside the value, in file order (the value itself keeps the
   * last, as JSON readers do). Telegram Desktop writes "text" twice for send_webview_data.
   */
  duplicates?: DuplicateKey[];
}

export interface DuplicateKey {
  key: string;
  value: JsonValue;
}

/**
 * Nesting a whole document may reach; deeper input is refused (hostile or broken) and reading
 * stops there. Only the tokenizer's stack of open containers grows with it (a few bytes a level:
 * 64K levels are under 1 MB); a value skipped or cut at MAX_VALUE_DEPTH costs a counter. It was
 * 512, so one value 600 levels deep (a message's text, a participant's name) stopped the source.
 */
export const MAX_DOCUMENT_DEPTH = 65_536;
/** Nesting kept inside one assembled value. */
export const MAX_VALUE_DEPTH = 48;
/** Characters kept from one string inside an assembled value. */
export const MAX_STRING_CHARS = 1024 * 1024;
/** Characters kept from one assembled value in total. */
export const MAX_VALUE_CHARS = 8 * 1024 * 1024;
const MAX_KEY_CHARS = 4096;
const MAX_NUMBER_CHARS = 64;

export class JsonDepthError extends Error {
  constructor() {
    super(`the JSON is nested deeper than ${MAX_DOCUMENT_DEPTH} levels`);
    this.name = 'JsonDepthError';
  }
}

interface Frame {
  kind: 'object' | 'array';
  mode: 'descend' | 'assemble';
  path: (string | number)[];
  container: JsonValue[] | JsonObject | null;
  nextIndex: number;
  key: string | null;
}

interface Assembly {
  path: (string | number)[];
  root: JsonValue | undefined;
  chars: number;
  problem: string | null;
  duplicates: DuplicateKey[];
  /** Depth of the assembled root in the frame stack. */
  baseDepth: number;
}

type Scalar = 'string' | 'number' | 'key';

export class JsonWalker {
  private readonly frames: Frame[] = [];
  private assembly: Assembly | null = null;
  /** Nesting inside a skipped (or over-deep) value, counted instead of stacked. */
  private skipDepth = 0;
  /** Scalar being streamed: its kind, pieces and whether it is kept. */
  private scalar: { kind: Scalar; parts: string[]; length: number; keep: boolean; truncated: boolean } | null = null;
  private readonly ready: WalkedValue[] = [];
  private rootSeen = false;

  constructor(private readonly plan: (path: JsonPath) => PlanDecision) {}

  /** Values completed since the last call. */
  take(): WalkedValue[] {
    return this.ready.splice(0, this.ready.length);
  }

  /** The value being assembled when the input broke off, if any, marked with `problem`. */
  abandon(problem: string): WalkedValue | null {
    const assembly = this.assembly;
    if (assembly === null || assembly.root === undefined) return null;
    this.assembly = null;
    const walked: WalkedValue = { path: assembly.path, value: assembly.root, problem: assembly.problem ?? problem };
    if (assembly.duplicates.length > 0) walked.duplicates = assembly.duplicates;
    return walked;
  }

  /** True once the top-level value has started. */
  get started(): boolean {
    return this.rootSeen;
  }

  /** The kind of the top-level value ('object', 'array', or a scalar kind). */
  rootKind: string | null = null;

  push(token: JsonToken): void {
    if (this.skipDepth > 0) {
      this.skipToken(token);
      return;
    }
    switch (token.name) {
      case 'startObject':
      case 'startArray':
        this.openContainer(token.name === 'startObject' ? 'object' : 'array');
        return;
      case 'endObject':
      case 'endArray':
        this.closeContainer();
        return;
      case 'startKey':
        this.scalar = { kind: 'key', parts: [], length: 0, keep: true, truncated: false };
        return;
      case 'startString':
      case 'startNumber':
        this.startScalar(token.name === 'startString' ? 'string' : 'number');
        return;
      case 'stringChunk':
      case 'numberChunk':
        this.scalarChunk(token.value);
        return;
      case 'endKey':
      case 'endString':
      case 'endNumber':
        this.endScalar();
        return;
      case 'nullValue':
      case 'trueValue':
      case 'falseValue': {
        if (this.decide('literal') === 'skip') this.advanceParent();
        else this.place(token.value);
        return;
      }
      default:
        // Packed duplicates and whitespace are not produced with packValues: false; ignore them.
        return;
    }
  }

  private get depth(): number {
    return this.frames.length + this.skipDepth;
  }

  private currentPath(): (string | number)[] {
    const parent = this.frames[this.frames.length - 1];
    if (parent === undefined) return [];
    return [...parent.path, parent.kind === 'array' ? parent.nextIndex : (parent.key ?? '')];
  }

  /** What to do with a value starting now: skip it, keep it in the assembly, or emit it alone. */
  private decide(kind: string): PlanDecision {
    if (!this.rootSeen) {
      this.rootSeen = true;
      this.rootKind = kind;
    }
    const parent = this.frames[this.frames.length - 1];
    if (parent !== undefined && parent.mode === 'assemble') {
      if (this.assembly !== null && this.frames.length - this.assembly.baseDepth >= MAX_VALUE_DEPTH) {
        this.assembly.problem ??= `nested deeper than ${MAX_VALUE_DEPTH} levels; the deeper part was left out`;
        return 'skip';
      }
      if (this.assembly !== null && this.assembly.chars >= MAX_VALUE_CHARS) {
        this.assembly.problem ??= `larger than ${MAX_VALUE_CHARS} characters; the rest was left out`;
        return 'skip';
      }
      return 'assemble';
    }
    const decision = this.plan(this.currentPath());
    if (decision === 'assemble') {
      this.assembly = { path: this.currentPath(), root: undefined, chars: 0, problem: null, duplicates: [], baseDepth: this.frames.length };
    }
    return decision;
  }

  private openContainer(kind: 'object' | 'array'): void {
    if (this.depth + 1 > MAX_DOCUMENT_DEPTH) throw new JsonDepthError();
    const decision = this.decide(kind);
    if (decision === 'skip') {
      this.advanceParent();
      this.skipDepth = 1;
      return;
    }
    // Only walked containers need their path (for the plan); assembled ones are addressed by their root.
    const path = decision === 'descend' ? this.currentPath() : [];
    let container: JsonValue[] | JsonObject | null = null;
    if (decision === 'assemble') {
      // Null-prototype objects: a "__proto__" key in hostile input stays a plain key.
      container = kind === 'array' ? [] : (Object.create(null) as JsonObject);
      this.place(container, false);
    }
    this.frames.push({ kind, mode: decision, path, container, nextIndex: 0, key: null });
  }

  private closeContainer(): void {
    const frame = this.frames.pop();
    if (frame === undefined) return;
    if (this.assembly !== null && this.frames.length === this.assembly.baseDepth) {
      this.finishAssembly();
    }
    this.advanceParent();
  }

  private skipToken(token: JsonToken): void {
    if (token.name === 'startObject' || token.name === 'startArray') {
      this.skipDepth += 1;
      if (this.depth > MAX_DOCUMENT_DEPTH) throw new JsonDepthError();
    } else if (token.name === 'endObject' || token.name === 'endArray') {
      this.skipDepth -= 1;
    }
  }

  private startScalar(kind: 'string' | 'number'): void {
    const decision = this.decide(kind);
    this.scalar = { kind, parts: [], length: 0, keep: decision !== 'skip', truncated: false };
    if (decision === 'skip') this.advanceParent();
  }

  private scalarChunk(piece: string): void {
    const scalar = this.scalar;
    if (scalar === null || !scalar.keep || scalar.truncated) return;
    const cap = scalar.kind === 'key' ? MAX_KEY_CHARS : scalar.kind === 'number' ? MAX_NUMBER_CHARS : MAX_STRING_CHARS;
    const room = cap - scalar.length;
    if (piece.length > room) {
      scalar.parts.push(piece.slice(0, room));
      scalar.length = cap;
      scalar.truncated = true;
      if (this.assembly !== null) this.assembly.problem ??= `a ${scalar.kind === 'key' ? 'key' : 'value'} longer than ${cap} characters was cut`;
      return;
    }
    scalar.parts.push(piece);
    scalar.length += piece.length;
  }

  private endScalar(): void {
    const scalar = this.scalar;
    this.scalar = null;
    if (scalar === null) return;
    const text = scalar.parts.join('');
    if (scalar.kind === 'key') {
      const parent = this.frames[this.frames.length - 1];
      if (parent !== undefined) parent.key = text;
      // Keys count towards the size cap too: a million long keys would otherwise slip past it.
      if (this.assembly !== null && parent?.mode === 'assemble') this.assembly.chars += text.length;
      return;
    }
    if (!scalar.keep) return;
    this.place(scalar.kind === 'number' ? toNumber(text) : text);
  }

  /**
   * Puts a finished scalar (or a new container) where it belongs: into the parent container of
   * an assembly, as the root of a new assembly, or straight out as a lone value (a scalar whose
   * plan said anything but 'skip').
   */
  private place(value: JsonValue, advance = true): void {
    const parent = this.frames[this.frames.length - 1];
    const assembly = this.assembly;
    if (assembly !== null) {
      assembly.chars += typeof value === 'string' ? value.length + 2 : 8;
      if (assembly.root === undefined) {
        assembly.root = value;
        if (typeof value !== 'object' || value === null) this.finishAssembly();
      } else if (parent !== undefined && parent.container !== null) {
        if (Array.isArray(parent.container)) {
          parent.container.push(value);
        } else {
          const key = parent.key ?? '';
          const earlier = parent.container[key];
          if (earlier !== undefined) assembly.duplicates.push({ key, value: earlier });
          parent.container[key] = value;
        }
      }
    } else {
      this.ready.push({ path: this.currentPath(), value });
    }
    if (advance) this.advanceParent();
  }

  private finishAssembly(): void {
    const assembly = this.assembly;
    this.assembly = null;
    if (assembly === null || assembly.root === undefined) return;
    const walked: WalkedValue = assembly.problem === null ? { path: assembly.path, value: assembly.root } : { path: assembly.path, value: assembly.root, problem: assembly.problem };
    if (assembly.duplicates.length > 0) walked.duplicates = assembly.duplicates;
    this.ready.push(walked);
  }

  private advanceParent(): void {
    const parent = this.frames[this.frames.length - 1];
    if (parent === undefined) return;
    if (parent.kind === 'array') parent.nextIndex += 1;
    else parent.key = null;
  }
}

/** Numbers stay exact: integers beyond 2^53 (ids) are kept as their digits. */
function toNumber(text: string): number | string {
  const value = Number(text);
  if (!Number.isFinite(value)) return text;
  if (Number.isInteger(value) && !Number.isSafeInteger(value)) return text;
  return value;
}

/** RFC 6901 pointer for a path: `/chats/list/3/messages/5`. */
export function jsonPointer(path: JsonPath): string {
  return path.map((part) => `/${String(part).replace(/~/gu, '~0').replace(/\//gu, '~1')}`).join('');
}

export function isJsonObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
