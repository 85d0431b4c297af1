/** The run's log lines (seconds since the start) and the violations it found. */
export class Report {
  readonly started = Date.now();
  readonly violations: string[] = [];

  log(message: string): void {
    console.log(`[${((Date.now() - this.started) / 1000).toFixed(1).padStart(6)} s] ${message}`);
  }

  violation(message: string): void {
    if (this.violations.length < 200) this.violations.push(message);
    this.log(`VIOLATION: ${message}`);
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
