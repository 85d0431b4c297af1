import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Invalid } from "@/lib/domain-errors";
import { render, type Text } from "@/lib/i18n/server-messages";
import { type Receiver, startReceiver } from "@/tests/support/receivers";
import { assertSafeWebhookUrl, ipv6Bytes, nonPublicReason, postWebhook } from "./outbound";

const json = { body: '{"hello":"world"}', headers: { "Content-Type": "application/json" } };

/** A result's error as the delivery log shows it, in English or Portuguese. */
const english = (text: Text | null) => (text === null ? null : render(text));
const portuguese = (text: Text | null) => (text === null ? null : render(text, "pt-BR"));

async function refusal(url: string, options: Parameters<typeof assertSafeWebhookUrl>[1] = {}) {
  try {
    await assertSafeWebhookUrl(url, { allowPrivate: false, ...options });
  } catch (error) {
    expect(error).toBeInstanceOf(Invalid);
    expect((error as Invalid).code).toBe("invalid_webhook_url");
    return (error as Error).message;
  }
  throw new Error(`${url} was accepted`);
}

describe("which addresses are public", () => {
  it.each([
    ["127.0.0.1", "loopback"],
    ["127.255.0.9", "loopback"],
    ["10.1.2.3", "private"],
    ["172.16.0.1", "private"],
    ["172.31.255.255", "private"],
    ["192.168.1.10", "private"],
    ["169.254.169.254", "link-local"],
    ["100.64.0.1", "shared (carrier-grade NAT)"],
    ["100.127.255.255", "shared (carrier-grade NAT)"],
    ["0.0.0.0", "unspecified ('this network')"],
    ["224.0.0.251", "multicast"],
    ["255.255.255.255", "reserved (broadcast and future use)"],
    ["::1", "loopback"],
    ["::", "unspecified"],
    ["fc00::1", "private (unique local)"],
    ["fd12:3456::1", "private (unique local)"],
    ["fe80::1", "link-local"],
    ["fe80::1%eth0", "link-local"],
    ["ff02::1", "multicast"],
    ["::ffff:127.0.0.1", "loopback (IPv4-mapped)"],
    ["::ffff:7f00:1", "loopback (IPv4-mapped)"],
    ["::ffff:10.0.0.1", "private (IPv4-mapped)"],
    ["::ffff:169.254.169.254", "link-local (IPv4-mapped)"],
    ["::127.0.0.1", "loopback (IPv4-compatible)"],
    ["64:ff9b::a00:1", "private (NAT64)"],
    ["2002:7f00:1::", "loopback (6to4)"],
    ["2001:db8::1", "reserved (documentation)"],
  ])("%s is %s", (address, reason) => {
    expect(nonPublicReason(address)).toBe(reason);
  });

  it.each([
    "8.8.8.8",
    "1.1.1.1",
    "172.32.0.1",
    "100.128.0.1",
    "2606:4700:4700::1111",
    "::ffff:8.8.8.8",
    "2002:808:808::",
  ])("%s is public", (address) => {
    expect(nonPublicReason(address)).toBeNull();
  });

  it("reads IPv6 in every spelling", () => {
    expect(ipv6Bytes("::1")).toEqual([...Array(15).fill(0), 1]);
    expect(ipv6Bytes("::ffff:1.2.3.4")?.slice(10)).toEqual([0xff, 0xff, 1, 2, 3, 4]);
    expect(ipv6Bytes("1:2:3:4:5:6:7:8")).toEqual([0, 1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 0, 7, 0, 8]);
    expect(ipv6Bytes("1::2::3")).toBeNull();
    expect(ipv6Bytes("1:2:3")).toBeNull();
  });
});

