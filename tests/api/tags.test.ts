import { beforeAll, describe, expect, it } from "vitest";
import * as schemas from "@/lib/schemas/responses";
import { readJsonFixture } from "@/tests/support/fixtures";
import { api, signUp, type TestAccount } from "../support/api";
import { errorItems, ingest, issuePaths, listErrors } from "../support/errors";
import { allErrors, postStore } from "../support/sentry";

const tagsOf = (errorId: number, token: string, query = "") =>
  api(`/api/errors/${errorId}/tags${query}`, { token });

describe("GET /api/errors/:id/tags and the tag filter", () => {
  let account: TestAccount;
  let checkout: number;
  let search: number;
  let firefoxEvent: number;

  beforeAll(async () => {
    account = await signUp();
    const refs = await ingest(account.token, [
      { title: "Checkout", tags: { browser: "Firefox", region: "eu" }, release: "2.0.0" },
      { title: "Checkout", tags: { browser: "Firefox" }, release: "2.0.0" },
      { title: "Checkout", tags: { browser: "Chrome", region: "" }, release: "2.1.0" },
      { title: "Search", tags: { browser: "Chrome" } },
      { title: "Untagged" },
    ]);
    checkout = refs[0]?.errorId as number;
    firefoxEvent = refs[1]?.id as number;
    search = refs[3]?.errorId as number;
  });

  it("breaks an error down by key: counts, totals and times, the release key from its releases", async () => {
    const res = await tagsOf(checkout, account.token);
    expect(res.status).toBe(200);
    const parsed = schemas.errorTagsSchema.safeParse(res.body);
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
    expect(res.body.eventCount).toBe(3);
    const summary = res.body.keys.map(
      (k: {
        key: string;
        total: number;
        distinct: number;
        otherValues: number;
        top: { value: string; count: number }[];
      }) => [k.key, k.total, k.distinct, k.otherValues, k.top.map((v) => `${v.value}=${v.count}`)],
    );
    // release first, then the usual keys in their order, then the rest alphabetically; an
    // empty value is not counted.
    expect(summary).toEqual([
      ["release", 3, 2, 0, ["2.0.0=2", "2.1.0=1"]],
      ["browser", 3, 2, 0, ["Firefox=2", "Chrome=1"]],
      ["region", 1, 1, 0, ["eu=1"]],
    ]);
    expect(res.body.keys[1].top[0]).toMatchObject({
      firstSeen: expect.any(String),
      lastSeen: expect.any(String),
    });
    const one = await tagsOf(checkout, account.token, "?values=1");
    expect(one.body.keys[1].top.map((v: { value: string }) => v.value)).toEqual(["Firefox"]);
  });

  it("refuses a bad values parameter with 400 naming it", async () => {
    for (const values of ["0", "101", "x", "-1"]) {
      const res = await tagsOf(checkout, account.token, `?values=${values}`);
      expect(res.status, values).toBe(400);
      expect(issuePaths(res.body), values).toEqual(["values"]);
    }
  });

  it("counts the tags a Sentry SDK derives: browser, os, runtime, server, url, mechanism", async () => {
    const fixture = readJsonFixture("sentry-events/python_zero_division.json") as Record<
      string,
      unknown
    >;
    expect((await postStore(account, fixture)).status).toBe(200);
    const error = (await allErrors(account)).find((item) => item.title.includes("ZeroDivision"));
    expect(error).toBeDefined();
    const res = await tagsOf(error?.id as number, account.token);
    const values = Object.fromEntries(
      res.body.keys.map((k: { key: string; top: { value: string }[] }) => [k.key, k.top[0]?.value]),
    );
    expect(values).toMatchObject({
      "browser.name": "Firefox",
      "runtime.name": "CPython",
      runtime: "CPython 3.8.2",
      server_name: "2f96b0310f37",
      url: "http://localhost:8001/divide-zero/",
      handled: "no",
      mechanism: "django",
    });
  });

  it("filters the list by tag=key:value, release through its counters too", async () => {
    const titles = async (tag: string) =>
      (await errorItems(account.token, { tag })).map((item) => item.title).sort();
    expect(await titles("browser:Firefox")).toEqual(["Checkout"]);
    expect(await titles("browser:Chrome")).toEqual(["Checkout", "Search"]);
    expect(await titles("browser:Safari")).toEqual([]);
    expect(await titles("release:2.1.0")).toEqual(["Checkout"]);
    for (const tag of ["browser", "browser:", ":Firefox", `${"k".repeat(33)}:v`]) {
      const res = await listErrors(account.token, { tag });
      expect(res.status, tag).toBe(400);
      expect(issuePaths(res.body), tag).toEqual(["tag"]);
    }
  });

  it("deleting an event takes its values off the counters", async () => {
    expect(
      (await api(`/api/events/${firefoxEvent}`, { method: "DELETE", token: account.token })).status,
    ).toBe(204);
    const res = await tagsOf(checkout, account.token);
    const browser = res.body.keys.find((k: { key: string }) => k.key === "browser");
    expect(
      browser.top.map((v: { value: string; count: number }) => `${v.value}=${v.count}`),
    ).toEqual(["Chrome=1", "Firefox=1"]);
    expect(res.body.eventCount).toBe(2);
  });

  it("is 404 for another user's error or a missing one, 401 without a token, 403 with an ingest key", async () => {
    const stranger = await signUp();
    const foreign = await tagsOf(search, stranger.token);
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.code).toBe("not_found");
    expect((await tagsOf(999_999_999, account.token)).status).toBe(404);
    expect((await tagsOf(search, "")).status).toBe(401);
    expect((await tagsOf(search, account.project.ingestKey.key)).status).toBe(403);
    // The filter never reaches another user's errors either.
    expect(await errorItems(stranger.token, { tag: "browser:Chrome" })).toEqual([]);
  });
});
