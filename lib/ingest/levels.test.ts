import { describe, expect, it } from "vitest";
import { LEVELS, levelSeverity, parseLevel } from "./levels";

describe("parseLevel", () => {
  it.each([
    ["fatal", "fatal"],
    ["error", "error"],
    ["warning", "warning"],
    ["info", "info"],
    ["debug", "debug"],
    ["  ERROR ", "error"],
    ["Warning", "warning"],
    ["warn", "warning"],
    ["WARN", "warning"],
    ["critical", "fatal"],
    ["log", "info"],
    ["notset", undefined],
    ["trace", undefined],
    ["", undefined],
    ["err", undefined],
    ["constructor", undefined],
    ["__proto__", undefined],
    [40, undefined],
    [null, undefined],
    [undefined, undefined],
    [{}, undefined],
  ])("%j → %j", (input, expected) => {
    expect(parseLevel(input)).toBe(expected);
  });
});

describe("levelSeverity", () => {
  it.each([
    ["fatal", 5],
    ["error", 4],
    ["warning", 3],
    ["info", 2],
    ["debug", 1],
  ] as const)("%s → %d", (level, severity) => {
    expect(levelSeverity(level)).toBe(severity);
  });

  it("LEVELS are listed from the most to the least severe", () => {
    const severities = LEVELS.map(levelSeverity);
    expect(severities).toEqual([...severities].sort((a, b) => b - a));
  });
});
