import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { readJsonFixture } from "@/tests/support/fixtures";
import { api, signUp } from "../support/api";
import {
  allErrors,
  envelope,
  envelopeUrl,
  eventEnvelope,
  postEnvelope,
  postStore,
  sentryAuth,
  storeUrl,
} from "../support/sentry";

const event = () => ({
  ...(readJsonFixture("sentry-events/python_zero_division.json") as Record<string, unknown>),
});

describe("Sentry authentication", () => {
  it("accepts the key in X-Sentry-Auth, in sentry_key, or in the envelope's dsn", async () => {
    const account = await signUp();
    const key = account.project.ingestKey.key;
    const viaQuery = await api(storeUrl(account, `?sentry_key=${key}&sentry_version=7`), {
      method: "POST",
      body: JSON.stringify({ ...event(), event_id: "a".repeat(32) }),
      headers: { "content-type": "text/plain;charset=UTF-8" },
    });
    expect(viaQuery.status, viaQuery.text).toBe(200);
    const viaDsn = await api(envelopeUrl(account), {
      method: "POST",
      body: eventEnvelope({ ...event(), event_id: "b".repeat(32) }, { dsn: account.project.dsn }),
    });
    expect(viaDsn.status, viaDsn.text).toBe(200);
    expect(viaDsn.body).toEqual({ id: "b".repeat(32) });
    expect((await allErrors(account))[0]?.count).toBe(2);
  });

  it("refuses no key (401), a key of another project (403), a revoked key (401), a personal token (401)", async () => {
    const account = await signUp();
    const other = await signUp();
    const none = await api(storeUrl(account), { method: "POST", body: JSON.stringify(event()) });
    expect(none.status).toBe(401);
    expect(none.headers.get("x-sentry-error")).toMatch(/sentry_key/);
    const foreign = await postStore(account, event(), {
      headers: { "x-sentry-auth": sentryAuth(other.project.ingestKey.key) },
    });
    expect(foreign.status).toBe(403);
    const personal = await postStore(account, event(), {
      headers: { "x-sentry-auth": sentryAuth(account.token) },
    });
    expect(personal.status).toBe(401);
    const revoke = await api(
      `/api/projects/${account.project.id}/keys/${account.project.ingestKey.id}`,
      { method: "DELETE", token: account.token },
    );
    expect(revoke.status).toBe(204);
    expect((await postStore(account, event())).status).toBe(401);
    expect(await allErrors(account)).toHaveLength(0);
    expect(await allErrors(other)).toHaveLength(0);
  });

  it("answers 404 for a project id that cannot exist", async () => {
    const account = await signUp();
    const res = await api("/api/not-a-number/store/", {
      method: "POST",
      body: "{}",
      headers: { "x-sentry-auth": sentryAuth(account.project.ingestKey.key) },
    });
    expect(res.status).toBe(404);
  });
});

