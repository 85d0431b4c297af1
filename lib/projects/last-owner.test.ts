import { describe, expect, it } from "vitest";
import { isLastOwner } from "./last-owner";

describe("isLastOwner", () => {
  it("is the one owner, whatever the members", () => {
    const members = [
      { userId: 1, role: "owner" as const },
      { userId: 2, role: "member" as const },
    ];
    expect(isLastOwner(members, 1)).toBe(true);
    expect(isLastOwner(members, 2)).toBe(false);
    expect(isLastOwner(members, 3)).toBe(false);
  });

  it("is nobody when there are two owners (or none)", () => {
    const two = [
      { userId: 1, role: "owner" as const },
      { userId: 2, role: "owner" as const },
    ];
    expect(isLastOwner(two, 1)).toBe(false);
    expect(isLastOwner(two, 2)).toBe(false);
    expect(isLastOwner([{ userId: 1, role: "member" as const }], 1)).toBe(false);
    expect(isLastOwner([], 1)).toBe(false);
  });
});