describe("assertSafeWebhookUrl", () => {
  it.each([
    ["http://127.0.0.1/hook", /127\.0\.0\.1 is a loopback address/],
    ["http://10.0.0.5:8080/hook", /10\.0\.0\.5 is a private address/],
    ["http://169.254.169.254/latest/meta-data/", /169\.254\.169\.254 is a link-local address/],
    ["http://[::1]:8080/", /::1 is a loopback address/],
    ["http://[::ffff:127.0.0.1]/", /is a loopback \(IPv4-mapped\) address/],
    ["http://[fd00::1]/", /private \(unique local\)/],
    ["http://100.64.1.1/", /carrier-grade NAT/],
    // The URL parser reads these as 127.0.0.1.
    ["http://127.1/", /127\.0\.0\.1 is a loopback address/],
    ["http://0x7f000001/", /127\.0\.0\.1 is a loopback address/],
    ["http://2130706433/", /127\.0\.0\.1 is a loopback address/],
    [
      "http://localhost:3000/hook",
      /^Refused: the host localhost does not resolve to public addresses only/,
    ],
    ["ftp://example.com/hook", /must start with https:\/\/ or http:\/\//],
    ["javascript:alert(1)", /must start with https:\/\/ or http:\/\//],
    ["file:///etc/passwd", /must start with https:\/\/ or http:\/\//],
    ["not a url", /not a valid URL/],
    ["https://user:secret@hooks.example.com/x", /must not carry a user name or password/],
  ])("refuses %s", async (url, message) => {
    const text = await refusal(url);
    expect(text).toMatch(message);
    if (/address/.test(text)) expect(text).toContain("ALLOW_PRIVATE_WEBHOOKS=true");
  });

  it("refuses a host with any non-public address among its answers (DNS rebinding)", async () => {
    const resolve = async () => [
      { address: "93.184.216.34", family: 4 },
      { address: "10.0.0.7", family: 4 },
    ];
    const message = await refusal("https://hooks.example.test/x", { resolve });
    expect(message).toBe(
      "Refused: the host hooks.example.test does not resolve to public addresses only " +
        "(ALLOW_PRIVATE_WEBHOOKS=true allows private addresses, for intranet installs).",
    );
    // What the host resolves to inside stays inside.
    expect(message).not.toContain("10.0.0.7");
  });

  it("says the same of a host that does not resolve: refusals do not map the private network", async () => {
    const resolve = async () => {
      throw Object.assign(new Error("not found"), { code: "ENOTFOUND" });
    };
    expect(await refusal("https://db.internal.test/", { resolve })).toBe(
      "Refused: the host db.internal.test does not resolve to public addresses only " +
        "(ALLOW_PRIVATE_WEBHOOKS=true allows private addresses, for intranet installs).",
    );
    // With private addresses allowed, a failed resolution is reported as such (before a send).
    const result = await postWebhook("http://nowhere.internal.test/", json, {
      allowPrivate: true,
      resolve,
    });
    expect(english(result.error)).toBe(
      "The host nowhere.internal.test does not resolve (ENOTFOUND).",
    );
    expect(portuguese(result.error)).toBe(
      "O host nowhere.internal.test não resolve para nenhum endereço (ENOTFOUND).",
    );
  });

  it("accepts a public host, and private ones when they are allowed", async () => {
    const resolve = async () => [{ address: "93.184.216.34", family: 4 }];
    await expect(
      assertSafeWebhookUrl("https://hooks.example.test/services/T0/B0/x", {
        allowPrivate: false,
        resolve,
      }),
    ).resolves.toBeUndefined();
    await expect(
      assertSafeWebhookUrl("http://127.0.0.1:9/x", { allowPrivate: true }),
    ).resolves.toBeUndefined();
    await expect(
      assertSafeWebhookUrl("http://[::1]/x", { allowPrivate: true }),
    ).resolves.toBeUndefined();
    // Allowed private addresses leave nothing to check: the host is not even resolved.
    const unresolvable = async () => {
      throw Object.assign(new Error("not found"), { code: "ENOTFOUND" });
    };
    await expect(
      assertSafeWebhookUrl("https://hooks.slack.com/services/T0/B0/x", {
        allowPrivate: true,
        resolve: unresolvable,
      }),
    ).resolves.toBeUndefined();
    // The scheme and credentials rules still hold.
    await expect(assertSafeWebhookUrl("ftp://intranet/x", { allowPrivate: true })).rejects.toThrow(
      /https:\/\//,
    );
  });
});

describe("postWebhook", () => {
  let ok: Receiver;
  let failing: Receiver;
  let redirecting: Receiver;
  let hanging: Receiver;
  beforeAll(async () => {
    ok = await startReceiver();
    failing = await startReceiver(() => ({ status: 503, body: "upstream\nis down" }));
    redirecting = await startReceiver(() => ({
      status: 302,
      headers: { location: `${ok.url}/landed` },
    }));
    hanging = await startReceiver(() => "hang");
  });
  afterAll(async () => {
    await Promise.all([ok, failing, redirecting, hanging].map((r) => r?.close()));
  });

  it("refuses a private address without sending anything", async () => {
    const before = ok.requests.length;
    const result = await postWebhook(`${ok.url}/hook`, json, { allowPrivate: false });
    expect(result).toMatchObject({ ok: false, statusCode: null });
    expect(english(result.error)).toMatch(/127\.0\.0\.1 is a loopback address/);
    expect(portuguese(result.error)).toMatch(/127\.0\.0\.1 é um endereço de loopback/);
    expect(ok.requests.length).toBe(before);
  });

  it("posts the body with its headers when allowed, and reports the 2xx", async () => {
    const result = await postWebhook(`${ok.url}/hook?x=1`, json, { allowPrivate: true });
    expect(result).toMatchObject({ ok: true, statusCode: 200, error: null });
    const request = ok.requests.at(-1);
    expect(request).toMatchObject({ method: "POST", path: "/hook?x=1", body: '{"hello":"world"}' });
    expect(request?.headers["content-type"]).toBe("application/json");
    expect(request?.headers["user-agent"]).toBe("ErrorCentral-Alerts/1");
    expect(request?.headers["content-length"]).toBe("17");
  });

  it("connects to the address it checked, keeping the URL's host name (pinned)", async () => {
    let lookups = 0;
    const resolve = async () => {
      lookups++;
      return [{ address: "127.0.0.1", family: 4 }];
    };
    const result = await postWebhook(`http://hooks.example.test:${ok.port}/pinned`, json, {
      allowPrivate: true,
      resolve,
    });
    expect(result.ok).toBe(true);
    expect(lookups).toBe(1);
    expect(ok.requests.at(-1)?.headers.host).toBe(`hooks.example.test:${ok.port}`);
  });

  it("reports an error status with the start of its body", async () => {
    const result = await postWebhook(failing.url, json, { allowPrivate: true });
    expect(result).toMatchObject({
      ok: false,
      statusCode: 503,
      error: "HTTP 503: upstream is down",
    });
  });

  it("does not follow a redirect", async () => {
    const before = ok.requests.length;
    const result = await postWebhook(redirecting.url, json, { allowPrivate: true });
    expect(result.ok).toBe(false);
    expect(result.statusCode).toBe(302);
    expect(english(result.error)).toMatch(
      /^redirect \(302 to http:\/\/127\.0\.0\.1:\d+\/landed\) not followed/,
    );
    expect(portuguese(result.error)).toMatch(
      /^redirecionamento \(302 para http:\/\/127\.0\.0\.1:\d+\/landed\) não seguido/,
    );
    expect(ok.requests.length).toBe(before);
  });

  it("gives up after the timeout", async () => {
    const result = await postWebhook(hanging.url, json, { allowPrivate: true, timeoutMs: 300 });
    expect(result).toMatchObject({ ok: false, statusCode: null });
    expect(english(result.error)).toBe("timed out after 0.3 s");
    expect(portuguese(result.error)).toBe("sem resposta após 0,3 s");
    expect(result.durationMs).toBeGreaterThanOrEqual(290);
    expect(result.durationMs).toBeLessThan(2000);
  });

  it("reads at most 64 KiB of an answer that never ends", async () => {
    let written = 0;
    const endless = createServer((_req, res) => {
      res.writeHead(200, { "content-type": "text/plain" });
      const chunk = Buffer.alloc(16 * 1024, 120);
      const timer = setInterval(() => {
        if (res.destroyed) return clearInterval(timer);
        written += chunk.length;
        res.write(chunk);
      }, 1);
      res.on("close", () => clearInterval(timer));
    });
    await new Promise<void>((resolve) => endless.listen(0, "127.0.0.1", resolve));
    try {
      const port = (endless.address() as AddressInfo).port;
      const result = await postWebhook(`http://127.0.0.1:${port}/`, json, { allowPrivate: true });
      expect(result).toMatchObject({ ok: true, statusCode: 200 });
      expect(result.durationMs).toBeLessThan(4000);
      expect(written).toBeLessThan(10 * 1024 * 1024);
    } finally {
      endless.closeAllConnections();
      await new Promise((resolve) => endless.close(resolve));
    }
  });

  it("reports a refused connection", async () => {
    const closed = await startReceiver();
    const url = closed.url;
    await closed.close();
    const result = await postWebhook(url, json, { allowPrivate: true });
    expect(result.ok).toBe(false);
    expect(result.error).toMatch(/ECONNREFUSED/);
  });
});
