import { describe, expect, it } from "vitest";
import { api, createProject, signUp } from "../support/api";
import {
  type ErrorItem,
  errorItems,
  ingest,
  listErrors,
  minutesAgo,
  walkErrors,
} from "../support/errors";

const SORTS = ["frequency", "level", "lastSeen", "firstSeen"] as const;
const titles = (items: ErrorItem[]) => items.map((item) => item.title);

/**
 * Six errors whose sort keys tie pairwise (see each sort's expected order below). Each is
 * sent in its own request, in this order, so that their ids grow A → F.
 */
async function seedTieBreaks(token: string) {
  const base = Date.now();
  const at = (minutes: number) => minutesAgo(minutes, base);
  const spec: [string, string, number[]][] = [
    ["Alpha broke", "error", [100, 30, 10]],
    ["Bravo broke", "fatal", [60, 50]],
    ["Charlie broke", "error", [200, 5]],
    ["Delta broke", "error", [40, 20]],
    ["Echo broke", "error", [40, 20]],
    ["Foxtrot broke", "warning", [1]],
  ];
  const ids: Record<string, number> = {};
  for (const [title, level, minutes] of spec) {
    const refs = await ingest(
      token,
      minutes.map((m) => ({ title, level, timestamp: at(m) })),
    );
    ids[title] = refs[0]?.errorId as number;
  }
  return { ids, at };
}

const EXPECTED: Record<(typeof SORTS)[number], string[]> = {
  // count desc → severity desc → lastSeen desc → id desc
  frequency: ["Alpha", "Bravo", "Charlie", "Echo", "Delta", "Foxtrot"],
  // severity desc → count desc → lastSeen desc → id desc
  level: ["Bravo", "Alpha", "Charlie", "Echo", "Delta", "Foxtrot"],
  lastSeen: ["Foxtrot", "Charlie", "Alpha", "Echo", "Delta", "Bravo"],
  firstSeen: ["Foxtrot", "Echo", "Delta", "Bravo", "Alpha", "Charlie"],
};

describe("GET /api/errors: shape and sorting", () => {
  it("lists items with exactly the documented fields and no details", async () => {
    const account = await signUp();
    const timestamp = minutesAgo(3);
    const [ref] = await ingest(account.token, [
      { title: "Shape check", details: "secret details", origin: "web", timestamp },
    ]);
    const res = await listErrors(account.token);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      items: [
        {
          id: ref?.errorId,
          title: "Shape check",
          level: "error",
          environment: "production",
          origin: "web",
          culprit: null,
          status: "open",
          substatus: null,
          regressedAt: null,
          assignee: null,
          eventsSinceStatus: 1,
          count: 1,
          firstSeen: timestamp,
          lastSeen: timestamp,
          project: {
            id: account.project.id,
            slug: account.project.slug,
            name: account.project.name,
          },
        },
      ],
      nextCursor: null,
      prevCursor: null,
    });
    expect(res.text).not.toContain("secret details");
  });

  it("sorts by each order with every tie-break, the same in one page and page by page", async () => {
    const account = await signUp();
    const { ids } = await seedTieBreaks(account.token);
    expect(ids["Echo broke"]).toBeGreaterThan(ids["Delta broke"] as number);
    for (const sort of SORTS) {
      const expected = EXPECTED[sort].map((name) => `${name} broke`);
      const params = sort === "frequency" ? {} : { sort };
      expect(titles(await errorItems(account.token, params)), sort).toEqual(expected);
      for (const limit of [1, 2, 4]) {
        const walked = await walkErrors(account.token, params, limit);
        expect(titles(walked), `${sort} limit ${limit}`).toEqual(expected);
      }
    }
    const [alpha] = await errorItems(account.token, { limit: 1 });
    expect(alpha).toMatchObject({ count: 3, level: "error" });
  });

  it("pages through many exact ties once each, in the order of one big page", async () => {
    const account = await signUp();
    const time = minutesAgo(30);
    const words = ["red", "orange", "yellow", "green", "blue", "indigo", "violet"];
    for (const word of words) {
      await ingest(account.token, [
        { title: `Tied ${word}`, timestamp: time },
        { title: `Tied ${word}`, timestamp: time },
      ]);
    }
    await ingest(account.token, [
      { title: "Untied one", timestamp: minutesAgo(10) },
      { title: "Untied two", level: "fatal", timestamp: time },
      { title: "Untied two", level: "fatal", timestamp: time },
    ]);
    for (const sort of SORTS) {
      const all = await errorItems(account.token, { sort, limit: 100 });
      expect(all).toHaveLength(9);
      const tied = all.filter((item) => item.title.startsWith("Tied"));
      // Exact ties fall back to the id, newest first.
      expect(tied.map((item) => item.id)).toEqual(
        [...tied.map((item) => item.id)].sort((a, b) => b - a),
      );
      for (const limit of [2, 3]) {
        const walked = await walkErrors(account.token, { sort }, limit);
        expect(
          walked.map((item) => item.id),
          `${sort} limit ${limit}`,
        ).toEqual(all.map((item) => item.id));
      }
    }
  });
});

