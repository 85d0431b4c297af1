import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseListErrorsQuery } from "@/lib/errors/list-query";
import { testDatabases } from "@/tests/support/databases";
import type { DbHandle } from "../client";
import { errorHourlyCounts, errors } from "../schema";
import {
  countErrorsByEnvironment,
  hourlyCountsForErrors,
  listOriginsOfProject,
} from "./error-stats";
import { createProject } from "./projects";
import { createAccount } from "./users";

const query = (params: Record<string, string> = {}) =>
  parseListErrorsQuery(new URLSearchParams(params));

describe.each(testDatabases())("error stats on $name", (database) => {
  let handle: DbHandle & { drop: () => Promise<void> };
  let projectId: number;
  let otherProjectId: number;
  let userId: number;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    handle = await database.open();
    const { user } = await createAccount(handle.db, {
      name: "Stats",
      email: `stats-${Math.random().toString(36).slice(2)}@example.test`,
      password: "password-123",
    });
    userId = user.id;
    projectId = (await createProject(handle.db, { userId: user.id, name: "Stats" })).project.id;
    otherProjectId = (await createProject(handle.db, { userId: user.id, name: "Other" })).project
      .id;
    const now = new Date();
    const rows = [
      ["prod-open", projectId, "production", "open", "error", "billing-api"],
      ["prod-archived", projectId, "production", "archived", "warning", "billing-api"],
      ["prod-debug", projectId, "production", "open", "debug", "web"],
      ["staging", projectId, "staging", "open", "error", "web"],
      ["canary", projectId, "canary", "open", "fatal", "deploy"],
      ["elsewhere", otherProjectId, "development", "open", "error", "hidden-origin"],
    ] as const;
    for (const [title, project, environment, status, level, origin] of rows) {
      const [row] = await handle.db
        .insert(errors)
        .values({
          projectId: project,
          environment,
          status,
          level,
          origin,
          title,
          fingerprint: title,
          eventCount: 1,
          firstSeen: now,
          lastSeen: now,
        })
        .returning({ id: errors.id });
      ids[title] = row!.id;
    }
  });
  afterAll(async () => {
    await handle?.drop();
  });

  it("counts open errors per environment bucket, with every error in `total`", async () => {
    const counts = await countErrorsByEnvironment(handle.db, { projectId, userId, query: query() });
    expect(counts).toEqual({
      production: { matching: 2, total: 3 },
      staging: { matching: 1, total: 1 },
      development: { matching: 0, total: 0 },
      other: { matching: 1, total: 1 },
    });
  });

  it("applies the list's filters, including archived errors found by a search", async () => {
    const byLevel = await countErrorsByEnvironment(handle.db, {
      projectId,
      userId,
      query: query({ level: "warning,fatal" }),
    });
    expect(byLevel.production.matching).toBe(1);
    expect(byLevel.other.matching).toBe(1);
    const byText = await countErrorsByEnvironment(handle.db, {
      projectId,
      userId,
      query: query({ q: "PROD", status: "archived" }),
    });
    expect(byText.production).toEqual({ matching: 1, total: 3 });
  });

  it("counts one named environment outside the three alone, within the other bucket", async () => {
    await handle.db.insert(errors).values({
      projectId,
      environment: "canary-eu",
      status: "archived",
      level: "error",
      origin: "deploy",
      title: "canary-eu",
      fingerprint: "canary-eu",
      eventCount: 1,
      firstSeen: new Date(),
      lastSeen: new Date(),
    });
    const canary = await countErrorsByEnvironment(handle.db, {
      projectId,
      userId,
      query: query({ environment: "canary" }),
    });
    expect(canary.named).toEqual({ environment: "canary", matching: 1, total: 1 });
    expect(canary.other).toEqual({ matching: 1, total: 2 });
    const archived = await countErrorsByEnvironment(handle.db, {
      projectId,
      userId,
      query: query({ environment: "canary-eu", status: "archived" }),
    });
    expect(archived.named).toEqual({ environment: "canary-eu", matching: 1, total: 1 });
    const none = await countErrorsByEnvironment(handle.db, {
      projectId,
      userId,
      query: query({ environment: "nowhere" }),
    });
    expect(none.named).toEqual({ environment: "nowhere", matching: 0, total: 0 });
    // A primary environment or a bucket names nothing.
    for (const environment of ["staging", "other", "all"]) {
      const counts = await countErrorsByEnvironment(handle.db, {
        projectId,
        userId,
        query: query({ environment }),
      });
      expect(counts.named).toBeUndefined();
    }
  });

  it("lists a project's distinct origins alphabetically", async () => {
    expect(await listOriginsOfProject(handle.db, projectId)).toEqual([
      "billing-api",
      "deploy",
      "web",
    ]);
  });

  it("returns 24 hourly buckets per error, oldest first, zeros included", async () => {
    const now = new Date("2030-01-02T10:30:00Z");
    const id = ids["prod-open"]!;
    await handle.db.insert(errorHourlyCounts).values([
      { errorId: id, hour: new Date("2030-01-02T10:00:00Z"), count: 4 },
      { errorId: id, hour: new Date("2030-01-01T11:00:00Z"), count: 2 },
      // 24 hours before the current hour: outside the window.
      { errorId: id, hour: new Date("2030-01-01T10:00:00Z"), count: 9 },
    ]);
    const other = ids.staging!;
    const series = await hourlyCountsForErrors(handle.db, [id, other], now);
    expect(series[id]).toHaveLength(24);
    expect(series[id]![23]).toBe(4);
    expect(series[id]![0]).toBe(2);
    expect(series[id]!.reduce((a, b) => a + b, 0)).toBe(6);
    expect(series[other]).toEqual(Array.from({ length: 24 }, () => 0));
    expect(await hourlyCountsForErrors(handle.db, [], now)).toEqual({});
  });
});
