/** The run's settings, from its command line (`--short`, `--in-place`). */
const SHORT = process.argv.includes("--short");

export const settings = {
  short: SHORT,
  /** Serve .next where it is, not a snapshot. */
  inPlace: process.argv.includes("--in-place"),
  concurrency: 64,
  requestTimeoutMs: 10_000,
  phaseAEvents: SHORT ? 5_000 : 100_000,
  phaseCEvents: SHORT ? 3_000 : 20_000,
  outageRounds: SHORT ? 1 : 2,
  batchSize: 50,
  knownErrors: 300,
} as const;
