import { describe, expect, it } from "vitest";
import {
  FIRST_RUN_MAX_AGE_SECONDS,
  type FirstRunSecrets,
  openFirstRun,
  sealFirstRun,
} from "./first-run";

const authSecret = "a-test-secret-that-is-long-enough-0123456789";
const secrets: FirstRunSecrets = {
  userId: 42,
  project: { id: 7, name: "Ada's project", slug: "ada-x1" },
  ingestKey: { name: "Default ingest key", token: "ec_ingest_secret" },
  personalToken: { name: "Created at sign-up", token: "ec_personal_secret" },
};
const now = Date.UTC(2026, 0, 1);

describe("first-run secrets", () => {
  it("opens what it sealed, for the same user, before it expires", () => {
    const sealed = sealFirstRun(secrets, { authSecret, now });
    expect(openFirstRun(sealed, { authSecret, userId: 42, now: now + 1000 })).toEqual(secrets);
  });

  it("never shows the tokens in the sealed value", () => {
    const sealed = sealFirstRun(secrets, { authSecret, now });
    expect(sealed).not.toContain("secret");
    expect(Buffer.from(sealed, "base64url").toString("latin1")).not.toContain("ec_ingest");
    // A fresh IV each time: the same secrets never seal to the same value.
    expect(sealFirstRun(secrets, { authSecret, now })).not.toBe(sealed);
  });

  it("refuses another user, an expired value, another secret and a tampered value", () => {
    const sealed = sealFirstRun(secrets, { authSecret, now });
    expect(openFirstRun(sealed, { authSecret, userId: 43, now })).toBeNull();
    const expiry = now + FIRST_RUN_MAX_AGE_SECONDS * 1000;
    expect(openFirstRun(sealed, { authSecret, userId: 42, now: expiry - 1 })).not.toBeNull();
    expect(openFirstRun(sealed, { authSecret, userId: 42, now: expiry })).toBeNull();
    expect(openFirstRun(sealed, { authSecret: `${authSecret}x`, userId: 42, now })).toBeNull();

    const bytes = Buffer.from(sealed, "base64url");
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 1;
    expect(openFirstRun(bytes.toString("base64url"), { authSecret, userId: 42, now })).toBeNull();
  });

  it("refuses garbage without throwing", () => {
    for (const value of [
      undefined,
      "",
      "x",
      "!!!",
      "a".repeat(5000),
      "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
    ])
      expect(openFirstRun(value, { authSecret, userId: 42, now })).toBeNull();
  });
});
