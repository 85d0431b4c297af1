import { describe, expect, it } from "vitest";
import { CATALOGUES } from "../i18n/messages";
import { normalizeEnvironment, PRIMARY_ENVIRONMENTS } from "./environments";

describe("normalizeEnvironment", () => {
  it.each([
    [undefined, "production"],
    [null, "production"],
    ["", "production"],
    ["   ", "production"],
    ["production", "production"],
    ["Production", "production"],
    ["prod", "production"],
    [" PROD ", "production"],
    ["staging", "staging"],
    ["Staging", "staging"],
    ["stage", "staging"],
    ["homolog", "staging"],
    ["homologacao", "staging"],
    ["homologação", "staging"],
    ["HOMOLOGAÇÃO", "staging"],
    ["homologa\u0063\u0327a\u0303o", "staging"], // decomposed (NFD) spelling
    ["hml", "staging"],
    ["qa", "staging"],
    ["QA", "staging"],
    ["development", "development"],
    ["Development", "development"],
    ["dev", "development"],
    ["local", "development"],
    ["release", "release"],
    ["  Preview-42 ", "Preview-42"],
    ["x".repeat(100), "x".repeat(64)],
    ["toString", "toString"],
    ["__proto__", "__proto__"],
  ])("%j → %j", (raw, expected) => {
    expect(normalizeEnvironment(raw)).toBe(expected);
  });
});

describe("the primary environments' names on screen", () => {
  it("come from the catalogue in both languages: staging is Staging, or Homologação", () => {
    for (const env of PRIMARY_ENVIRONMENTS) {
      expect(CATALOGUES.en.Environments[env]).toMatch(/^[A-Z]/);
      expect(CATALOGUES["pt-BR"].Environments[env]).toMatch(/^[A-Z]/);
    }
    expect(CATALOGUES.en.Environments.staging).toBe("Staging");
    expect(CATALOGUES["pt-BR"].Environments.staging).toBe("Homologação");
  });
});
