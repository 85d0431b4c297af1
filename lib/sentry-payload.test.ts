import { describe, expect, it } from "vitest";
import { listJsonFixtures, readJsonFixture } from "@/tests/support/fixtures";
import {
  displayValue,
  mergeTags,
  readBreadcrumbs,
  readContexts,
  readEntries,
  readEventFacts,
  readExceptions,
  readRequest,
  readTimestamp,
  readUser,
} from "./sentry-payload";

const fixture = (name: string) => readJsonFixture(`sentry-events/${name}.json`);

const ODD_VALUES: unknown[] = [
  null,
  undefined,
  42,
  "text",
  true,
  [],
  [1, "a", null],
  {},
  { values: "nope" },
  { values: [null, 3, "x", { stacktrace: { frames: "no" } }] },
];

const READERS = [
  readExceptions,
  readRequest,
  readBreadcrumbs,
  readContexts,
  readUser,
  readEventFacts,
  (payload: unknown) => mergeTags(payload, payload),
];

describe("readers never throw", () => {
  it.each(ODD_VALUES.map((value) => [value]))("on a payload of %j", (value) => {
    for (const read of READERS) expect(() => read(value)).not.toThrow();
  });

  it.each(ODD_VALUES.map((value) => [value]))("on every field set to %j", (value) => {
    const payload = {
      exception: value,
      request: value,
      breadcrumbs: value,
      contexts: value,
      user: value,
      tags: value,
      sdk: value,
      logentry: value,
      message: value,
      platform: value,
    };
    for (const read of READERS) expect(() => read(payload)).not.toThrow();
  });

  it("on frames and requests whose fields have the wrong types", () => {
    const payload = {
      exception: {
        values: [
          {
            type: 7,
            value: { nested: true },
            mechanism: "x",
            stacktrace: {
              frames: [
                {
                  function: ["f"],
                  lineno: "12",
                  colno: -1,
                  in_app: "yes",
                  pre_context: "a",
                  context_line: 5,
                  post_context: [1, { a: 1 }],
                  vars: [["a", { b: 1 }], "junk"],
                },
              ],
            },
          },
        ],
      },
      request: { method: 3, url: ["u"], headers: [["A", 1], ["B"], 5], query_string: { q: [1] } },
    };
    const [exception] = readExceptions(payload);
    expect(exception?.type).toBe("7");
    expect(exception?.value).toBeUndefined();
    const frame = exception?.frames[0];
    expect(frame).toMatchObject({ inApp: false, preContext: [], postContext: ["1", '{"a":1}'] });
    expect(frame?.lineno).toBeUndefined();
    expect(frame?.vars).toEqual([["a", '{"b":1}']]);
    expect(readRequest(payload)).toMatchObject({
      method: "3",
      url: undefined,
      headers: [["A", "1"]],
      query: [["q", "[1]"]],
    });
  });
});

describe("readExceptions", () => {
  it("puts the last exception first and the most recent frame first", () => {
    const payload = {
      exception: {
        values: [
          { type: "KeyError", value: "'a'", stacktrace: { frames: [{ function: "inner" }] } },
          {
            type: "ValueError",
            value: "bad",
            mechanism: { type: "generic", handled: false },
            stacktrace: {
              frames: [
                { function: "main", in_app: true, lineno: 3 },
                { function: "helper", in_app: false, lineno: 9, colno: 2 },
              ],
            },
          },
        ],
      },
    };
    const [last, first] = readExceptions(payload);
    expect(last).toMatchObject({ type: "ValueError", mechanism: "generic", handled: false });
    expect(last?.frames.map((frame) => frame.function)).toEqual(["helper", "main"]);
    expect(last?.frames[0]).toMatchObject({ lineno: 9, colno: 2, inApp: false });
    expect(first?.type).toBe("KeyError");
  });

  it("reads a bare array and a single exception object", () => {
    expect(readExceptions({ exception: [{ type: "A" }] })[0]?.type).toBe("A");
    expect(readExceptions({ exception: { type: "B", value: "v" } })[0]?.value).toBe("v");
  });

  it("reads the Python fixture with context lines and vars", () => {
    const [exception] = readExceptions(fixture("python_zero_division"));
    expect(exception).toMatchObject({ type: "ZeroDivisionError", value: "division by zero" });
    const top = exception?.frames[0];
    expect(top).toMatchObject({
      function: "get",
      filename: "errors/views.py",
      module: "errors.views",
      lineno: 18,
      contextLine: "        0/0",
      inApp: true,
    });
    expect(top?.preContext).toHaveLength(5);
    expect(top?.vars.map(([key]) => key)).toContain("request");
  });

  it("shows missing source lines as blank lines and drops trailing newlines", () => {
    const [exception] = readExceptions({
      exception: {
        values: [
          {
            type: "E",
            stacktrace: {
              frames: [
                { pre_context: [null, "a\n"], context_line: "b\r\n", post_context: ["c", null] },
              ],
            },
          },
        ],
      },
    });
    expect(exception?.frames[0]).toMatchObject({
      preContext: ["", "a"],
      contextLine: "b",
      postContext: ["c", ""],
    });
  });

  it("keeps .NET frames without file names and marks the in-app one", () => {
    const [exception] = readExceptions(fixture("dotnet_error"));
    expect(exception?.type).toBe("System.NullReferenceException");
    expect(exception?.frames[0]).toMatchObject({ function: "OnGet", inApp: true, lineno: 22 });
    expect(exception?.frames.filter((frame) => frame.inApp)).toHaveLength(1);
    expect(exception?.frames.at(-1)?.filename).toBeUndefined();
  });

  it("caps very long stack traces and says how many frames were left out", () => {
    const frames = Array.from({ length: 300 }, (_, i) => ({ function: `f${i}` }));
    const [exception] = readExceptions({
      exception: { values: [{ type: "E", stacktrace: { frames } }] },
    });
    expect(exception?.frames).toHaveLength(250);
    expect(exception?.frames[0]?.function).toBe("f299");
    expect(exception?.omittedFrames).toBe(50);
  });
});

