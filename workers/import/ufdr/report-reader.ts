/**
 * The saxes side of the report.xml importer: follows the element path, and captures one small
 * model at a time as a tree (a taggedFiles <file>, a Chat's header fields and Participants, one
 * InstantMessage, a Contact), hands it to the mappers and forgets it. A Chat model can hold a
 * hundred thousand messages, so a Chat is never captured whole; its messages are emitted one by
 * one as each closes.
 */

import { SaxesParser } from 'saxes';
import type { SaxesTagPlain } from 'saxes';
import { RAW_TEXT_LIMIT } from '../import-limits.ts';
import { appendText, localName, newNode } from './model-tree.ts';
import type { XmlNode } from './model-tree.ts';
import { ValueTextGuard } from './value-text-guard.ts';

/** A captured model larger than this becomes an 'unparsed' record instead of a tree. */
export const MAX_MODEL_CHARS = 16 * 1024 * 1024;
/** Longest stretch saxes may buffer without an event (one text or CDATA run). */
export const MAX_RUN_CHARS = 64 * 1024 * 1024;

/** Characters kept between models so a start tag cut by a chunk end is still in the raw text. */
const TAG_START_TAIL = 1024;

/**
 * saxes errors about one character or reference, or a `]]>` in a text (which saxes keeps as
 * written: an unescaped value of Physical Analyzer's, value-text-guard.ts); reading goes on after them.
 */
const RECOVERABLE_ERROR = /entity|disallowed character\.|disallowed character in entity|the string "\]\]>" is disallowed in char data/u;

export type CaptureKind = 'file' | 'chat-field' | 'participant' | 'message' | 'activity' | 'standalone' | 'record' | 'contact' | 'account' | 'header';

/** Top-level models read as records of their own (SMS, MMS, Email, Call), besides InstantMessage. */
export const RECORD_MODEL_TYPES = new Set(['SMS', 'MMS', 'Email', 'Call']);

/** Root elements of a report.xml fragment (a model or a modelType copied out of a report). */
export const FRAGMENT_ROOTS = new Set(['model', 'modelType']);

/** Captures whose raw text is kept, to become an 'unparsed' record if they cannot be read. */
const RAW_KEPT: ReadonlySet<CaptureKind> = new Set(['message', 'activity', 'standalone', 'record', 'account']);

export interface Capture {
  kind: CaptureKind;
  /** The model's type (`SMS`, `Call`...), from its own `type` or its modelType's. */
  modelType: string;
  root: XmlNode;
  stack: XmlNode[];
  /** Frames open when the capture started; it ends when the stack falls below this. */
  depth: number;
  size: number;
  oversized: boolean;
  /** Position (in characters fed to saxes) of the model's '<'. */
  start: number;
  /**
   * Characters of the model as written, from its '<' to its end (or to where broken XML cut it),
   * set when the capture ends: its raw text keeps at most RAW_TEXT_LIMIT of them, and an
   * 'unparsed' record says how much was cut.
   */
  rawChars: number;
  path: string;
}

export interface Fault {
  line: number;
  column: number;
  message: string;
}

interface Frame {
  name: string;
  attrs: Record<string, string>;
  segment: string;
  models: number;
  files: number;
}

export interface ReaderEvents {
  /** The root element opened (its local name and attributes). */
  root(name: string, attrs: Record<string, string>): void;
  /** A top-level Chat model opened (path, attributes, and where its start tag is) or closed (null). */
  chat(path: string | null, attrs: Record<string, string>, at?: { line: number; column: number }): void;
  /** A top-level model of another type opened (for the counts). */
  model(type: string): void;
  /** A capture finished; `raw` is its text as written (at most RAW_TEXT_LIMIT characters of `capture.rawChars`). */
  captured(capture: Capture, raw: string): void;
  recoverable(place: { line: number; column: number }, detail: string): void;
  /** An element directly under the root opened (`taggedFiles`, `decodedData`...). */
  section?(name: string): void;
}

export class ReportReader {
  readonly parser: SaxesParser<{ xmlns: false; position: true; fileName: string }>;
  readonly frames: Frame[] = [];
  capture: Capture | null = null;
  fault: Fault | null = null;
  /** Escapes a '<' inside a value's text, which Physical Analyzer can leave unescaped (value-text-guard.ts). */
  readonly guard = new ValueTextGuard();
  /** The root element's `type` attribute (a fragment's model type), once the root opened. */
  rootType: string | null = null;
  /** Frames open when the current top-level Chat model started, or 0 outside a Chat. */
  private chatDepth = 0;
  private tagStart = { position: 0, line: 1, column: 1 };
  private lastEvent = 0;
  private fed = 0;
  private window = '';
  private windowStart = 0;

