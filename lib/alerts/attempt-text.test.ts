import { describe, expect, it } from "vitest";
import { message } from "@/lib/i18n/server-messages";
import { readAttemptText, storedAttemptText } from "./attempt-text";

describe("an attempt's error as the log keeps it", () => {
  it("keeps a receiver's or the system's text as it came, in every language", () => {
    for (const text of ["HTTP 502: bad gateway", "SMTP: 421 try again later", "ECONNREFUSED"]) {
      expect(storedAttemptText(text)).toBe(text);
      expect(readAttemptText(text, "pt-BR")).toBe(text);
    }
  });

  it("keeps one of ours as its key and values, written in the reader's language", () => {
    const stored = storedAttemptText(
      message("ServerWebhookUrl.addressNotPublic", {
        address: "10.0.0.5",
        reason: message("ServerWebhookUrl.ranges.private"),
      }),
    );
    expect(JSON.parse(stored)).toEqual({
      key: "ServerWebhookUrl.addressNotPublic",
      values: { address: "10.0.0.5", reason: { key: "ServerWebhookUrl.ranges.private" } },
    });
    expect(readAttemptText(stored)).toBe(
      "Refused: 10.0.0.5 is a private address, not a public one (ALLOW_PRIVATE_WEBHOOKS=true allows private addresses, for intranet installs).",
    );
    expect(readAttemptText(stored, "pt-BR")).toBe(
      "Recusada: 10.0.0.5 é um endereço privado, não um endereço público (ALLOW_PRIVATE_WEBHOOKS=true permite endereços privados, para instalações em intranet).",
    );
  });

  it("clips long values, so that the stored text stays whole JSON", () => {
    const stored = storedAttemptText(
      message("ServerAlertDelivery.couldNotSend", { reason: "x".repeat(5000) }),
    );
    expect(stored.length).toBeLessThan(2000);
    expect(readAttemptText(stored)).toBe(`could not send: ${"x".repeat(500)}`);
  });

  it("shows older rows, and anything that only looks like ours, as they are", () => {
    expect(readAttemptText(null)).toBeNull();
    expect(readAttemptText("timed out after 5 s", "pt-BR")).toBe("timed out after 5 s");
    for (const text of [
      '{"key":"ServerAlertDelivery.noUrl"',
      '{"key":"ServerAlertDelivery.noUrl","values":[{"a":true}]}',
      '{"key":"Server../../x"}',
    ]) {
      expect(readAttemptText(text, "pt-BR")).toBe(text);
    }
  });
});