describe("encodings and limits", () => {
  const compressions: [string, (b: Buffer) => Buffer][] = [
    ["gzip", gzipSync],
    ["deflate", deflateSync],
    ["deflate", deflateRawSync],
    ["br", brotliCompressSync],
    ["identity", (b) => b],
  ];
  it.each(compressions)("accepts Content-Encoding %s", async (encoding, compress) => {
    const account = await signUp();
    const res = await postEnvelope(account, compress(eventEnvelope(event())), {
      "content-encoding": encoding,
    });
    expect(res.status, res.text).toBe(200);
    expect(await allErrors(account)).toHaveLength(1);
  });

  it("refuses a body that says gzip and is not (400), an unknown encoding (415), a form (415)", async () => {
    const account = await signUp();
    expect(
      (await postEnvelope(account, eventEnvelope(event()), { "content-encoding": "gzip" })).status,
    ).toBe(400);
    expect(
      (await postEnvelope(account, eventEnvelope(event()), { "content-encoding": "compress" }))
        .status,
    ).toBe(415);
    expect(
      (
        await postEnvelope(account, eventEnvelope(event()), {
          "content-type": "multipart/form-data; boundary=x",
        })
      ).status,
    ).toBe(415);
    expect(await allErrors(account)).toHaveLength(0);
  });

  it("answers 413 for an event over 1 MiB and for a compressed bomb, quickly", async () => {
    const account = await signUp();
    const big = { ...event(), extra: { blob: "x".repeat(1024 * 1024 + 10) } };
    expect((await postStore(account, big, { gzip: true })).status).toBe(413);
    expect(
      (await postEnvelope(account, gzipSync(eventEnvelope(big)), { "content-encoding": "gzip" }))
        .status,
    ).toBe(413);
    const bomb = gzipSync(Buffer.alloc(200 * 1024 * 1024));
    const started = Date.now();
    const res = await postEnvelope(account, bomb, { "content-encoding": "gzip" });
    expect(res.status).toBe(413);
    expect(Date.now() - started).toBeLessThan(5000);
    expect((await api("/api/health")).status).toBe(200);
    expect(await allErrors(account)).toHaveLength(0);
  });
});

describe("malformed envelopes", () => {
  const header = JSON.stringify({ event_id: "c".repeat(32) });
  const payload = JSON.stringify(event());
  it.each([
    ["an empty body", ""],
    ["a non-JSON header", `not json\n{"type":"event"}\n${payload}`],
    ["a non-JSON item header", `${header}\n{type: event}\n${payload}`],
    [
      "a length past the end",
      `${header}\n{"type":"event","length":${payload.length + 50}}\n${payload}`,
    ],
    ["a truncated payload", `${header}\n{"type":"event"}\n${payload.slice(0, 40)}`],
    ["an item without a type", `${header}\n{"length":2}\n{}`],
    ["a non-JSON event", `${header}\n{"type":"event"}\nthis is not json`],
  ])("answers 400 for %s and stores nothing", async (_label, body) => {
    const account = await signUp();
    const res = await postEnvelope(account, body);
    expect(res.status, res.text).toBe(400);
    expect(res.headers.get("x-sentry-error")).toBeTruthy();
    expect(await allErrors(account)).toHaveLength(0);
  });

  it("accepts an envelope with only a header, and items with and without length", async () => {
    const account = await signUp();
    expect((await postEnvelope(account, `${header}\n`)).status).toBe(200);
    const session = JSON.stringify({ sid: "d".repeat(32), status: "ok" });
    const body = envelope({}, [
      { header: { type: "event", length: Buffer.byteLength(payload) }, payload },
      { header: { type: "session" }, payload: session },
    ]);
    expect((await postEnvelope(account, body)).status).toBe(200);
    const reversed = envelope({}, [
      { header: { type: "session", length: Buffer.byteLength(session) }, payload: session },
      {
        header: { type: "event" },
        payload: JSON.stringify({ ...event(), event_id: "d".repeat(32) }),
      },
    ]);
    expect((await postEnvelope(account, reversed)).status).toBe(200);
    expect((await allErrors(account))[0]?.count).toBe(2);
  });
});

describe("browser SDKs", () => {
  it("answers the CORS preflight and puts CORS headers on answers", async () => {
    const account = await signUp();
    const preflight = await api(envelopeUrl(account), {
      method: "OPTIONS",
      headers: {
        origin: "https://shop.example",
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type",
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
    expect(preflight.headers.get("access-control-allow-methods")).toContain("POST");
    const res = await api(
      envelopeUrl(account, `?sentry_key=${account.project.ingestKey.key}&sentry_version=7`),
      {
        method: "POST",
        body: eventEnvelope(
          readJsonFixture("sentry-events/small_js_error.json") as Record<string, unknown>,
        ),
        headers: { "content-type": "text/plain;charset=UTF-8", origin: "https://shop.example" },
      },
    );
    expect(res.status, res.text).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
  });
});
