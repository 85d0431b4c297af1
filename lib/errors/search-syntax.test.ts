import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { CATALOGUES } from "../i18n/messages";
import { parseListErrorsQuery } from "./list-query";
import { type ErrorListState, errorListHref, listStateFromQuery } from "./list-url";
import {
  formatSearchText,
  MAX_SEARCH_TEXT,
  parseSearchText,
  type SearchFilters,
  searchChanges,
} from "./search-syntax";

const stateOf = (search: string) =>
  listStateFromQuery(parseListErrorsQuery(new URLSearchParams(search)));

/** The issues as the search box words them in English (describeSearchIssues). */
const english = createTranslator({
  locale: "en",
  messages: CATALOGUES.en,
  namespace: "SearchIssues",
});

const messagesOf = (text: string): string[] => {
  const parsed = parseSearchText(text);
  return parsed.ok ? [] : parsed.issues.map((issue) => english(issue.code, issue.values));
};

const filtersOf = (text: string): SearchFilters => {
  const parsed = parseSearchText(text);
  if (!parsed.ok) throw new Error(messagesOf(text).join("; "));
  return parsed.filters;
};

/** The URL the box's text leads to from a given list state. */
const hrefFor = (state: ErrorListState, text: string) =>
  errorListHref(state, searchChanges(filtersOf(text)));

describe("parseSearchText", () => {
  it("reads every key of the brief's example into the list's URL parameters", () => {
    const text =
      'level:error origin:billing-api release:1.4.2 is:resolved assigned:me tag:browser=Firefox "free text"';
    expect(filtersOf(text)).toEqual({
      q: "free text",
      levels: ["error"],
      origin: "billing-api",
      release: "1.4.2",
      status: "resolved",
      assignee: "me",
      tag: "browser:Firefox",
      environment: null,
    });
    expect(hrefFor(stateOf(""), text)).toBe(
      "/errors?status=resolved&q=free+text&level=error&origin=billing-api&release=1.4.2&assignee=me&tag=browser%3AFirefox",
    );
  });

  it("joins quoted phrases and leftover words into the text search", () => {
    expect(filtersOf('timeout "connection reset" level:fatal upstream').q).toBe(
      "timeout connection reset upstream",
    );
    expect(filtersOf("").q).toBe("");
    expect(filtersOf("   ").q).toBe("");
  });

  it("keeps words that only end with a colon, and quoted colons, as text", () => {
    expect(filtersOf("TypeError: cannot read").q).toBe("TypeError: cannot read");
    expect(filtersOf('"level:error"').q).toBe("level:error");
    expect(filtersOf('"http://example.com/a"').q).toBe("http://example.com/a");
    expect(filtersOf('"C:\\dir"').q).toBe("C:\\dir");
  });

  it("reads quoted values, escapes and several levels in severity order", () => {
    const filters = filtersOf('origin:"billing api" tag:browser="Mobile Safari" level:info,fatal');
    expect(filters.origin).toBe("billing api");
    expect(filters.tag).toBe("browser:Mobile Safari");
    expect(filters.levels).toEqual(["fatal", "info"]);
    expect(filtersOf("level:debug level:error").levels).toEqual(["error", "debug"]);
    expect(filtersOf('"say \\"hi\\" to C:\\\\x"').q).toBe('say "hi" to C:\\x');
  });

  it("maps is: to the status views, with Sentry's words as aliases", () => {
    expect(filtersOf("is:open").status).toBe("open");
    expect(filtersOf("is:unresolved").status).toBe("open");
    expect(filtersOf("is:Resolved").status).toBe("resolved");
    expect(filtersOf("is:ignored").status).toBe("archived");
    expect(filtersOf("is:all").status).toBe("all");
    expect(filtersOf("status:archived").status).toBe("archived");
  });

  it("takes assigned: me, none, a user id; env: sets the environment", () => {
    expect(filtersOf("assigned:none").assignee).toBe("none");
    expect(filtersOf("assigned:42").assignee).toBe("42");
    expect(filtersOf("assigned:#42").assignee).toBe("42");
    expect(filtersOf("assignee:ME").assignee).toBe("me");
    expect(filtersOf("env:staging").environment).toBe("staging");
    expect(filtersOf("environment:all").environment).toBe("all");
    expect(hrefFor(stateOf("sort=level"), "env:staging x")).toBe(
      "/errors?environment=staging&q=x&sort=level",
    );
  });

  it.each([
    ["lvl:error", 'Unknown key "lvl" — try level, origin, release, is, assigned, env, tag'],
    ["http://example.com", 'Unknown key "http"'],
    ["level:critical", 'Unknown level "critical"'],
    ["level:", '"level:" needs a value'],
    ["is:fixed", 'Unknown status "is:fixed"'],
    ["assigned:bob", 'Unknown assignee "bob"'],
    ["assigned:0", 'Unknown assignee "0"'],
    ["tag:browser", "A tag filter is tag:key=value"],
    ["tag:=Firefox", "A tag key must be 1–32 characters"],
    [`tag:${"k".repeat(33)}=v`, "A tag key must be 1–32 characters"],
    ["tag:browser=", "A tag value must be 1–200 characters"],
    [`release:${"r".repeat(201)}`, "A release is at most 200 characters"],
    ["origin:a origin:b", '"origin:" is given twice'],
    ["tag:a=1 tag:b=2", '"tag:" is given twice'],
    ["-level:error", 'Excluding with "-level:" is not supported'],
    ['"unclosed phrase', "A quote is not closed"],
    ["x".repeat(201), "The search text is too long: at most 200 characters"],
  ])("reports %s", (text, message) => {
    const messages = messagesOf(text);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain(message);
  });

  it("says where each problem is, and reports every one", () => {
    const parsed = parseSearchText("ok lvl:error is:nope");
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues.map(({ start, end }) => [start, end])).toEqual([
      [3, 12],
      [13, 20],
    ]);
  });

  it("refuses text past the bound at once, and reads long input in linear time", () => {
    expect(messagesOf("a".repeat(MAX_SEARCH_TEXT + 1))).toEqual([
      `The search is too long: at most ${MAX_SEARCH_TEXT} characters`,
    ]);
    // Inputs that make backtracking parsers blow up: many colons, quotes and escapes.
    for (const nasty of [
      "a:".repeat(500),
      '"\\'.repeat(333),
      `${"level:error ".repeat(83)}`,
      ":".repeat(MAX_SEARCH_TEXT),
    ]) {
      const started = performance.now();
      parseSearchText(nasty.slice(0, MAX_SEARCH_TEXT));
      expect(performance.now() - started).toBeLessThan(50);
    }
  });
});

