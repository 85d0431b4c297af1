import { describe, expect, it } from "vitest";
import { listJsonFixtures, readJsonFixture } from "@/tests/support/fixtures";
import { api, signUp } from "../support/api";
import { allErrors, envelope, eventEnvelope, postEnvelope, postStore } from "../support/sentry";

const names = listJsonFixtures("sentry-events");
const expected = (name: string) =>
  readJsonFixture(`sentry-events/expected/${name}.json`) as { title: string; culprit?: string };
const fixture = (name: string) =>
  readJsonFixture(`sentry-events/${name}.json`) as Record<string, unknown>;

describe("real SDK events from the fixtures", () => {
  it("has fixtures to test with", () => {
    expect(names.length).toBeGreaterThanOrEqual(10);
  });

  it.each(names)("%s through /store/ gets Sentry's title", async (name) => {
    const account = await signUp();
    const res = await postStore(account, fixture(name));
    expect(res.status, res.text).toBe(200);
    expect(res.body.id).toMatch(/^[0-9a-f]{32}$/);
    const errors = await allErrors(account);
    expect(errors.map((e) => e.title)).toEqual([expected(name).title]);
  });

  it.each(names)("%s wrapped in an envelope gets Sentry's title", async (name) => {
    const account = await signUp();
    const event = fixture(name);
    const res = await postEnvelope(
      account,
      eventEnvelope(event, { withLength: name.length % 2 === 0 }),
    );
    expect(res.status, res.text).toBe(200);
    const [error] = await allErrors(account);
    expect(error?.title).toBe(expected(name).title);
    const detail = await api(`/api/errors/${error?.id}`, { token: account.token });
    expect(detail.body.latestEvent.payload).toMatchObject({
      event_id: event.event_id ?? expect.anything(),
    });
  });

  it("stores both fixture envelopes", async () => {
    const account = await signUp();
    for (const name of listJsonFixtures("sentry-envelopes")) {
      const parts = readJsonFixture(`sentry-envelopes/${name}.json`) as object[];
      const res = await postEnvelope(account, parts.map((part) => JSON.stringify(part)).join("\n"));
      expect(res.status, `${name}: ${res.text}`).toBe(200);
    }
    const errors = await allErrors(account);
    expect(errors.map((e) => e.title).sort()).toEqual([
      'EvalError: MDN says "EvalError is not used in the current ECMAScript specification and will thus not be thro...',
      "Page not found!",
    ]);
    // The envelope header names "dev"; the event itself carries no environment.
    expect(errors.find((e) => e.title === "Page not found!")).toMatchObject({ level: "info" });
  });

  it("counts a repeated event_id once", async () => {
    const account = await signUp();
    const event = fixture("python_zero_division");
    expect((await postStore(account, event)).status).toBe(200);
    expect((await postEnvelope(account, eventEnvelope(event))).status).toBe(200);
    const errors = await allErrors(account);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.count).toBe(1);
  });

  it("groups two occurrences of the same exception and keeps level, environment and release", async () => {
    const account = await signUp();
    const event = fixture("python_zero_division");
    const again = {
      ...event,
      event_id: `${"0".repeat(31)}1`,
      environment: "homolog",
      release: "web@1.2.3",
    };
    expect(
      (await postStore(account, { ...event, environment: "homolog", release: "web@1.2.3" })).status,
    ).toBe(200);
    expect((await postStore(account, again)).status).toBe(200);
    const errors = await allErrors(account);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ count: 2, environment: "staging", level: "error" });
    const events = await api(`/api/errors/${errors[0]?.id}/events`, { token: account.token });
    expect(events.body.items.map((e: { release: string }) => e.release)).toEqual([
      "web@1.2.3",
      "web@1.2.3",
    ]);
  });

  it("skips item types it does not store", async () => {
    const account = await signUp();
    const event = fixture("small_js_error");
    const attachment = new Uint8Array([0, 1, 2, 10, 10, 255, 10]);
    const body = envelope({ event_id: event.event_id }, [
      { header: { type: "session" }, payload: JSON.stringify({ sid: "x", status: "ok" }) },
      {
        header: { type: "attachment", length: attachment.length, filename: "a.bin" },
        payload: attachment,
      },
      { header: { type: "client_report" }, payload: "{}" },
      { header: { type: "event" }, payload: JSON.stringify(event) },
      { header: { type: "transaction" }, payload: JSON.stringify({ type: "transaction" }) },
      { header: { type: "check_in" }, payload: "" },
    ]);
    const res = await postEnvelope(account, body);
    expect(res.status, res.text).toBe(200);
    expect(await allErrors(account)).toHaveLength(1);
  });
});
