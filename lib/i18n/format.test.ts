import { describe, expect, it } from "vitest";
import {
  formatDate,
  formatDateTime,
  formatNumber,
  formatRelativeTime,
  pluralCategory,
} from "./format";

const now = Date.UTC(2025, 2, 5, 14, 3);
const minutes = (n: number) => now - n * 60_000;

describe("formatRelativeTime", () => {
  it("speaks Portuguese", () => {
    expect(formatRelativeTime(minutes(5), now, "pt-BR")).toBe("há 5 minutos");
    expect(formatRelativeTime(minutes(0), now, "pt-BR")).toBe("agora");
    expect(formatRelativeTime(minutes(60 * 24), now, "pt-BR")).toBe("ontem");
    expect(formatRelativeTime(minutes(60 * 3), now, "pt-BR")).toBe("há 3 horas");
  });

  it("speaks English", () => {
    expect(formatRelativeTime(minutes(1), now, "en")).toBe("1 minute ago");
    expect(formatRelativeTime(minutes(60 * 24 * 12), now, "en")).toBe("12 days ago");
  });

  it("gives the date past a month, and never the future", () => {
    expect(formatRelativeTime(minutes(60 * 24 * 40), now, "pt-BR")).toBe("24 de jan. de 2025");
    expect(formatRelativeTime(now + 60_000, now, "en")).toBe("now");
  });
});

describe("formatDate, formatDateTime, formatNumber, pluralCategory", () => {
  it("follow the locale", () => {
    expect(formatDate(now, "en")).toBe("Mar 5, 2025");
    expect(formatDate(now, "pt-BR")).toBe("5 de mar. de 2025");
    expect(formatDateTime(now, "pt-BR")).toBe("5 de mar. de 2025, 14:03 UTC");
    expect(formatNumber(1234, "pt-BR")).toBe("1.234");
    expect(formatNumber(1234, "en")).toBe("1,234");
    expect(pluralCategory(1, "pt-BR")).toBe("one");
    expect(pluralCategory(0, "pt-BR")).toBe("one");
    expect(pluralCategory(0, "en")).toBe("other");
  });
});
