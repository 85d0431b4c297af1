import { describe, expect, it } from "vitest";
import { countListUpdates } from "./live-diff";

describe("countListUpdates", () => {
  it("is zero for the same page", () => {
    expect(countListUpdates([1, 2, 3], [1, 2, 3])).toBe(0);
    expect(countListUpdates([], [])).toBe(0);
  });

  it("counts errors that came in and errors that left", () => {
    expect(countListUpdates([1, 2, 3], [4, 1, 2, 3])).toBe(1);
    expect(countListUpdates([1, 2, 3], [1, 3])).toBe(1);
    // A new one on top pushes the last one onto the next page: one in, one out.
    expect(countListUpdates([1, 2, 3], [4, 1, 2])).toBe(2);
    expect(countListUpdates([], [7])).toBe(1);
  });

  it("counts one error rising to the top as one move", () => {
    expect(countListUpdates([1, 2, 3, 4, 5], [5, 1, 2, 3, 4])).toBe(1);
    expect(countListUpdates([1, 2], [2, 1])).toBe(1);
    expect(countListUpdates([1, 2, 3, 4], [4, 3, 2, 1])).toBe(3);
  });
});
