import { describe, expect, it } from "vitest";
import { fromEpochSeconds, isTooFarInFuture, parseIsoDateTime } from "./timestamp";

describe("parseIsoDateTime", () => {
  it.each([
    ["2024-05-01T12:00:00Z", false, "2024-05-01T12:00:00.000Z"],
    ["2024-05-01T12:00:00z", false, "2024-05-01T12:00:00.000Z"],
    ["2024-05-01 12:00:00Z", false, "2024-05-01T12:00:00.000Z"],
    ["2024-05-01T12:00Z", false, "2024-05-01T12:00:00.000Z"],
    ["2024-05-01T12:00:00.5Z", false, "2024-05-01T12:00:00.500Z"],
    ["2020-04-25T19:36:56.584908333Z", false, "2020-04-25T19:36:56.584Z"],
    ["2024-05-01T12:00:00+02:00", false, "2024-05-01T10:00:00.000Z"],
    ["2024-05-01T12:00:00-0330", false, "2024-05-01T15:30:00.000Z"],
    ["2020-04-18T21:44:00.206155+00:00", false, "2020-04-18T21:44:00.206Z"],
    ["2016-12-31T23:59:60Z", false, "2016-12-31T23:59:59.000Z"],
    ["2024-05-01T12:00:00", true, "2024-05-01T12:00:00.000Z"],
    ["1970-01-01T00:00:00Z", false, "1970-01-01T00:00:00.000Z"],
    ["1970-01-01T00:30:00+01:00", false, undefined],
    ["1969-12-31T23:59:59Z", false, undefined],
    ["0099-05-01T12:00:00Z", false, undefined],
    ["0000-06-01T00:00:00Z", false, undefined],
    ["2024-05-01T12:00:00", false, undefined],
    ["2024-05-01", false, undefined],
    ["2024-02-30T12:00:00Z", false, undefined],
    ["2024-13-01T12:00:00Z", false, undefined],
    ["2024-05-01T24:00:00Z", false, undefined],
    ["2024-05-01T12:61:00Z", false, undefined],
    ["2024-05-01T12:00:00+25:00", false, undefined],
    ["yesterday", true, undefined],
    ["1714564800", true, undefined],
    ["", true, undefined],
  ])("%j (assumeUtc %s) → %s", (text, assumeUtc, expected) => {
    expect(parseIsoDateTime(text, { assumeUtc })?.toISOString()).toBe(expected);
  });
});

describe("fromEpochSeconds", () => {
  it.each([
    [0, "1970-01-01T00:00:00.000Z"],
    [1599504520.529, "2020-09-07T18:48:40.529Z"],
    [-1, undefined],
    [Number.NaN, undefined],
    [Number.POSITIVE_INFINITY, undefined],
    [1e15, undefined],
  ])("%d → %s", (seconds, expected) => {
    expect(fromEpochSeconds(seconds)?.toISOString()).toBe(expected);
  });
});

describe("isTooFarInFuture", () => {
  const now = new Date("2024-05-01T00:00:00Z");
  it.each([
    ["2024-05-01T23:59:59Z", false],
    ["2024-05-02T00:00:00Z", false],
    ["2024-05-02T00:00:01Z", true],
    ["1999-01-01T00:00:00Z", false],
  ])("%s → %s", (date, expected) => {
    expect(isTooFarInFuture(new Date(date), now)).toBe(expected);
  });
});
