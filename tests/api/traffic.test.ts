import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { api, BASE_URL, signUp } from "../support/api";
import { allErrors } from "../support/sentry";

describe("the demo traffic generator", () => {
  it("sends native and Sentry SDK events that arrive grouped", async () => {
    const account = await signUp();
    const child = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        "scripts/demo/traffic.ts",
        "--url",
        BASE_URL,
        "--token",
        account.project.ingestKey.key,
        "--dsn",
        account.project.dsn,
        "--rate",
        "20",
        "--duration",
        "3",
        "--quiet",
      ],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    let output = "";
    child.stdout.on("data", (chunk) => {
      output += chunk;
    });
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    expect(code, output).toBe(0);
    const sent = Number(/(\d+) events sent/.exec(output)?.[1]);
    expect(sent).toBeGreaterThanOrEqual(40);

    const errors = await allErrors(account);
    const total = errors.reduce((sum, e) => sum + e.count, 0);
    expect(total).toBe(sent);
    // Grouped: far fewer errors than events, several levels, and the SDK's exceptions among them.
    expect(errors.length).toBeLessThan(sent / 2);
    expect(new Set(errors.map((e) => e.level)).size).toBeGreaterThanOrEqual(3);
    expect(
      errors.some((e) =>
        e.title.startsWith("TypeError: Cannot read properties of undefined (reading 'items')"),
      ),
    ).toBe(true);
    const production = await api("/api/errors", { token: account.token });
    expect(production.body.items.length).toBeGreaterThan(0);
  }, 30_000);
});
