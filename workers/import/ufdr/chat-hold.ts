/**
 * A Chat model's header (Source, Id, Name, ChatType, Participants) usually precedes its
 * Messages, but nothing in the schema says so, and some exports write it after. Read in stream
 * order, such a chat's messages were filed under `chat:unknown:<model id>`, with no title,
 * participants, sender names or directions from the header. So when a chat's first message (or
 * ActivityLog entry) arrives before its Source, Id or Participants (chats.ts missingHeader: what
 * the chat's key and its messages are made of), the chat's captured models are held, as the
 * trees already built, and mapped as soon as those fields have all been read (checked at the
 * next message or activity entry, so a Participants field is read whole) or else when the Chat
 * model closes: the same records, in the same order, with the same locators, as if the header
 * had come first. What follows streams: a chat whose Id comes between two message blocks holds
 * only the first block, not the rest of the chat. A Name alone is not waited for (most chats
 * have none): a title read after the messages is announced at the chat's end and replaces the
 * first one (ParsedChat.retitle).
 *
 * Memory bound: at most MAX_HELD_MODELS models and MAX_HELD_CHARS characters (tree text plus
 * kept raw text) per chat; one chat is read at a time, so that is the bound for the report.
 * Past it the held models are mapped with what the header says so far and the rest of the chat
 * streams as before; the chat's key (hence its id) stays the one first announced, and the header
 * read later is announced again, which adds participants, sets the kind (a stated ChatType
 * replaces a guessed one) and replaces the title (RecordWriter.chat). A warning says so.
 */

import type { Capture } from './report-reader.ts';

/** Models held per chat; a chat with 100k messages and a late header keeps its first 20k here. */
export const MAX_HELD_MODELS = 20_000;
/** Characters held per chat (tree text plus raw text): a few times that in heap, at worst. */
export const MAX_HELD_CHARS = 16 * 1024 * 1024;

export interface HeldModel {
  capture: Capture;
  raw: string;
}

export type EmitModel = (capture: Capture, raw: string) => void;

export class ChatHold {
  private held: HeldModel[] = [];
  private chars = 0;
  /** False once the header was ready (or the bound reached): from then on every model streams. */
  private holding = true;
  /** True when the bound was reached and the chat went on streaming with a partial header. */
  overflowed = false;

  /**
   * Passes the model on, or holds it while the header is incomplete. `headerReady` is asked at
   * each model until it says yes; then what was held is mapped first, in order, and this model
   * after it. Returns true when this model made the hold overflow (so the caller can warn once).
   */
  add(capture: Capture, raw: string, headerReady: () => boolean, emit: EmitModel): boolean {
    if (this.holding && headerReady()) this.release(emit);
    if (!this.holding) {
      emit(capture, raw);
      return false;
    }
    this.held.push({ capture, raw });
    this.chars += capture.size + raw.length;
    if (this.held.length < MAX_HELD_MODELS && this.chars < MAX_HELD_CHARS) return false;
    this.overflowed = true;
    this.release(emit);
    return true;
  }

  /** Maps every held model, in order, and streams from now on. */
  release(emit: EmitModel): void {
    this.holding = false;
    const held = this.held;
    this.held = [];
    this.chars = 0;
    for (const model of held) emit(model.capture, model.raw);
  }

  get size(): number {
    return this.held.length;
  }
}
