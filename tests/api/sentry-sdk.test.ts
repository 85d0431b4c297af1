import * as Sentry from "@sentry/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, signUp, type TestAccount } from "../support/api";
import { allErrors } from "../support/sentry";

// The real @sentry/node SDK, configured with nothing but our DSN, reporting to the test server.
describe("@sentry/node against Error Central", () => {
  let account: TestAccount;
  beforeAll(async () => {
    account = await signUp();
    Sentry.init({
      dsn: account.project.dsn,
      environment: "homologação",
      release: "shop@2.0.0",
      serverName: "checkout-api",
      tracesSampleRate: 0,
    });
  });
  afterAll(async () => {
    await Sentry.close(2000);
  });

  function placeOrder(orderId: number) {
    throw new TypeError(
      `Cannot read properties of undefined (reading 'total') in order ${orderId}`,
    );
  }

  it("reports an exception with its stack, level, environment and release", async () => {
    try {
      placeOrder(81723);
    } catch (error) {
      Sentry.captureException(error);
    }
    expect(await Sentry.flush(5000)).toBe(true);
    const errors = await allErrors(account);
    const error = errors.find((e) => e.title.startsWith("TypeError"));
    expect(error).toMatchObject({
      title: "TypeError: Cannot read properties of undefined (reading 'total') in order 81723",
      level: "error",
      environment: "staging",
      origin: "checkout-api",
    });
    const detail = await api(`/api/errors/${error?.id}`, { token: account.token });
    expect(detail.body.latestEvent.release).toBe("shop@2.0.0");
    const frames = detail.body.latestEvent.payload.exception.values[0].stacktrace.frames;
    expect(frames.map((f: { function?: string }) => f.function)).toContain("placeOrder");
    expect(detail.body.details).toContain("placeOrder");
    expect(detail.body.collectedBy).toMatchObject({
      email: account.email,
      tokenName: "Default ingest key",
    });
  });

  it("reports a message at its level", async () => {
    Sentry.captureMessage("Queue is backing up", "warning");
    expect(await Sentry.flush(5000)).toBe(true);
    const error = (await allErrors(account)).find((e) => e.title === "Queue is backing up");
    expect(error).toMatchObject({ level: "warning", environment: "staging", count: 1 });
  });

  it("groups repeats of one exception site and counts them", async () => {
    for (const id of [1, 2, 3]) {
      try {
        placeOrder(id);
      } catch (error) {
        Sentry.captureException(error);
      }
    }
    expect(await Sentry.flush(5000)).toBe(true);
    const typeErrors = (await allErrors(account)).filter((e) => e.title.startsWith("TypeError"));
    // Same type and same in-app frames: one error, whatever the order id in the message. The
    // first test's event came through another caller (another in-app frame): its own error.
    expect(typeErrors.map((e) => e.count).sort()).toEqual([1, 3]);
  });

  it("delivers an event over 32 KiB, which the SDK compresses", async () => {
    Sentry.withScope((scope) => {
      scope.setExtra("cart", "item-".repeat(10_000));
      Sentry.captureMessage("Large cart could not be saved", "error");
    });
    expect(await Sentry.flush(5000)).toBe(true);
    const error = (await allErrors(account)).find(
      (e) => e.title === "Large cart could not be saved",
    );
    expect(error).toBeDefined();
    const detail = await api(`/api/errors/${error?.id}`, { token: account.token });
    expect(JSON.stringify(detail.body.latestEvent.payload).length).toBeGreaterThan(32 * 1024);
  });
});
