import { describe, expect, it } from "vitest";
import { Invalid } from "../domain-errors";
import { effectiveStatus, parseListErrorsQuery } from "./list-query";

const parse = (search: string) => parseListErrorsQuery(new URLSearchParams(search));
const issuesOf = (search: string) => {
  try {
    parse(search);
  } catch (error) {
    if (error instanceof Invalid) return error.issues ?? [];
    throw error;
  }
  return [];
};

describe("parseListErrorsQuery: status, release and assignee", () => {
  it("takes every status, open by default, and every status while searching", () => {
    for (const status of ["open", "resolved", "archived", "all"]) {
      expect(parse(`status=${status}`).status).toBe(status);
    }
    expect(effectiveStatus(parse(""))).toBe("open");
    expect(effectiveStatus(parse("q=timeout"))).toBe("all");
    expect(effectiveStatus(parse("q=timeout&status=resolved"))).toBe("resolved");
    // A release or an assignee narrows the list; it is not a search.
    expect(effectiveStatus(parse("release=1.0&assignee=me"))).toBe("open");
  });

  it("takes a release name (trimmed) and an assignee: me, none or a user id", () => {
    expect(parse("release=+web%401.2.0+").release).toBe("web@1.2.0");
    expect(parse("").release).toBeNull();
    expect(parse("assignee=me").assignee).toBe("me");
    expect(parse("assignee=none").assignee).toBe("none");
    expect(parse("assignee=42").assignee).toBe(42);
    expect(parse("assignee=").assignee).toBeNull();
  });

  it.each([
    ["assignee=someone", "assignee"],
    ["assignee=0", "assignee"],
    ["assignee=-1", "assignee"],
    ["assignee=1.5", "assignee"],
    ["assignee=99999999999", "assignee"],
    [`release=${"r".repeat(201)}`, "release"],
    ["status=fixed", "status"],
  ])("refuses %s with a 400 naming %s", (search, name) => {
    expect(issuesOf(search).map((issue) => issue.path)).toEqual([[name]]);
  });
});
