import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DbHandle, openDatabase } from "@/db/client";
import { createAccount } from "@/db/queries/users";
import { alertAttempts, alertDeliveries } from "@/db/schema";
import { buildIsStale } from "@/scripts/lib/build-state";
import { type StartedServer, startServer } from "@/scripts/lib/server";
import { seedNotification, seedRule } from "@/tests/support/alerts";
import { freshPostgres } from "@/tests/support/databases";
import { type Receiver, startReceiver } from "@/tests/support/receivers";

/**
 * Alerts survive the process dying: the real `npm start` server is killed with SIGKILL while
 * it delivers (the receiver never answers its first request) and after the outbox row is
 * written but before anything was sent; once restarted, the alert reaches the receiver, once.
 * The claim of the killed process comes back when its lease (3 s here, through
 * ALERT_DELIVERY_LEASE_SECONDS) has passed.
 */

const LEASE_SECONDS = 3;

interface Target {
  name: string;
  /** The server's database settings, and how the test opens the same database. */
  env: Record<string, string>;
  open: () => Promise<DbHandle>;
  cleanup: () => Promise<void>;
}

async function pgliteTarget(dataDir: string): Promise<Target> {
  const dir = path.join(dataDir, "pglite");
  return {
    name: "PGlite",
    env: { DATABASE_URL: "", PGLITE_DIR: dir },
    open: () => openDatabase({ kind: "pglite", dir }),
    cleanup: async () => {},
  };
}

async function postgresTarget(serverUrl: string): Promise<Target> {
  const database = await freshPostgres(serverUrl);
  await database.close();
  return {
    name: "PostgreSQL",
    env: { DATABASE_URL: database.url, PGLITE_DIR: "" },
    open: () => openDatabase({ kind: "postgres", url: database.url, poolMax: 2 }),
    cleanup: () => database.drop(),
  };
}

async function waitFor(what: string, check: () => boolean, timeoutMs: number, log: () => string) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms\n${log()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const targets: [string, (dataDir: string) => Promise<Target>][] = [["PGlite", pgliteTarget]];
const serverUrl = process.env.TEST_DATABASE_URL;
if (serverUrl) targets.push(["PostgreSQL", () => postgresTarget(serverUrl)]);

describe.each(targets)("alert delivery across SIGKILL on %s", (_name, makeTarget) => {
  let dataDir: string;
  let target: Target;
  let output = "";
  const servers: StartedServer[] = [];
  const receivers: Receiver[] = [];

  beforeAll(async () => {
    if (buildIsStale())
      throw new Error("the server serves the production build: run `npx next build` first");
    dataDir = mkdtempSync(path.join(tmpdir(), "ec-alert-crash-"));
    target = await makeTarget(dataDir);
  });
  afterAll(async () => {
    for (const server of servers) await server.stop().catch(() => {});
    await Promise.all(receivers.map((r) => r.close()));
    await target?.cleanup();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const authSecret = randomBytes(33).toString("base64url");
  async function start(): Promise<StartedServer> {
    const server = await startServer({
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        DATA_DIR: dataDir,
        AUTH_SECRET: authSecret,
        ALLOW_PRIVATE_WEBHOOKS: "true",
        ALERT_DELIVERY_LEASE_SECONDS: String(LEASE_SECONDS),
        PUBLIC_URL: "https://errors.example.test",
        ...target.env,
      },
    });
    server.child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk;
    });
    server.child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk;
    });
    servers.push(server);
    return server;
  }
  async function kill(server: StartedServer) {
    const exited = new Promise((resolve) => server.child.once("exit", resolve));
    server.child.kill("SIGKILL");
    await exited;
  }
  /** Writes a rule with one webhook channel and a pending delivery, as the decision side does. */
  async function writeOutbox(url: string): Promise<number> {
    const handle = await target.open();
    try {
      const account = await createAccount(handle.db, {
        name: "Ana",
        email: `ana-${randomBytes(4).toString("hex")}@example.test`,
        password: "long enough",
      });
      const { ruleId, channelIds } = await seedRule(handle.db, {
        projectId: account.project.id,
        channels: [{ type: "webhook", url, secret: "whsec_crash" }],
      });
      const { deliveryIds } = await seedNotification(handle.db, {
        ruleId,
        projectId: account.project.id,
        channelIds,
        errorId: 77,
      });
      return deliveryIds[0] as number;
    } finally {
      await handle.close();
    }
  }
  async function readDelivery(id: number) {
    const handle = await target.open();
    try {
      const [row] = await handle.db
        .select()
        .from(alertDeliveries)
        .where(eq(alertDeliveries.id, id));
      const logged = await handle.db
        .select()
        .from(alertAttempts)
        .where(eq(alertAttempts.deliveryId, id));
      return { row, logged };
    } finally {
      await handle.close();
    }
  }

  it("killed while sending: after a restart the alert is delivered once, when the lease ends", async () => {
    // The first request is never answered: the server is killed with it in flight.
    const receiver = await startReceiver((_request, index) =>
      index === 0 ? "hang" : { status: 200 },
    );
    receivers.push(receiver);
    const id = await writeOutbox(`${receiver.url}/hook`);

    const first = await start();
    await waitFor(
      "the first attempt",
      () => receiver.requests.length === 1,
      30_000,
      () => output,
    );
    await kill(first);
    const killedAt = Date.now();
    expect(JSON.parse(receiver.requests[0]?.body ?? "{}")).toMatchObject({
      kind: "newError",
      error: { id: 77 },
    });

    const second = await start();
    await waitFor(
      "the delivery after restart",
      () => receiver.requests.length >= 2,
      30_000,
      () => output,
    );
    // Claimed again only once the killed process's lease had passed.
    expect(
      (receiver.requests[1]?.at as number) - (receiver.requests[0]?.at as number),
    ).toBeGreaterThanOrEqual(LEASE_SECONDS * 1000 - 100);
    // Two more loop periods and a lease: nothing else comes.
    await new Promise((resolve) => setTimeout(resolve, 4_000 + LEASE_SECONDS * 1000));
    await second.stop();
    expect(receiver.requests).toHaveLength(2);
    expect(receiver.requests[1]?.headers["x-error-central-delivery"]).toBe(String(id));
    expect(receiver.requests[1]?.body).toContain('"id":77');

    const { row, logged } = await readDelivery(id);
    // The killed attempt left no outcome; the one after the restart is the one recorded.
    expect(row).toMatchObject({ status: "delivered", attempts: 1, lastError: null });
    expect(logged).toHaveLength(1);
    expect(logged[0]?.statusCode).toBe(200);
    expect(Date.now() - killedAt).toBeLessThan(60_000);
  });

  it("killed after the outbox row was written, before sending: delivered once after restart", async () => {
    const receiver = await startReceiver();
    receivers.push(receiver);
    // A running server dies at once; the change that fired the rule had committed its outbox row.
    const server = await start();
    await kill(server);
    const id = await writeOutbox(`${receiver.url}/hook`);
    expect(receiver.requests).toHaveLength(0);

    const restarted = await start();
    await waitFor(
      "the delivery after restart",
      () => receiver.requests.length >= 1,
      30_000,
      () => output,
    );
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    await restarted.stop();
    expect(receiver.requests).toHaveLength(1);
    const { row, logged } = await readDelivery(id);
    expect(row).toMatchObject({ status: "delivered", attempts: 1 });
    expect(logged).toHaveLength(1);
  });
});
