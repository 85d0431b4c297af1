import { describe, expect, it } from "vitest";
import type { z } from "zod";
import * as schemas from "@/lib/schemas/responses";
import { api, signUp } from "../support/api";
import { ingest } from "../support/errors";
import { signInCookie, signOutThroughAuthjs } from "../support/session";

function conforms(schema: z.ZodType, value: unknown) {
  const result = schema.safeParse(value);
  expect(result.success ? [] : result.error.issues).toEqual([]);
}

const live = (path: string, cookie: string) => api(path, { headers: { cookie } });

describe("GET /api/errors/live", () => {
  it("answers the browser's session with the page's ids in order and their counters", async () => {
    const account = await signUp();
    const refs = await ingest(account.token, [
      { title: "Live once" },
      { title: "Live twice" },
      { title: "Live twice" },
      { title: "Live staging", environment: "staging" },
    ]);
    const [once, twice, , staging] = refs.map((ref) => ref.errorId) as number[];
    const cookie = await signInCookie(account);

    const res = await live("/api/errors/live", cookie);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toContain("no-store");
    conforms(schemas.liveErrorListSchema, res.body);
    expect(res.body.ids).toEqual([twice, once]);
    expect(res.body.errors).toEqual([
      expect.objectContaining({ id: twice, count: 2, status: "open", substatus: null }),
      expect.objectContaining({ id: once, count: 1, status: "open" }),
    ]);

    // The same parameters as the list: one page of one, and the shown row that left it.
    const page = await live(`/api/errors/live?limit=1&shown=${once},${twice}`, cookie);
    expect(page.body.ids).toEqual([twice]);
    expect(page.body.errors.map((error: { id: number }) => error.id).sort()).toEqual(
      [once, twice].sort(),
    );
    const other = await live(`/api/errors/live?environment=staging&sort=lastSeen`, cookie);
    expect(other.body.ids).toEqual([staging]);

    await ingest(account.token, [{ title: "Live once" }, { title: "Live once" }]);
    const after = await live("/api/errors/live", cookie);
    expect(after.body.ids).toEqual([once, twice]);
    expect(after.body.errors[0]).toMatchObject({ id: once, count: 3 });
    expect(Date.parse(after.body.errors[0].lastSeen)).toBeGreaterThanOrEqual(
      Date.parse(res.body.errors[1].lastSeen),
    );
  });

  it("is 401 without a session or token, and after signing out", async () => {
    const account = await signUp();
    expect((await api("/api/errors/live")).status).toBe(401);
    const cookie = await signInCookie(account);
    expect((await live("/api/errors/live", cookie)).status).toBe(200);
    await signOutThroughAuthjs(cookie);
    const refused = await live("/api/errors/live", cookie);
    expect(refused.status).toBe(401);
    conforms(schemas.errorBodySchema, refused.body);
  });

  it("keeps to the caller's projects: another's project is a 404, another's ids are left out", async () => {
    const owner = await signUp();
    const stranger = await signUp();
    const [theirs] = await ingest(owner.token, [{ title: "Owner's live error" }]);
    const [mine] = await ingest(stranger.token, [{ title: "Stranger's live error" }]);
    const cookie = await signInCookie(stranger);

    const foreign = await live(`/api/errors/live?project=${owner.project.slug}`, cookie);
    expect(foreign.status).toBe(404);
    const byId = await live(`/api/errors/live?project=${owner.project.id}`, cookie);
    expect(byId.status).toBe(404);

    const res = await live(`/api/errors/live?shown=${theirs?.errorId},${mine?.errorId}`, cookie);
    expect(res.status).toBe(200);
    expect(res.body.ids).toEqual([mine?.errorId]);
    expect(res.body.errors.map((error: { id: number }) => error.id)).toEqual([mine?.errorId]);
  });

  it.each([
    ["shown=abc", "shown"],
    ["shown=1,-2", "shown"],
    [`shown=${Array.from({ length: 101 }, (_, i) => i + 1).join(",")}`, "shown"],
    ["sort=title", "sort"],
    ["cursor=not-a-cursor", null],
  ])("refuses %s with a 400", async (search, path) => {
    const account = await signUp();
    const res = await api(`/api/errors/live?${search}`, { token: account.token });
    expect(res.status).toBe(400);
    if (path) expect(res.body.error.issues[0].path).toEqual([path]);
  });
});

describe("GET /api/errors/:id/live", () => {
  it("answers the error's counters and latest event, to its project's members only", async () => {
    const owner = await signUp();
    const stranger = await signUp();
    const [first] = await ingest(owner.token, [{ title: "Detail live" }]);
    const errorId = first?.errorId as number;
    const cookie = await signInCookie(owner);

    const res = await live(`/api/errors/${errorId}/live`, cookie);
    expect(res.status).toBe(200);
    conforms(schemas.liveErrorSchema, res.body);
    expect(res.body).toMatchObject({ id: errorId, count: 1, latestEventId: first?.id });

    const [second] = await ingest(owner.token, [{ title: "Detail live" }]);
    const after = await live(`/api/errors/${errorId}/live`, cookie);
    expect(after.body).toMatchObject({ count: 2, status: "open", latestEventId: second?.id });

    await api(`/api/errors/${errorId}`, {
      method: "PATCH",
      token: owner.token,
      json: { status: "resolved" },
    });
    expect((await live(`/api/errors/${errorId}/live`, cookie)).body.status).toBe("resolved");

    expect((await api(`/api/errors/${errorId}/live`)).status).toBe(401);
    const strangerCookie = await signInCookie(stranger);
    expect((await live(`/api/errors/${errorId}/live`, strangerCookie)).status).toBe(404);
    expect((await live("/api/errors/abc/live", cookie)).status).toBe(404);
  });
});
