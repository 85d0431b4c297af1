import { describe, expect, it } from "vitest";
import {
  addressKey,
  normalizeAddress,
  requestClientAddress,
  resolveClientAddress,
} from "./client-address";
import { authLimitSettings } from "./limit-settings";

const trusted = (list: string) => authLimitSettings({ TRUSTED_PROXIES: list }).trustedProxies;
const headers = (values: Record<string, string>) => new Headers(values);

describe("the client address", () => {
  it("is the socket's peer when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(resolveClientAddress("203.0.113.9", "1.2.3.4", null)).toBe("203.0.113.9");
    expect(resolveClientAddress("::ffff:203.0.113.9", "1.2.3.4, 5.6.7.8", null)).toBe(
      "203.0.113.9",
    );
    expect(resolveClientAddress(undefined, "1.2.3.4", null)).toBe("unknown");
  });

  it("is the socket's peer when that peer is not a trusted proxy", () => {
    expect(resolveClientAddress("198.51.100.7", "1.2.3.4", trusted("10.0.0.0/8"))).toBe(
      "198.51.100.7",
    );
  });

  it("walks X-Forwarded-For from the right past trusted hops only", () => {
    const proxies = trusted("10.0.0.0/8, 192.0.2.1");
    // The client wrote "1.2.3.4"; the outer proxy appended what it saw (203.0.113.5).
    expect(resolveClientAddress("10.0.0.2", "1.2.3.4, 203.0.113.5, 192.0.2.1", proxies)).toBe(
      "203.0.113.5",
    );
    expect(resolveClientAddress("10.0.0.2", "", proxies)).toBe("10.0.0.2");
    expect(resolveClientAddress("10.0.0.2", undefined, proxies)).toBe("10.0.0.2");
    // Every hop trusted: the leftmost is the nearest to the client.
    expect(resolveClientAddress("10.0.0.2", "10.1.1.1", proxies)).toBe("10.1.1.1");
    // A malformed hop where a proxy's should be: stop at the last trusted one.
    expect(resolveClientAddress("10.0.0.2", "1.2.3.4, garbage", proxies)).toBe("10.0.0.2");
    expect(resolveClientAddress("10.0.0.2", ["1.2.3.4", "203.0.113.5"], proxies)).toBe(
      "203.0.113.5",
    );
  });

  it("is read by route handlers from server.ts's header only under server.ts", () => {
    const sent = headers({
      "x-error-central-client-address": "203.0.113.5",
      "x-forwarded-for": "1.2.3.4",
    });
    expect(requestClientAddress(sent, { ERROR_CENTRAL_CLIENT_ADDRESS_HEADER: "1" })).toBe(
      "203.0.113.5",
    );
    // Without server.ts (next dev) the forged internal header is ignored.
    expect(requestClientAddress(sent, {})).toBe("1.2.3.4");
    expect(
      requestClientAddress(headers({ "x-forwarded-for": "1.2.3.4, 10.0.0.3" }), {
        TRUSTED_PROXIES: "10.0.0.0/8",
      }),
    ).toBe("1.2.3.4");
    expect(
      requestClientAddress(headers({ "x-forwarded-for": "1.2.3.4, 198.51.100.1" }), {
        TRUSTED_PROXIES: "10.0.0.0/8",
      }),
    ).toBe("198.51.100.1");
    expect(
      requestClientAddress(
        headers({
          "x-vercel-forwarded-for": "203.0.113.8",
          "x-error-central-client-address": "9.9.9.9",
        }),
        { VERCEL: "1" },
      ),
    ).toBe("203.0.113.8");
  });

  it("is normalised, and an IPv6 client is counted by its /64", () => {
    expect(normalizeAddress(" [2001:DB8::1]:443 ")).toBe("2001:db8::1");
    expect(normalizeAddress("203.0.113.9:5000")).toBe("203.0.113.9");
    expect(normalizeAddress("fe80::1%eth0")).toBe("fe80::1");
    expect(normalizeAddress("not an address")).toBeNull();
    expect(normalizeAddress("")).toBeNull();
    expect(addressKey("203.0.113.9")).toBe("203.0.113.9");
    expect(addressKey("2001:db8:1:2:3:4:5:6")).toBe("2001:db8:1:2::/64");
    expect(addressKey("2001:db8:1:2::ffff")).toBe("2001:db8:1:2::/64");
    expect(addressKey("::1")).toBe("0:0:0:0::/64");
    expect(addressKey("64:ff9b::192.0.2.1")).toBe("64:ff9b:0:0::/64");
  });
});

describe("the limit settings", () => {
  it("have defaults", () => {
    expect(authLimitSettings({})).toMatchObject({
      trustedProxies: null,
      loginFailuresPerEmailAndIp: 10,
      loginFailuresPerIp: 50,
      loginFailuresPerEmail: 200,
      signupsPerIp: 20,
    });
  });

  it("refuse a bad value, naming the variable", () => {
    expect(() => authLimitSettings({ LOGIN_FAILURES_PER_IP: "10x" })).toThrow(
      /LOGIN_FAILURES_PER_IP/,
    );
    expect(() => authLimitSettings({ LOGIN_FAILURES_PER_EMAIL: "0" })).toThrow(
      /LOGIN_FAILURES_PER_EMAIL/,
    );
    expect(() => authLimitSettings({ LOGIN_FAILURES_PER_EMAIL_AND_IP: "-1" })).toThrow(
      /LOGIN_FAILURES_PER_EMAIL_AND_IP/,
    );
    expect(() => authLimitSettings({ SIGNUPS_PER_IP: "1e3" })).toThrow(/SIGNUPS_PER_IP/);
    for (const bad of ["10.0.0.0/33", "localhost", "10.0.0.1/8/1", "::1/129", "1.2.3"])
      expect(() => authLimitSettings({ TRUSTED_PROXIES: bad })).toThrow(/TRUSTED_PROXIES/);
    expect(authLimitSettings({ TRUSTED_PROXIES: "127.0.0.1, ::1, 10.0.0.0/8" })).toBeTruthy();
  });
});
