/**
 * A background job that many events ask for and one run serves: asked while idle, it runs
 * after `delayMs` (so that one run takes the work of many asks); asked while it runs, it runs
 * once more after. Never two runs at once. A failure is logged: the work stays where it was
 * for the next run.
 */
export class CoalescedTask {
  private state: "idle" | "waiting" | "running" | "again" = "idle";

  constructor(
    private readonly delayMs: number,
    private readonly run: () => Promise<void>,
    private readonly failure: string,
  ) {}

  request(): void {
    if (this.state === "waiting" || this.state === "again") return;
    if (this.state === "running") {
      this.state = "again";
      return;
    }
    this.state = "waiting";
    setTimeout(() => {
      this.state = "running";
      this.run()
        .catch((error) => console.warn(this.failure, error))
        .finally(() => {
          const again = this.state === "again";
          this.state = "idle";
          if (again) this.request();
        });
    }, this.delayMs).unref();
  }

  /** One run now, whatever is scheduled (at shutdown: the work waiting for the timer). */
  async runNow(): Promise<void> {
    await this.run().catch((error) => console.warn(this.failure, error));
  }
}
