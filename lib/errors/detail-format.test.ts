import { describe, expect, it } from "vitest";
import {
  formatBucket,
  formatDateTime,
  formatRelative,
  parseEventsCursor,
  parseRowId,
} from "./detail-format";

describe("parseRowId", () => {
  it.each([
    ["1", 1],
    ["9007199254740991", 9007199254740991],
  ])("reads %j", (raw, id) => {
    expect(parseRowId(raw)).toBe(id);
  });

  it.each(["0", "-1", "01", "1.5", "abc", "", " 1", "9007199254740993", "12345678901234567", 5])(
    "refuses %j",
    (raw) => {
      expect(parseRowId(raw)).toBeNull();
    },
  );
});

describe("parseEventsCursor", () => {
  it("takes the first value and refuses junk", () => {
    expect(parseEventsCursor(["1795788000123456.12", "13"])).toBe("1795788000123456.12");
    expect(parseEventsCursor("12")).toBeNull();
    expect(parseEventsCursor("x")).toBeNull();
    expect(parseEventsCursor(undefined)).toBeNull();
  });
});

describe("formatting", () => {
  it("formats dates like 27 Nov 2026, 14:03", () => {
    expect(formatDateTime("2026-11-27T14:03:59Z", { timeZone: "UTC" })).toBe("27 Nov 2026, 14:03");
    expect(formatDateTime("2026-11-27T14:03:59Z", { timeZone: "America/Sao_Paulo" })).toBe(
      "27 Nov 2026, 11:03",
    );
    expect(formatDateTime("2026-11-27T00:03:09Z", { timeZone: "UTC", seconds: true })).toBe(
      "27 Nov 2026, 00:03:09",
    );
    expect(formatDateTime("nope")).toBe("nope");
  });

  it("formats chart buckets", () => {
    expect(formatBucket("2026-11-27T09:00:00Z", "hour", "UTC")).toBe("09:00");
    expect(formatBucket("2026-11-27T00:00:00Z", "day", "UTC")).toBe("27 Nov");
  });

  it("says how long ago", () => {
    const now = Date.parse("2026-11-27T14:00:00Z");
    expect(formatRelative(now - 30_000, now)).toBeNull();
    expect(formatRelative(now - 60_000, now)).toBe("1 minute ago");
    expect(formatRelative(now - 5 * 3_600_000, now)).toBe("5 hours ago");
    expect(formatRelative(now - 3 * 86_400_000, now)).toBe("3 days ago");
    expect(formatRelative(now + 2 * 3_600_000, now)).toBe("in 2 hours");
    expect(formatRelative(now - 400 * 86_400_000, now)).toBe("1 year ago");
  });

  it("formats dates and times in Portuguese", () => {
    const now = Date.parse("2026-11-27T14:00:00Z");
    expect(formatDateTime("2026-11-27T14:03:59Z", { timeZone: "UTC", locale: "pt-BR" })).toBe(
      "27 de nov. de 2026, 14:03",
    );
    expect(formatBucket("2026-11-27T00:00:00Z", "day", "UTC", "pt-BR")).toBe("27 de nov.");
    expect(formatRelative(now - 5 * 60_000, now, "pt-BR")).toBe("há 5 minutos");
    expect(formatRelative(now - 86_400_000, now, "pt-BR")).toBe("há 1 dia");
    expect(formatRelative(now + 2 * 3_600_000, now, "pt-BR")).toBe("em 2 horas");
  });
});
