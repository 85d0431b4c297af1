import { describe, expect, it } from "vitest";
import { Invalid } from "./domain-errors";
import { parseIdPage } from "./pagination";

const parse = (search: string, maxLimit?: number) =>
  parseIdPage(new URLSearchParams(search), { defaultLimit: 50, maxLimit });

describe("parseIdPage", () => {
  it("reads the cursor (a row id) and the limit, with defaults", () => {
    expect(parse("")).toEqual({ before: null, limit: 50 });
    expect(parse("cursor=123&limit=100")).toEqual({ before: 123, limit: 100 });
    expect(parse("limit=7", 10)).toEqual({ before: null, limit: 7 });
  });

  it.each([
    ["cursor=abc", ["cursor"]],
    ["cursor=0", ["cursor"]],
    ["cursor=99999999999999999", ["cursor"]],
    ["limit=0", ["limit"]],
    ["limit=101", ["limit"]],
    ["limit=ten", ["limit"]],
    ["cursor=-1&limit=1.5", ["cursor", "limit"]],
  ])("refuses %s with a 400 naming it", (search, names) => {
    let error: unknown;
    try {
      parse(search);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(Invalid);
    expect((error as Invalid).issues?.map((issue) => issue.path[0])).toEqual(names);
  });
});
