import { spawn, spawnSync } from "node:child_process";
import { appendFileSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort } from "./run";

/** The PostgreSQL binaries: PG_BIN, the newest under /usr/lib/postgresql, or pg_config's. */
function postgresBin(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const base = "/usr/lib/postgresql";
  const versions = existsSync(base)
    ? readdirSync(base)
        .filter((v) => existsSync(path.join(base, v, "bin", "initdb")))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions.length === 0) {
    const found = spawnSync("pg_config", ["--bindir"], { encoding: "utf8" });
    if (found.status === 0 && existsSync(path.join(found.stdout.trim(), "initdb")))
      return found.stdout.trim();
    throw new Error("no PostgreSQL binaries: install postgresql or set PG_BIN");
  }
  return path.join(base, versions[0] as string, "bin");
}

/**
 * A throwaway PostgreSQL cluster: initdb in a temporary folder, a free port on 127.0.0.1 (the
 * machine's shared server is never touched), removed by destroy().
 */
export class Cluster {
  readonly dir: string;
  readonly data: string;
  readonly bin = postgresBin();
  private readonly asRoot = process.getuid?.() === 0;
  port = 0;

  constructor(prefix = "ec-pg-") {
    this.dir = mkdtempSync(path.join(tmpdir(), prefix));
    this.data = path.join(this.dir, "data");
  }

  get url() {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  /** initdb refuses to run as root: the cluster then belongs to the `postgres` user. */
  private run(tool: string, args: string[], allowFailure = false): Promise<boolean> {
    const command = path.join(this.bin, tool);
    const [file, argv] = this.asRoot
      ? ["runuser", ["-u", "postgres", "--", command, ...args]]
      : [command, args];
    // Never spawnSync while loading: it would freeze this process's load generator too.
    return new Promise((resolve, reject) => {
      const child = spawn(file, argv, { cwd: this.dir, stdio: ["ignore", "pipe", "pipe"] });
      let output = "";
      child.stdout.on("data", (chunk: Buffer) => {
        output += chunk;
      });
      child.stderr.on("data", (chunk: Buffer) => {
        output += chunk;
      });
      child.once("error", reject);
      child.once("exit", (code) => {
        if (code !== 0 && !allowFailure)
          reject(new Error(`${tool} ${args.join(" ")} failed: ${output}`));
        else resolve(code === 0);
      });
    });
  }

  async init() {
    this.port = await freePort();
    if (this.asRoot) {
      const uid = Number(spawnSync("id", ["-u", "postgres"], { encoding: "utf8" }).stdout);
      const gid = Number(spawnSync("id", ["-g", "postgres"], { encoding: "utf8" }).stdout);
      chownSync(this.dir, uid, gid);
    }
    await this.run("initdb", [
      "-D",
      this.data,
      "-U",
      "postgres",
      "--auth=trust",
      "-E",
      "UTF8",
      "--no-locale",
      "-N",
    ]);
    const conf = [
      "listen_addresses = '127.0.0.1'",
      `port = ${this.port}`,
      `unix_socket_directories = '${this.dir}'`,
      "max_connections = 100",
      "shared_buffers = 128MB",
    ].join("\n");
    appendFileSync(path.join(this.data, "postgresql.conf"), `\n${conf}\n`);
    await this.start();
  }

  private get logArgs() {
    return ["-D", this.data, "-l", path.join(this.dir, "server.log"), "-w", "-t", "60"];
  }

  async start() {
    await this.run("pg_ctl", [...this.logArgs, "start"]);
  }

  stop(mode: "fast" | "immediate" = "fast") {
    return this.run("pg_ctl", ["-D", this.data, "-m", mode, "-w", "-t", "60", "stop"], true);
  }

  async restart() {
    await this.run("pg_ctl", [...this.logArgs, "-m", "fast", "restart"]);
  }

  async destroy() {
    if (existsSync(path.join(this.data, "postmaster.pid"))) {
      if (!(await this.stop("fast"))) await this.stop("immediate");
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}
