/**
 * What a bench started, stopped once: at the end of the run, after a failure, or on SIGINT or
 * SIGTERM (then the process exits 130 or 143), so that no server is left on a dropped database.
 * `release` removes the signal handlers once the run is over.
 */
export function cleanUpOnExit(
  saying: string,
  work: () => Promise<void>,
): { cleanUp: () => Promise<void>; release: () => void } {
  let cleaning: Promise<void> | undefined;
  const cleanUp = () => {
    cleaning ??= work();
    return cleaning;
  };
  const interrupted = (signal: NodeJS.Signals) => {
    console.error(`${signal}: ${saying}`);
    void cleanUp().finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
  };
  process.once("SIGINT", interrupted);
  process.once("SIGTERM", interrupted);
  return {
    cleanUp,
    release: () => {
      process.off("SIGINT", interrupted);
      process.off("SIGTERM", interrupted);
    },
  };
}
