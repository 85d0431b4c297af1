import { describe, expect, it } from "vitest";
import { parseListErrorsQuery } from "./list-query";
import { listStateFromQuery } from "./list-url";
import { firstErrorUrl, liveListUrl } from "./live-url";

const stateOf = (search: string) =>
  listStateFromQuery(parseListErrorsQuery(new URLSearchParams(search)));

describe("liveListUrl", () => {
  it("asks for the page the list shows, in its project, with the rows on screen", () => {
    const url = new URL(
      liveListUrl(stateOf("environment=staging&q=boom&sort=lastSeen&cursor=abc"), {
        project: "shop",
        limit: 50,
        shown: [3, 1],
      }),
      "http://x.invalid",
    );
    expect(url.pathname).toBe("/api/errors/live");
    const query = parseListErrorsQuery(url.searchParams);
    expect(query).toMatchObject({
      project: "shop",
      environment: { kind: "one", value: "staging" },
      q: "boom",
      sort: "lastSeen",
      cursor: "abc",
      limit: 50,
    });
    expect(url.searchParams.get("shown")).toBe("3,1");
  });

  it("leaves the default page size and an empty page out", () => {
    expect(liveListUrl(stateOf(""), { project: "shop", limit: 25 })).toBe(
      "/api/errors/live?project=shop",
    );
  });
});

describe("firstErrorUrl", () => {
  it("asks for any error of the project", () => {
    const url = new URL(firstErrorUrl("shop"), "http://x.invalid");
    expect(parseListErrorsQuery(url.searchParams)).toMatchObject({
      project: "shop",
      environment: { kind: "all" },
      status: "all",
      limit: 1,
    });
  });
});