describe("GET /api/errors: paging back", () => {
  it("walks back with prevCursor through the very pages it walked forward, ties included", async () => {
    const account = await signUp();
    const time = minutesAgo(20);
    const words = ["amber", "beige", "coral", "denim", "ebony", "fawn", "gold", "hazel"];
    for (const [index, word] of words.entries()) {
      // Pairs tie on every sort key but the id; the last two differ in level and time.
      const level = index > 5 ? "fatal" : "error";
      await ingest(account.token, [
        { title: `Back ${word}`, timestamp: time, level },
        { title: `Back ${word}`, timestamp: index === 7 ? minutesAgo(5) : time, level },
      ]);
    }
    const ids = (items: ErrorItem[]) => items.map((item) => item.id);
    for (const sort of SORTS) {
      for (const limit of [1, 3]) {
        const label = `${sort} limit ${limit}`;
        const pages: number[][] = [];
        let res = await listErrors(account.token, { sort, limit });
        expect(res.body.prevCursor, label).toBeNull();
        for (;;) {
          pages.push(ids(res.body.items));
          if (!res.body.nextCursor) break;
          res = await listErrors(account.token, { sort, limit, cursor: res.body.nextCursor });
          expect(res.status).toBe(200);
          expect(res.body.prevCursor, label).toEqual(expect.any(String));
        }
        expect(pages.flat(), label).toHaveLength(words.length);
        expect(pages.length, label).toBe(Math.ceil(words.length / limit));
        for (let page = pages.length - 2; page >= 0; page--) {
          res = await listErrors(account.token, { sort, limit, cursor: res.body.prevCursor });
          expect(res.status).toBe(200);
          expect(ids(res.body.items), `${label} page ${page}`).toEqual(pages[page]);
          expect(res.body.nextCursor, label).toEqual(expect.any(String));
        }
        // Back at the start: the first page, read as one, with nothing before it.
        expect(res.body.prevCursor, label).toBeNull();
        const next = await listErrors(account.token, { sort, limit, cursor: res.body.nextCursor });
        expect(ids(next.body.items), label).toEqual(pages[1]);
      }
    }
  });

  it("returns a full first page when going back finds fewer rows than a page before", async () => {
    const account = await signUp();
    for (const word of ["one", "two", "three", "four", "five"]) {
      await ingest(account.token, [{ title: `Short ${word}` }]);
    }
    const first = await listErrors(account.token, { limit: 2, sort: "firstSeen" });
    const second = await listErrors(account.token, {
      limit: 2,
      sort: "firstSeen",
      cursor: first.body.nextCursor,
    });
    // The first page's first row goes away: one row is left before the second page.
    const gone = first.body.items[0] as ErrorItem;
    expect(
      (await api(`/api/errors/${gone.id}`, { method: "DELETE", token: account.token })).status,
    ).toBe(204);
    const back = await listErrors(account.token, {
      limit: 2,
      sort: "firstSeen",
      cursor: second.body.prevCursor,
    });
    expect(back.status).toBe(200);
    expect(titles(back.body.items)).toEqual([
      first.body.items[1].title,
      second.body.items[0].title,
    ]);
    expect(back.body.prevCursor).toBeNull();
  });
});

