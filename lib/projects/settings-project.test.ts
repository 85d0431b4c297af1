import { describe, expect, it } from "vitest";
import { pickSettingsProject } from "./settings-project";

const joined = { id: 1, role: "member" as const };
const own = { id: 2, role: "owner" as const };
const ownLater = { id: 3, role: "owner" as const };

describe("pickSettingsProject", () => {
  it("opens on the user's own first project, not one they joined earlier", () => {
    expect(pickSettingsProject([joined, own, ownLater], null)).toBe(own);
  });
  it("then on the last project used, while the user still belongs to it", () => {
    expect(pickSettingsProject([joined, own, ownLater], 3)).toBe(ownLater);
    expect(pickSettingsProject([joined, own, ownLater], 1)).toBe(joined);
    expect(pickSettingsProject([joined, own], 99)).toBe(own);
  });
  it("falls back to the first project when the user owns none, and to null without any", () => {
    expect(pickSettingsProject([joined], null)).toBe(joined);
    expect(pickSettingsProject([], 5)).toBeNull();
  });
});
