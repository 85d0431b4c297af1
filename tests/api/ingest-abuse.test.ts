import { deflateSync, gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { api, BASE_URL, signUp, type TestAccount } from "../support/api";
import { allErrors, envelope, postEnvelope, sentryAuth, storeUrl } from "../support/sentry";

// Issue 13: an ingest key is public (it ships in browser bundles), so whatever it lets a request
// cost, anyone can make the server pay. Each request here is answered quickly and stores at
// most one event, and the server keeps answering /api/health meanwhile.

/** Runs `request` while polling /api/health; returns its answer, its time, the slowest probe. */
async function whileProbingHealth<T>(request: () => Promise<T>) {
  let stop = false;
  let slowestProbe = 0;
  let probes = 0;
  const prober = (async () => {
    while (!stop) {
      const started = performance.now();
      const res = await fetch(`${BASE_URL}/api/health`, { signal: AbortSignal.timeout(30_000) });
      await res.text();
      expect(res.status).toBe(200);
      slowestProbe = Math.max(slowestProbe, performance.now() - started);
      probes += 1;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  const started = performance.now();
  const result = await request();
  const ms = performance.now() - started;
  stop = true;
  await prober;
  return { result, ms, slowestProbe, probes };
}

const storeHeaders = (account: TestAccount, extra: Record<string, string> = {}) => ({
  "content-type": "application/json",
  "x-sentry-auth": sentryAuth(account.project.ingestKey.key),
  ...extra,
});

describe("no request costs more than linear time", () => {
  it("answers a 237-byte gzip body of '%(' × 80,000 quickly while /api/health keeps answering", async () => {
    const account = await signUp();
    const body = gzipSync(
      JSON.stringify({ logentry: { message: "%(".repeat(80_000), params: [] } }),
      { level: 9 },
    );
    expect(body.byteLength).toBeLessThan(300);
    const { result, ms, slowestProbe, probes } = await whileProbingHealth(() =>
      api(storeUrl(account), {
        method: "POST",
        body,
        headers: storeHeaders(account, { "content-encoding": "gzip" }),
      }),
    );
    // Before the fix: 24 s, and /api/health waited as long. Now a few milliseconds.
    expect(result.status, result.text).toBe(200);
    expect(ms).toBeLessThan(5000);
    expect(probes).toBeGreaterThan(0);
    expect(slowestProbe).toBeLessThan(5000);
    const [error] = await allErrors(account);
    expect(error?.title.startsWith("%(%(")).toBe(true);
  });
});

describe("one request stores a bounded number of events", () => {
  const eventPayload = (message: string) => JSON.stringify({ message, level: "error" });

  it("refuses an envelope of many events quickly: 413 past 4 MiB (350,000 events in 54 KB of gzip), 400 below", async () => {
    const account = await signUp();
    const item = `{"type":"event"}\n${eventPayload("x")}\n`;
    const body = gzipSync(`{}\n${item.repeat(350_000)}`, { level: 9 });
    const { result, ms, slowestProbe } = await whileProbingHealth(() =>
      postEnvelope(account, body, { "content-encoding": "gzip" }),
    );
    // Before: 100 s, a 500, and the process grew by 2 GB. The unpacked body is 4 MiB at most now.
    expect(ms).toBeLessThan(5000);
    expect(slowestProbe).toBeLessThan(5000);
    expect(result.status, result.text).toBe(413);
    expect(result.body.error.code).toBe("body_too_large");

    // 80,000 events fit in 4 MiB: refused whole, as Relay drops an envelope with duplicates.
    const fits = gzipSync(`{}\n${item.repeat(80_000)}`, { level: 9 });
    const started = performance.now();
    const refused = await postEnvelope(account, fits, { "content-encoding": "gzip" });
    expect(performance.now() - started).toBeLessThan(5000);
    expect(refused.status, refused.text).toBe(400);
    expect(refused.body.error.code).toBe("invalid_envelope");
    expect(await allErrors(account)).toHaveLength(0);
  });

  it("refuses a second event item with a 400 and stores nothing", async () => {
    const account = await signUp();
    const two = envelope({}, [
      { header: { type: "event" }, payload: eventPayload("first") },
      { header: { type: "event" }, payload: eventPayload("second") },
    ]);
    const res = await postEnvelope(account, two);
    expect(res.status, res.text).toBe(400);
    expect(res.body.error.code).toBe("invalid_envelope");
    expect(res.headers.get("x-sentry-error")).toMatch(/one event/);
    expect(await allErrors(account)).toHaveLength(0);
  });

  it("stores the one event of an envelope and drops the other items without error", async () => {
    const account = await signUp();
    const attachment = Buffer.from([0, 1, 2, 10, 13, 255, 10]);
    const body = envelope({ event_id: "a".repeat(32), sent_at: new Date().toISOString() }, [
      { header: { type: "session" }, payload: JSON.stringify({ sid: "s", status: "ok" }) },
      {
        header: { type: "attachment", length: attachment.length, filename: "screen.png" },
        payload: attachment,
      },
      { header: { type: "event" }, payload: eventPayload("the only event") },
      { header: { type: "client_report" }, payload: JSON.stringify({ discarded_events: [] }) },
      { header: { type: "transaction" }, payload: "{}" },
      { header: { type: "profile" }, payload: "{}" },
      { header: { type: "replay_recording", length: 3 }, payload: "abc" },
    ]);
    const res = await postEnvelope(account, body);
    expect(res.status, res.text).toBe(200);
    const errors = await allErrors(account);
    expect(errors.map((e) => [e.title, e.count])).toEqual([["the only event", 1]]);

    // An envelope with no event at all (sessions only) is fine too, and stores nothing.
    const sessions = envelope({}, [
      { header: { type: "session" }, payload: "{}" },
      { header: { type: "transaction" }, payload: "{}" },
    ]);
    expect((await postEnvelope(account, sessions)).status).toBe(200);
    expect((await allErrors(account))[0]?.count).toBe(1);
  });

  it("refuses an envelope of more than 1,000 items (400), quickly", async () => {
    const account = await signUp();
    const body = gzipSync(`{}\n${'{"type":"session"}\n{}\n'.repeat(190_000)}`);
    const { result, ms } = await whileProbingHealth(() =>
      postEnvelope(account, body, { "content-encoding": "gzip" }),
    );
    // Before: 190,000 session headers parsed, 3 s of CPU on this machine.
    expect(result.status, result.text).toBe(400);
    expect(result.headers.get("x-sentry-error")).toMatch(/at most 1000 items/);
    expect(ms).toBeLessThan(2000);
  });

  it("answers 413 for an envelope over 4 MiB decompressed, even when its event is small", async () => {
    const account = await signUp();
    const padding = Buffer.alloc(4 * 1024 * 1024, "a");
    const body = envelope({}, [
      { header: { type: "event" }, payload: eventPayload("with a big attachment") },
      { header: { type: "attachment", length: padding.length }, payload: padding },
    ]);
    for (const [wire, headers] of [
      [body, {}],
      [gzipSync(body), { "content-encoding": "gzip" }],
    ] as const) {
      const res = await postEnvelope(account, wire, headers);
      expect(res.status, res.text).toBe(413);
      expect(res.body.error.code).toBe("body_too_large");
    }
    // Just under the cap is accepted.
    const fits = envelope({}, [
      { header: { type: "event" }, payload: eventPayload("fits") },
      {
        header: { type: "attachment", length: 3 * 1024 * 1024 },
        payload: padding.subarray(0, 3 * 1024 * 1024),
      },
    ]);
    const res = await postEnvelope(account, gzipSync(fits), { "content-encoding": "gzip" });
    expect(res.status, res.text).toBe(200);
    expect((await allErrors(account)).map((e) => e.title)).toEqual(["fits"]);
  });
});

describe("legacy Sentry clients (raven-*) on /store/", () => {
  const event = (message: string) =>
    JSON.stringify({
      event_id: crypto.randomUUID().replaceAll("-", ""),
      message,
      level: "error",
      platform: "python",
      timestamp: new Date().toISOString().slice(0, 19),
    });
  const post = (account: TestAccount, body: Buffer | string, headers: Record<string, string>) =>
    api(storeUrl(account), {
      method: "POST",
      body,
      headers: { "content-type": "application/octet-stream", ...headers },
    });

  it("accepts base64(zlib(json)), plain zlib and base64(json), with the auth headers raven clients send", async () => {
    const account = await signUp();
    const key = account.project.ingestKey.key;
    const cases: [string, Buffer | string, Record<string, string>][] = [
      [
        // raven-python 5 / raven-php: base64(zlib), X-Sentry-Auth with sentry_secret.
        "raven-python",
        deflateSync(event("raven-python")).toString("base64"),
        {
          "x-sentry-auth": `Sentry sentry_timestamp=1700000000, sentry_client=raven-python/5.32.0, sentry_version=6, sentry_key=${key}, sentry_secret=unused`,
          "user-agent": "raven-python/5.32.0",
        },
      ],
      [
        // raven-ruby: Base64.strict_encode64(Zlib::Deflate.deflate(json)), quoted values.
        "raven-ruby",
        deflateSync(event("raven-ruby")).toString("base64"),
        {
          "x-sentry-auth": `Sentry sentry_version='5', sentry_client='raven-ruby/0.15.2',sentry_timestamp=1455616740, sentry_key=${key}, sentry_secret=unused`,
        },
      ],
      [
        // Ruby's Base64.encode64 breaks lines; some clients send Authorization: Sentry …
        "authorization header, broken lines",
        deflateSync(event("authorization header, broken lines"))
          .toString("base64")
          .replace(/(.{60})/g, "$1\n"),
        { authorization: `Sentry sentry_version=5, sentry_key=${key}` },
      ],
      ["plain zlib", deflateSync(event("plain zlib")), { "x-sentry-auth": sentryAuth(key) }],
      [
        "base64 json, key in the query",
        Buffer.from(event("base64 json, key in the query")).toString("base64"),
        {},
      ],
    ];
    for (const [name, body, headers] of cases) {
      const res =
        name === "base64 json, key in the query"
          ? await api(storeUrl(account, `?sentry_key=${key}&sentry_version=4`), {
              method: "POST",
              body,
              headers: { "content-type": "application/octet-stream" },
            })
          : await post(account, body, headers);
      expect(res.status, `${name}: ${res.text}`).toBe(200);
      expect(res.body.id).toMatch(/^[0-9a-f]{32}$/);
    }
    const titles = (await allErrors(account)).map((e) => e.title).sort();
    expect(titles).toEqual(cases.map(([name]) => name).sort());
  });

  it("refuses what is neither (400), a wrong key (401), and a zlib bomb (413)", async () => {
    const account = await signUp();
    const auth = { "x-sentry-auth": sentryAuth(account.project.ingestKey.key) };
    const garbage = await post(account, "this is not an event", auth);
    expect(garbage.status).toBe(400);
    expect(garbage.body.error.code).toBe("invalid_json");
    const wrongKey = await post(account, deflateSync(event("x")).toString("base64"), {
      "x-sentry-auth": sentryAuth("ec_ingest_not-a-real-key-0000000000000000"),
    });
    expect(wrongKey.status).toBe(401);
    const bomb = deflateSync(Buffer.alloc(64 * 1024 * 1024, " "));
    const started = performance.now();
    for (const body of [bomb, bomb.toString("base64")]) {
      const res = await post(account, body, auth);
      expect(res.status, res.text).toBe(413);
    }
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(await allErrors(account)).toHaveLength(0);
  });
});
