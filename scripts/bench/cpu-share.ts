import { readdirSync, readFileSync } from "node:fs";

/**
 * Where the machine's CPU went while a phase ran, in percent of one core, read from /proc:
 * the app server (the given pid, or pids: several instances), PostgreSQL (every process named
 * `postgres`), PgBouncer when one runs, the load generator (LOAD_SCRIPT), and the rest. Linux
 * only; elsewhere every figure is null.
 */
export interface CpuShare {
  app: number;
  postgres: number;
  pgbouncer: number;
  load: number;
  idle: number;
}

/** The load generator of `npm run bench`, run as a process of its own. */
export const LOAD_SCRIPT = "scripts/bench/load.ts";

const TICKS_PER_SECOND = 100;

type Kind = "app" | "postgres" | "pgbouncer" | "load";

function classify(pid: string, appPids: number[]): Kind | null {
  if (appPids.includes(Number(pid))) return "app";
  try {
    const comm = readFileSync(`/proc/${pid}/comm`, "utf8").trim();
    if (comm === "postgres") return "postgres";
    if (comm === "pgbouncer") return "pgbouncer";
    if (comm === "node" && readFileSync(`/proc/${pid}/cmdline`, "utf8").includes(LOAD_SCRIPT))
      return "load";
  } catch {
    // gone
  }
  return null;
}

function ticksOf(pid: string): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name (which may hold spaces): utime is 14th, stime 15th.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return null;
  }
}

function idleTicks(): number {
  const line = readFileSync("/proc/stat", "utf8").split("\n")[0] ?? "";
  const fields = line.trim().split(/\s+/).slice(1).map(Number);
  return (fields[3] ?? 0) + (fields[4] ?? 0);
}

export async function cpuShare<T>(
  appPid: number | number[],
  during: Promise<T>,
): Promise<{ result: T; cpu: CpuShare | null }> {
  if (process.platform !== "linux") return { result: await during, cpu: null };
  const appPids = Array.isArray(appPid) ? appPid : [appPid];
  // Per process: ticks when first seen (0 for processes born during the phase) and last seen.
  const seen = new Map<string, { kind: Kind; first: number; last: number }>();
  const sample = (initial: boolean) => {
    for (const pid of readdirSync("/proc")) {
      if (!/^\d+$/.test(pid)) continue;
      const known = seen.get(pid);
      const kind = known?.kind ?? classify(pid, appPids);
      if (!kind) continue;
      const ticks = ticksOf(pid);
      if (ticks === null) continue;
      if (known) known.last = ticks;
      else seen.set(pid, { kind, first: initial ? ticks : 0, last: ticks });
    }
  };
  sample(true);
  const idleBefore = idleTicks();
  const started = performance.now();
  const timer = setInterval(() => sample(false), 100);
  try {
    const result = await during;
    sample(false);
    const seconds = (performance.now() - started) / 1000;
    const share: CpuShare = { app: 0, postgres: 0, pgbouncer: 0, load: 0, idle: 0 };
    for (const { kind, first, last } of seen.values()) share[kind] += last - first;
    for (const kind of ["app", "postgres", "pgbouncer", "load"] as const)
      share[kind] = (100 * share[kind]) / TICKS_PER_SECOND / seconds;
    share.idle = (100 * (idleTicks() - idleBefore)) / TICKS_PER_SECOND / seconds;
    return { result, cpu: share };
  } finally {
    clearInterval(timer);
  }
}

export const describeCpu = (cpu: CpuShare | null) =>
  cpu
    ? `CPU: app ${cpu.app.toFixed(0)} %, PostgreSQL ${cpu.postgres.toFixed(0)} %, ${cpu.pgbouncer > 0 ? `PgBouncer ${cpu.pgbouncer.toFixed(0)} %, ` : ""}load generator ${cpu.load.toFixed(0)} %, idle ${cpu.idle.toFixed(0)} % (of one core; 100 % × cores in all)`
    : "CPU: not measured on this platform";
