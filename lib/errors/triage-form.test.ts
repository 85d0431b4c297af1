import { describe, expect, it } from "vitest";
import { errorStatusUpdateSchema } from "../schemas/errors";
import { statusBodyFromForm } from "./triage-form";

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
};
const NOW = Date.parse("2026-12-01T10:00:00Z");

describe("statusBodyFromForm", () => {
  it("reads a status with its resolution", () => {
    expect(
      statusBodyFromForm(form({ id: "7", status: "resolved", resolve: "inNextRelease" })),
    ).toEqual({ status: "resolved", resolve: "inNextRelease" });
    expect(statusBodyFromForm(form({ status: "open" }))).toEqual({ status: "open" });
  });

  it("reads each archive condition", () => {
    const archive = (value: string, extra: Record<string, string> = {}) =>
      statusBodyFromForm(form({ status: "archived", archive: value, ...extra }), NOW).archive;
    expect(archive("forever")).toBeUndefined();
    expect(archive("hours:24")).toEqual({ until: "2026-12-02T10:00:00.000Z" });
    expect(archive("events:100")).toEqual({ untilEvents: 100 });
    expect(archive("rate:10:60")).toEqual({ untilRate: { count: 10, minutes: 60 } });
    expect(archive("rate", { archiveRateCount: " 5 ", archiveRateMinutes: "30" })).toEqual({
      untilRate: { count: 5, minutes: 30 },
    });
  });

  it("reads an assignee: an id or nobody", () => {
    expect(statusBodyFromForm(form({ assigneeId: "12" }))).toEqual({ assigneeId: 12 });
    expect(statusBodyFromForm(form({ assigneeId: "none" }))).toEqual({ assigneeId: null });
  });

  it("leaves bad values for the schema to refuse, naming them", () => {
    const issues = (fields: Record<string, string>) => {
      const result = errorStatusUpdateSchema.safeParse(statusBodyFromForm(form(fields), NOW));
      return result.success ? [] : result.error.issues.map((issue) => issue.path.join("."));
    };
    expect(issues({ status: "archived", archive: "rate", archiveRateCount: "ten" })).toEqual([
      "archive.untilRate.count",
      "archive.untilRate.minutes",
    ]);
    expect(issues({ status: "archived", archive: "events:0" })).toEqual(["archive.untilEvents"]);
    expect(issues({ status: "archived", archive: "sometimes" })).toEqual(["archive"]);
    expect(issues({ assigneeId: "me" })).toEqual(["assigneeId"]);
    expect(issues({ status: "closed" })).toEqual(["status"]);
  });
});