  /**
   * @param only when given, the capture kinds to build trees for; others are passed over (the
   * taggedFiles pre-pass reads files only).
   */
  constructor(file: string, private readonly events: ReaderEvents, private readonly only?: ReadonlySet<CaptureKind>) {
    this.parser = new SaxesParser({ xmlns: false, position: true, fileName: file });
    const parser = this.parser;
    parser.on('error', (error: Error) => {
      if (this.fault !== null) return;
      const detail = error.message.replace(/^[^:]*:\d+:\d+: /u, '');
      if (RECOVERABLE_ERROR.test(detail)) events.recoverable({ line: parser.line, column: parser.column }, detail);
      else this.fault = { line: parser.line, column: parser.column, message: detail };
    });
    parser.on('doctype', (doctype: string) => {
      // The prefilter refuses entity declarations before saxes sees them; this is the second lock.
      if (/<!ENTITY/iu.test(doctype)) this.fault ??= { line: parser.line, column: parser.column, message: 'the DOCTYPE declares XML entities' };
    });
    // saxes reads on to the end of the text it was given after an error it cannot recover from:
    // what it makes of that text is not read (the model the break cut stays the open capture).
    parser.on('opentagstart', (tag) => {
      if (this.fault !== null) return;
      this.lastEvent = parser.position;
      this.tagStart = { position: Math.max(0, parser.position - tag.name.length - 2), line: parser.line, column: Math.max(1, parser.column - tag.name.length - 1) };
    });
    parser.on('opentag', (tag) => {
      if (this.fault === null) this.open(tag);
    });
    parser.on('text', (text: string) => {
      if (this.fault === null) this.text(text, false);
    });
    parser.on('cdata', (text: string) => {
      if (this.fault === null) this.text(text, true);
    });
    parser.on('closetag', () => {
      if (this.fault === null) this.close();
    });
  }

  get path(): string {
    return `/${this.frames.map((frame) => frame.segment).join('/')}`;
  }

  /** Characters fed to saxes so far. */
  get position(): number {
    return this.fed;
  }

  feed(written: string): void {
    if (written === '' || this.fault !== null) return;
    this.write(this.guard.push(written));
  }

  private write(text: string): void {
    if (text === '' || this.fault !== null) return;
    this.window += text;
    try {
      this.parser.write(text);
    } catch (error) {
      // saxes throws for misuse only (writing after close); a hostile string length can too.
      this.fault ??= { line: this.parser.line, column: this.parser.column, message: error instanceof Error ? error.message : String(error) };
    }
    this.fed += text.length;
    this.trimWindow();
    if (this.fed - this.lastEvent > MAX_RUN_CHARS) {
      this.fault ??= { line: this.parser.line, column: this.parser.column, message: `a text run is longer than ${MAX_RUN_CHARS} characters` };
    }
  }

  close(): void {
    this.frames.pop();
    this.lastEvent = this.parser.position;
    const capture = this.capture;
    if (capture !== null) {
      if (!capture.oversized) capture.stack.pop();
      if (this.frames.length < capture.depth) {
        this.capture = null;
        capture.rawChars = this.parser.position - capture.start;
        this.events.captured(capture, this.rawOf(capture, this.parser.position));
      }
    }
    if (this.chatDepth > 0 && this.frames.length < this.chatDepth) {
      this.chatDepth = 0;
      this.events.chat(null, {});
    }
  }

  /** Ends the input; a fault is recorded when the XML is incomplete. */
  end(): void {
    if (this.fault !== null) return;
    this.write(this.guard.end());
    if (this.fault !== null) return;
    try {
      this.parser.close();
    } catch (error) {
      this.fault ??= { line: this.parser.line, column: this.parser.column, message: error instanceof Error ? error.message : String(error) };
    }
  }

  /** The raw text of the capture cut by a fault, as far as it was read (its `rawChars` set to match). */
  rawOfOpenCapture(): string {
    if (this.capture === null) return '';
    this.capture.rawChars = this.fed - this.capture.start;
    return this.rawOf(this.capture, this.fed);
  }

  private rawOf(capture: Capture, end: number): string {
    if (capture.start < this.windowStart) return '';
    return this.window.slice(capture.start - this.windowStart, Math.min(end - this.windowStart, capture.start - this.windowStart + RAW_TEXT_LIMIT));
  }