describe("GET /api/errors: parameters", () => {
  it("refuses bad cursors, sorts, statuses, levels and limits with 400 naming them", async () => {
    const account = await signUp();
    await ingest(account.token, [{ title: "Param one" }, { title: "Param two", level: "fatal" }]);
    const first = await listErrors(account.token, { limit: 1 });
    const cursor = first.body.nextCursor as string;
    expect(cursor).toEqual(expect.any(String));
    expect((await listErrors(account.token, { limit: 1, cursor })).body.items).toHaveLength(1);

    const forged = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
    const time = "2024-01-01T00:00:00.000000Z";
    const cases: [Record<string, string | number>, string, RegExp][] = [
      [{ cursor: "abc" }, "cursor", /cursor is invalid/],
      [{ cursor: "!!!" }, "cursor", /cursor/],
      [{ cursor, sort: "lastSeen" }, "cursor", /another sort/],
      [{ cursor: forged(["frequency", "n", 0, "1", 4, "x", 1]) }, "cursor", /cursor/],
      [
        { cursor: forged(["lastSeen", "n", 0, "2024-01-01", 1]), sort: "lastSeen" },
        "cursor",
        /cursor/,
      ],
      // Well-formed but out of the columns' range: a 400, not a database error.
      [{ cursor: forged(["frequency", "n", 0, 2 ** 53 - 1, 4, time, 1]) }, "cursor", /cursor/],
      [
        { cursor: forged(["frequency", "n", 0, 1, 4, "2024-13-45T99:99:99.999999Z", 1]) },
        "cursor",
        /cursor/,
      ],
      [
        {
          cursor: forged(["lastSeen", "n", 0, "0000-01-01T00:00:00.000000Z", 1]),
          sort: "lastSeen",
        },
        "cursor",
        /cursor/,
      ],
      [
        {
          cursor: forged(["firstSeen", "n", 0, "2023-02-29T00:00:00.000000Z", 1]),
          sort: "firstSeen",
        },
        "cursor",
        /cursor/,
      ],
      [
        { cursor: forged(["level", "n", 0, 1, 4, time, 2 ** 53]), sort: "level" },
        "cursor",
        /cursor/,
      ],
      // Direction and offset: "n" or "p", and a small non-negative integer.
      [{ cursor: forged(["frequency", "x", 0, 1, 4, time, 1]) }, "cursor", /cursor/],
      [{ cursor: forged(["frequency", "n", -1, 1, 4, time, 1]) }, "cursor", /cursor/],
      [{ cursor: forged(["frequency", "n", 1.5, 1, 4, time, 1]) }, "cursor", /cursor/],
      [{ cursor: forged(["frequency", "p", 2e9, 1, 4, time, 1]) }, "cursor", /cursor/],
      // The format before backwards paging: stale, so a 400 the page offers to leave.
      [{ cursor: forged(["frequency", 1, 4, time, 1]) }, "cursor", /cursor/],
      [{ tag: "browser" }, "tag", /key:value/],
      [{ tag: ":Firefox" }, "tag", /tag key/],
      [{ tag: "browser:" }, "tag", /tag value/],
      [{ tag: `${"k".repeat(33)}:v` }, "tag", /tag key/],
      [{ tag: `k:${"v".repeat(201)}` }, "tag", /tag value/],
      [{ sort: "newest" }, "sort", /^sort must be one of: frequency, level, lastSeen, firstSeen$/],
      [{ status: "deleted" }, "status", /^status must be one of: open, resolved, archived, all$/],
      [{ level: "error,verbose" }, "level", /fatal, error, warning, info, debug/],
      [{ limit: 0 }, "limit", /1 to 100/],
      [{ limit: 101 }, "limit", /1 to 100/],
      [{ limit: "abc" }, "limit", /1 to 100/],
      [{ limit: "-1" }, "limit", /1 to 100/],
      [{ limit: "1.5" }, "limit", /1 to 100/],
      [{ q: "q".repeat(201) }, "q", /200/],
    ];
    for (const [params, path, message] of cases) {
      const res = await listErrors(account.token, params);
      expect(res.status, JSON.stringify(params)).toBe(400);
      expect(res.body.error.code).toBe("invalid_parameter");
      expect(res.body.error.issues[0].path).toEqual([path]);
      expect(res.body.error.message).toMatch(message);
    }
    expect((await listErrors(account.token, { limit: 100 })).status).toBe(200);
    // A forged cursor of the right shape just moves the window.
    const forgedOk = await listErrors(account.token, {
      cursor: forged(["frequency", "n", 0, 1, 4, "2999-01-01T00:00:00.000000Z", 2 ** 53 - 1]),
    });
    expect(forgedOk.body.items.map((item: { title: string }) => item.title)).toEqual(["Param one"]);
  });

  it("filters by levels, origin and text (case-insensitive, wildcards literal)", async () => {
    const account = await signUp();
    await ingest(account.token, [
      { title: "Disk full on /var", level: "fatal", origin: "storage" },
      { title: "Slow query", level: "warning", origin: "db", details: "SELECT took LONG" },
      { title: "Quota at 100% for tenant", level: "info", origin: "billing" },
      { title: "Quota at 1000 for tenant", level: "info", origin: "billing" },
      { title: "Missing user_id column", level: "error", origin: "db" },
      { title: "Missing userXid column", level: "debug", origin: "db" },
      { title: "Back\\slash path", level: "error", origin: "storage" },
    ]);
    const search = async (params: Record<string, string>) =>
      titles(await errorItems(account.token, { sort: "lastSeen", ...params })).sort();

    expect(await search({ level: "fatal,warning" })).toEqual(["Disk full on /var", "Slow query"]);
    expect(await search({ level: "INFO, debug" })).toEqual([
      "Missing userXid column",
      "Quota at 100% for tenant",
      "Quota at 1000 for tenant",
    ]);
    expect(await search({ origin: "db" })).toEqual(
      ["Missing user_id column", "Missing userXid column", "Slow query"].sort(),
    );
    expect(await search({ origin: "d" })).toEqual([]);
    expect(await search({ origin: "db", level: "error" })).toEqual(["Missing user_id column"]);
    expect(await search({ q: "disk FULL" })).toEqual(["Disk full on /var"]);
    expect(await search({ q: "took long" })).toEqual(["Slow query"]);
    expect(await search({ q: "100%" })).toEqual(["Quota at 100% for tenant"]);
    expect(await search({ q: "%" })).toEqual(["Quota at 100% for tenant"]);
    expect(await search({ q: "user_id" })).toEqual(["Missing user_id column"]);
    expect(await search({ q: "_" })).toEqual(["Missing user_id column"]);
    expect(await search({ q: "k\\s" })).toEqual(["Back\\slash path"]);
    expect(await search({ q: "  quota  " })).toHaveLength(2);
    expect(await search({ q: "nothing like this" })).toEqual([]);
  });

  it("filters by environment: production by default, one by name or alias, other, all", async () => {
    const account = await signUp();
    await ingest(account.token, [
      { title: "In prod", environment: "prod" },
      { title: "In staging", environment: "homologação" },
      { title: "In dev", environment: "local" },
      { title: "In canary", environment: "canary" },
      { title: "In eu", environment: "eu-west" },
    ]);
    const envs = async (environment?: string) =>
      titles(await errorItems(account.token, environment ? { environment } : {})).sort();
    expect(await envs()).toEqual(["In prod"]);
    expect(await envs("production")).toEqual(["In prod"]);
    expect(await envs("staging")).toEqual(["In staging"]);
    expect(await envs("hml")).toEqual(["In staging"]);
    expect(await envs("development")).toEqual(["In dev"]);
    expect(await envs("other")).toEqual(["In canary", "In eu"]);
    expect(await envs("eu-west")).toEqual(["In eu"]);
    expect(await envs("all")).toHaveLength(5);
    expect(await envs("nowhere")).toEqual([]);
  });

  it("hides archived errors from the main list and finds them when searching", async () => {
    const account = await signUp();
    const [kept, archived] = await ingest(account.token, [
      { title: "Still open failure", origin: "api", level: "warning" },
      { title: "Archived failure", origin: "api", level: "warning", details: "needle" },
    ]);
    const patch = await api(`/api/errors/${archived?.errorId}`, {
      method: "PATCH",
      token: account.token,
      json: { status: "archived" },
    });
    expect(patch.status).toBe(200);

    const statuses = async (params: Record<string, string> = {}) =>
      (await errorItems(account.token, { sort: "lastSeen", ...params }))
        .map((item) => `${item.title}:${item.status}`)
        .sort();
    const both = ["Archived failure:archived", "Still open failure:open"];
    expect(await statuses()).toEqual(["Still open failure:open"]);
    expect(await statuses({ q: "failure" })).toEqual(both);
    expect(await statuses({ q: "needle" })).toEqual(["Archived failure:archived"]);
    expect(await statuses({ level: "warning" })).toEqual(both);
    expect(await statuses({ origin: "api" })).toEqual(both);
    expect(await statuses({ status: "archived" })).toEqual(["Archived failure:archived"]);
    expect(await statuses({ status: "all" })).toEqual(both);
    expect(await statuses({ status: "open", q: "failure" })).toEqual(["Still open failure:open"]);
    expect(await statuses({ status: "archived", q: "still" })).toEqual([]);

    // Unarchiving puts it back on the main list.
    await api(`/api/errors/${archived?.errorId}`, {
      method: "PATCH",
      token: account.token,
      json: { status: "open" },
    });
    expect(await statuses()).toEqual(["Archived failure:open", "Still open failure:open"]);
    expect(kept?.errorId).not.toBe(archived?.errorId);
  });

  it("lists one project by id or slug; another user's project is a 404", async () => {
    const account = await signUp();
    const second = await createProject(account.token, "Second app");
    await ingest(account.token, [
      { title: "First project error" },
      { title: "Second project error", project: second.project.id },
    ]);
    expect(titles(await errorItems(account.token))).toEqual(["First project error"]);
    for (const project of [
      second.project.id,
      second.project.slug,
      second.project.slug.toUpperCase(),
    ]) {
      const items = await errorItems(account.token, { project });
      expect(items.map((item) => [item.title, item.project])).toEqual([
        [
          "Second project error",
          { id: second.project.id, slug: second.project.slug, name: "Second app" },
        ],
      ]);
    }
    const stranger = await signUp();
    for (const project of [account.project.id, account.project.slug, "2147483647", "no-such"]) {
      const res = await listErrors(stranger.token, { project });
      expect(res.status, String(project)).toBe(404);
      expect(res.body.error.code).toBe("not_found");
    }
  });

  it("needs a personal token or a session", async () => {
    expect((await listErrors("")).status).toBe(401);
    const account = await signUp();
    const res = await listErrors(account.project.ingestKey.key);
    expect(res.status).toBe(403);
  });
});