describe("readRequest", () => {
  it("reads the Python fixture's method, URL, query and headers", () => {
    const request = readRequest(fixture("python_zero_division"));
    expect(request).toMatchObject({ method: "GET", url: "http://localhost:8001/divide-zero/" });
    expect(request?.query).toEqual([
      ["foo", "bar"],
      ["foo", "bars"],
      ["lol", "ha"],
    ]);
    expect(request?.headers).toContainEqual(["Host", "localhost:8001"]);
    // Sorted by name: jsonb does not keep the order the SDK sent.
    expect(request?.headers.slice(0, 3).map(([key]) => key)).toEqual([
      "Accept",
      "Accept-Encoding",
      "Accept-Language",
    ]);
  });

  it("shows a JSON body as indented text and leaves out empty requests", () => {
    expect(readRequest({ request: { data: { a: 1 } } })?.data).toBe('{\n  "a": 1\n}');
    expect(readRequest({ request: { query_string: "", headers: {} } })).toBeUndefined();
    expect(readRequest({})).toBeUndefined();
  });
});

describe("readBreadcrumbs", () => {
  it("reads a list, newest first, with epoch timestamps as ISO", () => {
    const { items } = readBreadcrumbs(fixture("js_error_with_context"));
    expect(items[0]).toMatchObject({
      category: "sentry.event",
      level: "error",
      message: "Error: Error with context",
      timestamp: "2020-09-07T18:48:40.525Z",
    });
    // A crumb without a message shows its data.
    expect(items.find((item) => item.category === "xhr")?.message).toContain('"status_code":200');
  });

  it("reads {values: [...]} with ISO timestamps", () => {
    const { items } = readBreadcrumbs(fixture("python_logging"));
    expect(items[0]).toMatchObject({
      category: "errors.views",
      level: "warning",
      timestamp: "2022-02-16T16:03:21.362Z",
    });
  });

  it("keeps the last 200", () => {
    const breadcrumbs = Array.from({ length: 250 }, (_, i) => ({ message: `m${i}` }));
    const { items, omitted } = readBreadcrumbs({ breadcrumbs });
    expect(items).toHaveLength(200);
    expect(items[0]?.message).toBe("m249");
    expect(omitted).toBe(50);
  });
});

describe("readTimestamp", () => {
  it.each([
    [1599504520.525, "2020-09-07T18:48:40.525Z"],
    ["1599504520", "2020-09-07T18:48:40.000Z"],
    ["2022-02-16T16:03:21Z", "2022-02-16T16:03:21.000Z"],
    ["2022-02-16T16:03:21", "2022-02-16T16:03:21.000Z"],
    ["2020-04-18T21:44:00.206+02:00", "2020-04-18T19:44:00.206Z"],
  ])("reads %j", (value, expected) => {
    expect(readTimestamp(value)).toBe(expected);
  });

  it.each([null, "soon", Number.NaN, {}, 1e20])("refuses %j", (value) => {
    expect(readTimestamp(value)).toBeUndefined();
  });
});

describe("readContexts", () => {
  it("puts os, runtime and browser first and drops `type`", () => {
    const contexts = readContexts({
      contexts: {
        trace: { trace_id: "t" },
        runtime: { type: "runtime", name: "CPython", version: "3.8.2" },
        os: { name: "Linux" },
        empty: {},
        odd: 5,
      },
    });
    expect(contexts.map((context) => context.name)).toEqual(["os", "runtime", "trace", "odd"]);
    expect(contexts[1]?.entries).toEqual([
      ["name", "CPython"],
      ["version", "3.8.2"],
    ]);
    expect(
      readContexts({ contexts: { os: { build: "b", version: "1", name: "Linux", arch: "x" } } })[0]
        ?.entries,
    ).toEqual([
      ["name", "Linux"],
      ["version", "1"],
      ["arch", "x"],
      ["build", "b"],
    ]);
  });
});

describe("tags, user and facts", () => {
  it("merges payload tags with stored ones, the stored value winning", () => {
    expect(mergeTags({ tags: { a: "1", b: 2 } }, { b: "two", c: "3" })).toEqual([
      ["a", "1"],
      ["b", "two"],
      ["c", "3"],
    ]);
    expect(mergeTags({ tags: [["k", "v"]] }, null)).toEqual([["k", "v"]]);
  });

  it("reads the user and the event's facts", () => {
    expect(readUser(fixture("js_error_with_context"))).toEqual([
      ["id", "1"],
      ["email", "test@example.com"],
    ]);
    expect(readEventFacts(fixture("python_zero_division"))).toEqual([
      ["Platform", "python"],
      ["SDK", "sentry.python 0.14.3"],
      ["Transaction", "/divide-zero/"],
      ["Server", "2f96b0310f37"],
    ]);
  });
});

describe("displayValue and readEntries", () => {
  it("writes JSON for structures and caps length", () => {
    expect(displayValue({ a: [1] })).toBe('{"a":[1]}');
    expect(displayValue(null)).toBe("null");
    expect(displayValue("x".repeat(5000))).toHaveLength(4000);
  });

  it("skips entries without a usable key", () => {
    expect(readEntries({ "": 1, " ": 2, ok: 3 })).toEqual([["ok", "3"]]);
  });
});

describe("every shared fixture", () => {
  it.each(listJsonFixtures("sentry-events").map((name) => [name]))("%s reads cleanly", (name) => {
    const payload = fixture(name);
    for (const read of READERS) expect(() => read(payload)).not.toThrow();
  });
});
