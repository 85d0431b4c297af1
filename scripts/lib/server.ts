import { type ChildProcess, type StdioOptions, spawn } from "node:child_process";
import { buildIsStale } from "./build-state";
import { freePort, run } from "./run";

/** `npm start`'s entry point, relative to the project root (the scripts run from there). */
export const START_SCRIPT = "scripts/start.ts";

/** Runs `next build` when there is no production build or the sources changed since. */
export async function ensureBuild(): Promise<boolean> {
  if (!buildIsStale()) return true;
  return (await run("npx", ["next", "build"], { ...process.env, NODE_ENV: "production" })) === 0;
}

/** Waits until GET /api/health answers 200; throws when the server exits or the time is up. */
export async function waitForHealth(
  url: string,
  child: Pick<ChildProcess, "exitCode">,
  timeoutMs = 90_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`server at ${url} did not become healthy in ${timeoutMs} ms`);
}

export interface StartedServer {
  url: string;
  port: number;
  child: ChildProcess;
  /** SIGTERM, then waits for the exit. */
  stop: () => Promise<void>;
}

/**
 * Starts `npm start`'s server (NODE_ENV=production, SKIP_BUILD=1) on a free port of 127.0.0.1
 * with `env` on top of this process's environment, and waits until it is healthy.
 */
export async function startServer(
  options: {
    env?: Record<string, string | undefined>;
    stdio?: StdioOptions;
    nodeArgs?: string[];
    timeoutMs?: number;
  } = {},
): Promise<StartedServer> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [...(options.nodeArgs ?? []), "--import", "tsx", START_SCRIPT],
    {
      stdio: options.stdio ?? ["ignore", "inherit", "inherit"],
      env: {
        ...process.env,
        SKIP_BUILD: "1",
        PORT: String(port),
        HOSTNAME: "127.0.0.1",
        ...options.env,
        NODE_ENV: "production",
      },
    },
  );
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
  };
  try {
    await waitForHealth(url, child, options.timeoutMs);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, port, child, stop };
}
