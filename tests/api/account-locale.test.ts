import { describe, expect, it } from "vitest";
import { api, BASE_URL, signUp } from "../support/api";
import { signInCookie } from "../support/session";

/** The <html lang> of a page, as a browser with these headers (cookie, Accept-Language) gets it. */
async function pageLang(path: string, headers: Record<string, string>) {
  const res = await fetch(`${BASE_URL}${path}`, { headers, redirect: "manual" });
  const html = await res.text();
  return /<html lang="([^"]+)"/.exec(html)?.[1];
}

describe("PATCH /api/account", () => {
  it("saves the language, which pages then follow over Accept-Language", async () => {
    const account = await signUp();
    const cookie = await signInCookie(account);
    expect(await pageLang("/settings", { cookie, "accept-language": "pt-BR" })).toBe("pt-BR");

    const saved = await api("/api/account", {
      method: "PATCH",
      token: account.token,
      json: { locale: "en" },
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual({ locale: "en" });
    expect(await pageLang("/settings", { cookie, "accept-language": "pt-BR" })).toBe("en");

    const cleared = await api("/api/account", {
      method: "PATCH",
      token: account.token,
      json: { locale: null },
    });
    expect(cleared.body).toEqual({ locale: null });
    expect(await pageLang("/settings", { cookie, "accept-language": "pt-PT" })).toBe("pt-BR");
  });

  it("refuses a language it does not speak, and unknown fields, with 422", async () => {
    const account = await signUp();
    for (const json of [{ locale: "fr" }, { locale: "en", theme: "dark" }, {}]) {
      const res = await api("/api/account", { method: "PATCH", token: account.token, json });
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe("validation_failed");
    }
  });

  it("needs a caller", async () => {
    const res = await api("/api/account", { method: "PATCH", json: { locale: "en" } });
    expect(res.status).toBe(401);
  });
});
