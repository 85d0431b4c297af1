import { describe, expect, it } from "vitest";
import { parseEventRef } from "./detail-event";

describe("parseEventRef", () => {
  it("reads digits as a row id and anything else as a client event id", () => {
    expect(parseEventRef("42")).toEqual({ id: 42 });
    expect(parseEventRef("9007199254740991")).toEqual({ id: 9007199254740991 });
    expect(parseEventRef("fc6d8c0c43fc4630ad850ee518f1b9d0")).toEqual({
      clientId: "fc6d8c0c43fc4630ad850ee518f1b9d0",
    });
    expect(parseEventRef("order-17-retry")).toEqual({ clientId: "order-17-retry" });
  });

  it("refuses digits that are no row id, and client ids longer than stored", () => {
    expect(parseEventRef("0")).toBeNull();
    expect(parseEventRef("007")).toBeNull();
    expect(parseEventRef("99999999999999999")).toBeNull();
    expect(parseEventRef("")).toBeNull();
    expect(parseEventRef("x".repeat(65))).toBeNull();
    expect(parseEventRef("x".repeat(64))).toEqual({ clientId: "x".repeat(64) });
  });
});
