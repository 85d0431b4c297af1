import { describe, expect, it } from "vitest";
import { localeFromAcceptLanguage, parseAcceptLanguage, resolveLocale } from "./locale";

describe("parseAcceptLanguage", () => {
  it("orders tags by q-value, keeping the header's order on ties", () => {
    expect(parseAcceptLanguage("en;q=0.5, pt-BR, fr;q=0.8, de")).toEqual([
      "pt-BR",
      "de",
      "fr",
      "en",
    ]);
  });

  it("drops q=0, malformed q-values and malformed tags", () => {
    expect(parseAcceptLanguage("pt;q=0, en;q=abc, es;q=2, !!, it;q=0.1")).toEqual(["it"]);
  });

  it("is empty for a missing header", () => {
    expect(parseAcceptLanguage(null)).toEqual([]);
    expect(parseAcceptLanguage("")).toEqual([]);
  });
});

describe("localeFromAcceptLanguage", () => {
  it("maps every Portuguese to pt-BR", () => {
    expect(localeFromAcceptLanguage("pt")).toBe("pt-BR");
    expect(localeFromAcceptLanguage("pt-BR,pt;q=0.9")).toBe("pt-BR");
    expect(localeFromAcceptLanguage("pt-PT")).toBe("pt-BR");
    expect(localeFromAcceptLanguage("PT-br")).toBe("pt-BR");
  });

  it("takes the best language it speaks", () => {
    expect(localeFromAcceptLanguage("en-US,en;q=0.9")).toBe("en");
    expect(localeFromAcceptLanguage("en;q=0.4, pt-BR;q=0.9")).toBe("pt-BR");
    expect(localeFromAcceptLanguage("fr-FR, pt;q=0.5, en;q=0.3")).toBe("pt-BR");
  });

  it("is null when it speaks none of them", () => {
    expect(localeFromAcceptLanguage("fr, de;q=0.5")).toBeNull();
    expect(localeFromAcceptLanguage("*")).toBeNull();
    expect(localeFromAcceptLanguage("pt;q=0, fr")).toBeNull();
  });
});

describe("resolveLocale", () => {
  it("puts the account's choice first", () => {
    expect(resolveLocale({ userLocale: "en", cookie: "pt-BR", acceptLanguage: "pt-BR" })).toBe(
      "en",
    );
  });

  it("then the cookie", () => {
    expect(resolveLocale({ userLocale: null, cookie: "pt-BR", acceptLanguage: "en-US" })).toBe(
      "pt-BR",
    );
  });

  it("then Accept-Language", () => {
    expect(resolveLocale({ acceptLanguage: "pt-PT,en;q=0.5" })).toBe("pt-BR");
  });

  it("ignores values it does not speak, falling back to English", () => {
    expect(resolveLocale({ userLocale: "de", cookie: "xx", acceptLanguage: "ja" })).toBe("en");
    expect(resolveLocale({})).toBe("en");
  });
});
