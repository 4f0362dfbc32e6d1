/**
 * Ctrl-C during long work: the first one asks the work to stop cleanly (an import drops the
 * source it was reading and keeps every source already imported; the case is left consistent
 * and says what was cancelled), the second one ends the process at once, as Ctrl-C always does
 * (the handler is installed once, so Node's default takes the second). Returns the remover.
 */
export function cancelOnInterrupt(what: string, cancel: () => void): () => void {
  const onInterrupt = (): void => {
    process.stderr.write(`\ncancelling ${what}: what is finished is kept (Ctrl-C again to quit at once)\n`);
    cancel();
  };
  process.once('SIGINT', onInterrupt);
  return () => process.off('SIGINT', onInterrupt);
}