describe("formatSearchText round-trips the URL", () => {
  it.each([
    "",
    "q=timeout",
    "q=free+text&level=fatal%2Cerror&origin=billing-api",
    "status=resolved&release=web%401.2.0&assignee=me",
    "status=open&assignee=42&tag=browser%3AMobile+Safari",
    "tag=url%3Ahttps%3A%2F%2Fx.test%2Fa%3Fb%3D1",
    "origin=my+service&q=level%3Aerror",
    "q=TypeError%3A+cannot+read",
    "q=say+%22hi%22+C%3A%5Cx",
    "q=a++b",
    "q=-level%3Aerror",
    "environment=staging&sort=lastSeen&q=x",
  ])("%s", (search) => {
    const state = stateOf(search);
    const text = formatSearchText(state);
    expect(hrefFor(state, text)).toBe(errorListHref(state));
  });

  it("writes the text in a fixed, readable order", () => {
    expect(
      formatSearchText(
        stateOf(
          "q=free+text&level=error&origin=billing-api&release=1.4.2&status=resolved&assignee=me&tag=browser%3AFirefox",
        ),
      ),
    ).toBe(
      "is:resolved level:error origin:billing-api release:1.4.2 assigned:me tag:browser=Firefox free text",
    );
    expect(formatSearchText(stateOf("q=level%3Aerror"))).toBe('"level:error"');
    expect(formatSearchText(stateOf("tag=os%3AMac+OS"))).toBe('tag:"os=Mac OS"');
  });
});
