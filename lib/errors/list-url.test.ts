import { describe, expect, it } from "vitest";
import { parseListErrorsQuery } from "./list-query";
import {
  clearedFiltersHref,
  errorListHref,
  listStateFromQuery,
  safeListHref,
  toSearchParams,
} from "./list-url";

const stateOf = (search: string) =>
  listStateFromQuery(parseListErrorsQuery(new URLSearchParams(search)));

describe("error list URLs", () => {
  it("leaves defaults out of the URL", () => {
    expect(errorListHref(stateOf(""))).toBe("/errors");
    expect(errorListHref(stateOf("environment=prod&sort=frequency"))).toBe("/errors");
  });

  it("round-trips every piece of state through the parser", () => {
    const search =
      "project=shop&environment=staging&status=resolved&q=time+out&level=fatal%2Cerror&origin=billing-api&release=web%401.2.0&assignee=me&sort=lastSeen";
    const href = errorListHref(stateOf(search));
    expect(href).toBe(`/errors?${search}`);
    expect(stateOf(href.split("?")[1] ?? "")).toEqual(stateOf(search));
  });

  it("drops the cursor when anything else changes, keeps it when asked", () => {
    const state = { ...stateOf("sort=level"), cursor: "abc" };
    expect(errorListHref(state)).toBe("/errors?sort=level");
    expect(errorListHref(state, { q: "x" })).toBe("/errors?q=x&sort=level");
    expect(errorListHref(state, { cursor: "def" })).toBe("/errors?sort=level&cursor=def");
  });

  it("clears filters but keeps project, environment and sort", () => {
    const state = stateOf(
      "project=p&environment=other&q=a&level=info&origin=o&status=all&release=1.0&assignee=none&sort=level",
    );
    expect(clearedFiltersHref(state)).toBe("/errors?project=p&environment=other&sort=level");
  });

  it("takes the first value of a repeated page parameter", () => {
    expect(toSearchParams({ q: ["a", "b"], level: undefined, sort: "level" }).toString()).toBe(
      "q=a&sort=level",
    );
  });
});

describe("tag filters and kept list URLs", () => {
  it("carries tag=key:value through the URL, split at the first colon", () => {
    const state = stateOf("tag=url%3Ahttps%3A%2F%2Fx.test");
    expect(parseListErrorsQuery(new URLSearchParams("tag=url:https://x.test")).tag).toEqual({
      key: "url",
      value: "https://x.test",
    });
    expect(state.tag).toBe("url:https://x.test");
    expect(errorListHref(state)).toBe("/errors?tag=url%3Ahttps%3A%2F%2Fx.test");
    expect(clearedFiltersHref(state)).toBe("/errors");
  });

  it.each([
    "tag=browser",
    "tag=:Firefox",
    "tag=browser:",
    `tag=${"k".repeat(33)}:v`,
    `tag=k:${"v".repeat(201)}`,
    "tag=a%3Db:c",
  ])("refuses %s with a 400 naming tag", (search) => {
    expect(() => parseListErrorsQuery(new URLSearchParams(search))).toThrow(/tag/);
  });

  it("keeps only same-origin paths to the list", () => {
    expect(safeListHref("/errors")).toBe("/errors");
    expect(safeListHref("/errors?level=error&cursor=abc")).toBe("/errors?level=error&cursor=abc");
    for (const bad of [
      null,
      "",
      "https://evil.test/errors",
      "//evil.test/errors",
      "/\\evil.test/errors",
      "/errors/12",
      "/errorsx",
      "/errors/../settings",
      "/errors#x",
      "javascript:alert(1)",
      `/errors?q=${"a".repeat(4000)}`,
    ]) {
      expect(safeListHref(bad)).toBeNull();
    }
  });
});