  /** Keeps only the raw text of the model being captured (at most RAW_TEXT_LIMIT characters of it). */
  private trimWindow(): void {
    const capture = this.capture;
    if (capture === null || !RAW_KEPT.has(capture.kind)) {
      // A tail is kept: the '<' of the next model's start tag may be in this chunk, its name in the next.
      this.window = this.window.slice(-TAG_START_TAIL);
      this.windowStart = this.fed - this.window.length;
      return;
    }
    if (capture.start > this.windowStart) {
      this.window = this.window.slice(capture.start - this.windowStart);
      this.windowStart = capture.start;
    }
    if (this.window.length > RAW_TEXT_LIMIT) this.window = this.window.slice(0, RAW_TEXT_LIMIT);
  }

  private open(tag: SaxesTagPlain): void {
    this.lastEvent = this.parser.position;
    const name = localName(tag.name);
    const attrs = tag.attributes;
    const parent = this.frames.at(-1);
    this.frames.push({ name, attrs, segment: segmentOf(name, attrs, parent), models: 0, files: 0 });
    const capture = this.capture;
    if (capture !== null) {
      if (capture.oversized) return;
      const node = newNode(name, attrs, this.tagStart.line, this.tagStart.column);
      capture.stack.at(-1)?.children.push(node);
      capture.stack.push(node);
      this.grow(capture, name.length + JSON.stringify(attrs).length);
      return;
    }
    if (parent === undefined) {
      this.rootType = attrs['type'] ?? null;
      this.events.root(name, attrs);
      // A fragment whose root is one model is read as that model would be inside a report.
      if (name !== 'model') return;
    } else if (this.frames.length === 2) {
      this.events.section?.(name);
    }
    const kind = this.captureKindFor(name, attrs, parent);
    if (kind === null || (this.only !== undefined && !this.only.has(kind))) return;
    const root = newNode(name, attrs, this.tagStart.line, this.tagStart.column);
    const modelType = attrs['type'] ?? parent?.attrs['type'] ?? '';
    this.capture = { kind, modelType, root, stack: [root], depth: this.frames.length, size: 0, oversized: false, start: this.tagStart.position, rawChars: 0, path: this.path };
  }

  private captureKindFor(name: string, attrs: Record<string, string>, parent: Frame | undefined): CaptureKind | null {
    const depth = this.frames.length;
    if (name === 'file') return 'file';
    if (depth === 2 && (name === 'metadata' || name === 'caseInformation' || name === 'sourceExtractions')) return 'header';
    if (name === 'model' && (parent === undefined || parent.name === 'modelType')) {
      const type = attrs['type'] ?? parent?.attrs['type'] ?? '';
      if (type === 'Chat') {
        this.chatDepth = depth;
        this.events.chat(this.path, attrs, { line: this.tagStart.line, column: this.tagStart.column });
        return null;
      }
      this.events.model(type);
      if (type === 'InstantMessage') return 'standalone';
      if (RECORD_MODEL_TYPES.has(type)) return 'record';
      if (type === 'Contact') return 'contact';
      if (type === 'UserAccount') return 'account';
      return null;
    }
    if (this.chatDepth === 0 || parent === undefined) return null;
    if (depth === this.chatDepth + 1 && name === 'field') return 'chat-field';
    if (depth === this.chatDepth + 2 && name === 'model' && parent.name === 'multiModelField') {
      if (parent.attrs['name'] === 'Participants') return 'participant';
      if (parent.attrs['name'] === 'Messages') return 'message';
      // Until ActivityLog was captured its entries were dropped unseen (activity-records.ts).
      if (parent.attrs['name'] === 'ActivityLog') return 'activity';
    }
    return null;
  }

  private text(text: string, cdata: boolean): void {
    this.lastEvent = this.parser.position;
    const capture = this.capture;
    if (capture === null || capture.oversized) return;
    // Indentation between elements is not content; CDATA always is.
    if (!cdata && text.trim() === '') return;
    const node = capture.stack.at(-1);
    if (node === undefined) return;
    // Only what is kept counts: a 50 MB Body is cut to MAX_FIELD_CHARS and the model stays readable.
    const dropped = appendText(node, text);
    this.grow(capture, text.length - dropped);
  }

  private grow(capture: Capture, chars: number): void {
    capture.size += chars;
    if (capture.size > MAX_MODEL_CHARS) {
      capture.oversized = true;
      capture.stack = [];
    }
  }
}

/** One step of the locator path: `model[3]`, `modelType[@type='Chat']`, `multiModelField[@name='Messages']`. */
function segmentOf(name: string, attrs: Record<string, string>, parent: Frame | undefined): string {
  if (name === 'model' && parent !== undefined) return `model[${(parent.models += 1)}]`;
  if (name === 'file' && parent !== undefined) return `file[${(parent.files += 1)}]`;
  if (name === 'modelType' && attrs['type'] !== undefined) return `modelType[@type='${attrs['type']}']`;
  if (attrs['name'] !== undefined && name !== 'project') return `${name}[@name='${attrs['name']}']`;
  return name;
}
