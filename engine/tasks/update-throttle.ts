/**
 * Publishes at most once per interval: the first request goes out at once (after the current
 * synchronous step, so changes made together travel together), later ones within the interval
 * collapse into one trailing publish. The newest state always arrives, and a tight loop (a
 * 1M-message import reports per batch) cannot flood IPC or the event stream.
 */
export class UpdateThrottle {
  private lastPublishedAt = Number.NEGATIVE_INFINITY;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private queued = false;

  constructor(
    private readonly publish: () => void,
    /** Asked on every request, so the interval can grow with the size of what is published. */
    private readonly intervalMs: () => number,
    private readonly now: () => number = Date.now,
  ) {}

  request(): void {
    if (this.timer !== null || this.queued) return;
    const wait = this.lastPublishedAt + this.intervalMs() - this.now();
    if (wait <= 0) {
      this.queued = true;
      queueMicrotask(() => {
        if (!this.queued) return;
        this.queued = false;
        this.publishNow();
      });
      return;
    }
    this.timer = setTimeout(() => {
      this.timer = null;
      this.publishNow();
    }, wait);
  }

  /** Publishes now (a state the UI must not miss, like the end of the task) and drops any pending publish. */
  flush(): void {
    this.cancel();
    this.publishNow();
  }

  cancel(): void {
    this.queued = false;
    if (this.timer === null) return;
    clearTimeout(this.timer);
    this.timer = null;
  }

  private publishNow(): void {
    this.lastPublishedAt = this.now();
    this.publish();
  }
}
