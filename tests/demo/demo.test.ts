import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildIsStale } from "@/scripts/lib/build-state";
import { freePort } from "@/scripts/lib/run";

/**
 * `npm run demo` must stop everything it started whenever Ctrl-C comes. Every process it
 * starts inherits EC_DEMO_TEST_MARK (the demo passes its environment on), so after the signal
 * the test looks for any live process carrying this run's mark in /proc, which finds
 * grandchildren and orphans too, and checks the port is closed.
 */

const STOP_BOUND_MS = 20_000;

/** Live (not zombie) processes whose environment carries `mark`. */
function markedProcesses(mark: string): { pid: number; cmd: string }[] {
  const found: { pid: number; cmd: string }[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const environ = readFileSync(`/proc/${entry}/environ`, "latin1");
      if (!environ.split("\0").includes(`EC_DEMO_TEST_MARK=${mark}`)) continue;
      const state = /^State:\s+(\S)/m.exec(readFileSync(`/proc/${entry}/status`, "latin1"))?.[1];
      if (state === "Z" || state === "X") continue;
      const cmd = readFileSync(`/proc/${entry}/cmdline`, "latin1").split("\0").join(" ");
      found.push({ pid: Number(entry), cmd });
    } catch {
      // Gone meanwhile, or not ours to read.
    }
  }
  return found;
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

interface Demo {
  child: ChildProcess;
  mark: string;
  port: number;
  output: () => string;
  waitFor: (text: string, timeoutMs?: number) => Promise<void>;
}

async function startDemo(dataDir: string, via: "tsx-cli" | "node"): Promise<Demo> {
  const mark = randomBytes(8).toString("hex");
  const port = await freePort();
  const command =
    via === "tsx-cli"
      ? [path.resolve("node_modules/.bin/tsx"), ["scripts/demo/demo.ts"]]
      : [process.execPath, ["--import", "tsx", "scripts/demo/demo.ts"]];
  const child = spawn(command[0] as string, command[1] as string[], {
    // Its own process group, as a terminal's foreground job: the test signals the group.
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      EC_DEMO_TEST_MARK: mark,
      DATA_DIR: dataDir,
      PORT: String(port),
      SKIP_BUILD: "1",
      DATABASE_URL: "",
      PGLITE_DIR: "",
      AUTH_SECRET: "",
    },
  });
  let output = "";
  const waiters: { text: string; resolve: () => void }[] = [];
  const onData = (chunk: Buffer) => {
    output += chunk;
    for (const waiter of [...waiters])
      if (output.includes(waiter.text)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
  };
  child.stdout?.on("data", onData);
  child.stderr?.on("data", onData);
  return {
    child,
    mark,
    port,
    output: () => output,
    waitFor: (text, timeoutMs = 180_000) =>
      new Promise((resolve, reject) => {
        if (output.includes(text)) return resolve();
        const timer = setTimeout(
          () => reject(new Error(`no "${text}" within ${timeoutMs} ms; output:\n${output}`)),
          timeoutMs,
        );
        waiters.push({
          text,
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
        });
      }),
  };
}

/** Waits until nothing carrying the mark is alive and the port is closed, or the bound passes. */
async function expectAllStopped(demo: Demo, since: number): Promise<void> {
  let left = markedProcesses(demo.mark);
  let open = await listening(demo.port);
  while ((left.length > 0 || open) && Date.now() - since < STOP_BOUND_MS) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    left = markedProcesses(demo.mark);
    open = await listening(demo.port);
  }
  // Leave nothing behind for the next test, whatever the outcome.
  for (const { pid } of left) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {}
  }
  expect(left, `still running ${STOP_BOUND_MS} ms after the signal:\n${demo.output()}`).toEqual([]);
  expect(open, `port ${demo.port} still open`).toBe(false);
}

describe("npm run demo stops everything it started", () => {
  let dataDir: string;
  beforeAll(() => {
    if (buildIsStale())
      throw new Error("the demo serves the production build: run `npx next build` first");
    dataDir = mkdtempSync(path.join(tmpdir(), "ec-demo-"));
  });
  afterAll(() => {
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  // Ctrl-C in a terminal: SIGINT to the whole foreground process group.
  it.each([
    ["while seeding", "Seeding the demo account", 0],
    ["right after the server is spawned", "Starting the server", 0],
    ["while waiting for the server", "Starting the server", 2500],
    ["after the traffic started", "Sending about", 500],
  ])(
    "on Ctrl-C %s",
    async (_moment, text, delay) => {
      const demo = await startDemo(dataDir, "tsx-cli");
      await demo.waitFor(text);
      if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
      const signalled = Date.now();
      process.kill(-(demo.child.pid as number), "SIGINT");
      await expectAllStopped(demo, signalled);
    },
    300_000,
  );

  it("even when the demo itself is killed outright: its children notice and stop", async () => {
    const demo = await startDemo(dataDir, "node");
    await demo.waitFor("Sending about");
    const killed = Date.now();
    demo.child.kill("SIGKILL");
    await expectAllStopped(demo, killed);
  }, 300_000);

  it("listens on 127.0.0.1 only", async () => {
    const demo = await startDemo(dataDir, "node");
    try {
      await demo.waitFor("Sending about");
      expect(demo.output()).toContain(`listening on http://127.0.0.1:${demo.port}`);
      const sockets =
        readFileSync("/proc/net/tcp", "latin1") + readFileSync("/proc/net/tcp6", "latin1");
      const hex = demo.port.toString(16).toUpperCase().padStart(4, "0");
      // Local address column of listening sockets (state 0A) on the demo's port.
      const listeners = sockets
        .split("\n")
        .map((line) => line.trim().split(/\s+/))
        .filter((cols) => cols[3] === "0A" && cols[1]?.endsWith(`:${hex}`))
        .map((cols) => cols[1]);
      expect(listeners).toEqual([`0100007F:${hex}`]);
    } finally {
      const signalled = Date.now();
      process.kill(-(demo.child.pid as number), "SIGINT");
      await expectAllStopped(demo, signalled);
    }
  }, 300_000);
});

describe("the traffic generator alone", () => {
  it("gives up when its target stays unreachable", async () => {
    const port = await freePort();
    const started = Date.now();
    const child = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        "scripts/demo/traffic.ts",
        "--url",
        `http://127.0.0.1:${port}`,
        "--token",
        "nothing-listens",
        "--give-up-after",
        "3",
        "--quiet",
      ],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    let output = "";
    child.stderr.on("data", (chunk) => {
      output += chunk;
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
    const [code, signal] = await new Promise<[number | null, string | null]>((resolve) =>
      child.once("exit", (c, s) => resolve([c, s])),
    );
    clearTimeout(timer);
    expect(signal, output).toBeNull();
    expect(code).toBe(1);
    expect(output).toMatch(/has not answered for 3 s: giving up/);
    expect(Date.now() - started).toBeLessThan(20_000);
  }, 40_000);
});
