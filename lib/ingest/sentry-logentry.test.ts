import { describe, expect, it } from "vitest";
import { formatMessage, readLogMessage } from "./sentry-logentry";

describe("formatMessage", () => {
  it.each<[string, unknown, string | undefined]>([
    ["hello, %s!", ["world"], "hello, world!"],
    ["%s and %s", ["a", "b"], "a and b"],
    ["hello, %(name)s!", { name: "world" }, "hello, world!"],
    ["%r", ["x"], "x"],
    ["100%% of %s", ["users"], "100% of users"],
    ["%d items", [3.9], "3 items"],
    ["%.2f s", [1.23456], "1.23 s"],
    ["%5.1f", [2], "2.0"],
    ["%x", [255], "ff"],
    ["%s", [null], "null"],
    ["%s", [{ a: 1 }], '{"a":1}'],
    ["%s", [true], "true"],
    ["%d items", ["three"], undefined],
    ["%s and %s", ["a"], undefined],
    ["%(name)s", ["a"], undefined],
    ["%s", "not a list", undefined],
    ["hello, {}!", ["world"], "hello, world!"],
    ["hello, {0} and {1}!", ["a", "b"], "hello, a and b!"],
    ["Here is a new {foo}", { foo: "error" }, "Here is a new error"],
    ["{{literal}} {x}", { x: 1 }, "{literal} 1"],
    ["{missing}", { x: 1 }, undefined],
    ["{2}", ["a"], undefined],
    ["no placeholders", ["a"], undefined],
  ])("%j with %j → %j", (template, params, expected) => {
    expect(formatMessage(template, params)).toBe(expected);
  });
});

describe("readLogMessage", () => {
  it.each<[string, Record<string, unknown>, { template: string; text: string } | undefined]>([
    ["a message string", { message: "plain" }, { template: "plain", text: "plain" }],
    ["logentry as a string", { logentry: "plain" }, { template: "plain", text: "plain" }],
    [
      "a template with params",
      { logentry: { message: "This is a warning: %s", params: ["warning"] } },
      { template: "This is a warning: %s", text: "This is a warning: warning" },
    ],
    [
      "formatted and message",
      { logentry: { message: "m %s", formatted: "m 1" } },
      { template: "m %s", text: "m 1" },
    ],
    ["formatted only", { logentry: { formatted: "f" } }, { template: "f", text: "f" }],
    [
      "a template that cannot be formatted",
      { logentry: { message: "%s %s", params: ["a"] } },
      { template: "%s %s", text: "%s %s" },
    ],
    ["an empty message", { message: "" }, undefined],
    ["a blank logentry", { logentry: { message: "  " } }, undefined],
    ["nothing", {}, undefined],
    ["a number", { message: 5 }, undefined],
  ])("%s", (_name, event, expected) => {
    expect(readLogMessage(event)).toEqual(expected);
  });
});
