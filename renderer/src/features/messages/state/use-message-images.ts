import { useEffect, useMemo, useRef, useState } from 'react';
import type { MessageImage } from '../../../../../shared/domain/image.ts';
import type { Message } from '../../../../../shared/domain/message.ts';
import { api } from '../../../api/client.ts';
import { describeError } from '../../../app/format.ts';

export interface MessageImagesState {
  /** The images of a message, once asked for; undefined while not known. */
  of(messageId: string): readonly MessageImage[] | undefined;
  error: string | null;
}

/** Whether a message may have an image to show: an attached image whose bytes were read. */
export function mayHaveImage(message: Message): boolean {
  return message.attachments.some((attachment) => attachment.mediaType === 'image' && attachment.sha256 !== null);
}

interface Entry {
  /** The revision it was asked for at. */
  revision: number;
  /** What the engine answered, at this revision or an earlier one; null before any answer. */
  images: readonly MessageImage[] | null;
}

/**
 * The images (and OCR text) of the messages in view, asked for in one call per set of rows newly
 * in view, never for the whole conversation. `revision` changes when OCR or an import finishes:
 * a message is asked for again when it is next in view, and shown as it was until the answer.
 */
export function useMessageImages(shown: readonly Message[], revision: number): MessageImagesState {
  const [entries, setEntries] = useState<ReadonlyMap<string, Entry>>(() => new Map());
  const [error, setError] = useState<string | null>(null);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const wanted = shown
    .filter((message) => mayHaveImage(message) && entries.get(message.id)?.revision !== revision)
    .map((message) => message.id)
    .join('\n');

  useEffect(() => {
    if (wanted === '') return;
    const messageIds = wanted.split('\n');
    // Marked as asked first, so the rows still in view when the answer comes are not asked again.
    setEntries((before) => withEntries(before, messageIds, (id) => ({ revision, images: before.get(id)?.images ?? null })));
    api.invoke('images.ofMessages', { messageIds }).then(
      (images) => {
        if (!mounted.current) return;
        const byMessage = new Map<string, MessageImage[]>();
        for (const image of images) byMessage.set(image.messageId, [...(byMessage.get(image.messageId) ?? []), image]);
        setError(null);
        setEntries((before) => withEntries(before, messageIds, (id) => (before.get(id)?.revision === revision ? { revision, images: byMessage.get(id) ?? [] } : (before.get(id) as Entry))));
      },
      (caught: unknown) => {
        if (!mounted.current) return;
        // Left as asked (no loop of failing calls); asked again at the next revision.
        setError(describeError(caught));
      },
    );
  }, [wanted, revision]);

  return useMemo(() => ({ of: (messageId: string) => entries.get(messageId)?.images ?? undefined, error }), [entries, error]);
}

function withEntries(before: ReadonlyMap<string, Entry>, ids: readonly string[], entry: (id: string) => Entry): Map<string, Entry> {
  const next = new Map(before);
  for (const id of ids) next.set(id, entry(id));
  return next;
}
