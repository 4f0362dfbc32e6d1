/**
 * A thread of Messenger's end-to-end-encrypted download ("Download your end-to-end encrypted
 * chats"), told by its `threadName` (DYI writes `title`). As a public importer of real downloads
 * describes it [source: timelinize fork, facebook/e2ee.go; no sample here]: one `<Name>_<n>.json`
 * per thread, every thread side by side at the root of the download, no `thread_path`, and a
 * `threadName` that is the file's name ("Ana_40"), the other person's name with a number.
 */

import type { JsonValue } from '../telegram/json-walker.ts';

export function isE2eeThread(thread: Record<string, JsonValue>): boolean {
  return 'threadName' in thread;
}

/** The number the download puts after the name ("Ana_40"), unique between its threads. */
const THREAD_NUMBER = /_\d+$/u;

/**
 * The name a threadName stands for: without its number when what is left is a participant's name
 * (so "Ana_40" titles the thread with Ana, and tells whose download it is as a DYI title does);
 * else as written, as nothing says the number is not part of a name.
 */
export function e2eeTitle(threadName: string, participants: readonly (string | null)[]): string {
  const name = threadName.replace(THREAD_NUMBER, '');
  return name !== threadName && name !== '' && participants.includes(name) ? name : threadName;
}
