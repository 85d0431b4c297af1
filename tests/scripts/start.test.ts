import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runScript } from "./run-script";

describe("npm start with a bad setting", () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "ec-start-"));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it.each([
    ["INGEST_WRITERS", "two"],
    ["LOGIN_FAILURES_PER_EMAIL", "10x"],
    ["DATABASE_POOL_MAX", "-1"],
  ])("exits at once, non-zero, naming %s=%s", async (name, value) => {
    const result = await runScript(
      "scripts/start.ts",
      [],
      {
        NODE_ENV: "production",
        // Were the check missing, the server would start (no build step, a free port) and
        // never exit: the 20 s kill below turns that into a failure, not a hang.
        SKIP_BUILD: "1",
        PORT: "4399",
        HOSTNAME: "127.0.0.1",
        DATABASE_URL: "",
        PGLITE_DIR: "",
        DATA_DIR: dataDir,
        [name]: value,
      },
      20_000,
    );
    expect(result.signal, result.output).toBeNull();
    expect(result.code, result.output).not.toBe(0);
    expect(result.output).toContain(`${name}: expected a whole number`);
    expect(result.output).toContain(JSON.stringify(value));
    expect(result.ms).toBeLessThan(15_000);
  });
});
