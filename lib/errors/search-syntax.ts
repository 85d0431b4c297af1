import { parseIntegerId } from "../ids";
import { LEVELS, type Level } from "../ingest/levels";
import { MAX_RELEASE_LENGTH } from "../ingest/limits";
import { tagIssue } from "./list-params";
import type { ErrorStatusFilter } from "./list-query";
import type { ErrorListState } from "./list-url";

/**
 * The one search box's language: `level:error origin:billing-api release:1.4.2 is:resolved
 * assigned:me tag:browser=Firefox "free text"`. Keys become the list's URL parameters; quoted
 * phrases and the other words are the text search. Read in one pass, character by character
 * (no regular expression over the input), and refused past MAX_SEARCH_TEXT characters.
 */

export const MAX_SEARCH_TEXT = 1000;
/** As GET /api/errors bounds `q`. */
export const MAX_FREE_TEXT = 200;

/** The keys and an example of each; the search box says what each does in the page's language. */
export const SEARCH_KEYS = [
  { key: "level", example: "level:error" },
  { key: "origin", example: "origin:billing-api" },
  { key: "release", example: "release:1.4.2" },
  { key: "is", example: "is:resolved" },
  { key: "assigned", example: "assigned:me" },
  { key: "env", example: "env:staging" },
  { key: "tag", example: "tag:browser=Firefox" },
] as const;

type Key = (typeof SEARCH_KEYS)[number]["key"];

const ALIASES: Record<string, Key> = {
  level: "level",
  origin: "origin",
  release: "release",
  is: "is",
  status: "is",
  assigned: "assigned",
  assignee: "assigned",
  env: "env",
  environment: "env",
  tag: "tag",
};

const STATUS_WORDS: Record<string, ErrorStatusFilter> = {
  open: "open",
  unresolved: "open",
  resolved: "resolved",
  archived: "archived",
  ignored: "archived",
  all: "all",
};

/** What a query sets. `environment` null: the text did not name one (the tabs keep theirs). */
export interface SearchFilters {
  q: string;
  levels: Level[];
  origin: string;
  release: string;
  status: ErrorStatusFilter | null;
  assignee: string;
  tag: string;
  environment: string | null;
}

/** What can be wrong with a query; the search box words each one (SearchIssues messages). */
export const SEARCH_ISSUE_CODES: readonly SearchIssueCode[] = [
  "searchTooLong",
  "textTooLong",
  "unclosedQuote",
  "excluding",
  "unknownKey",
  "needsValue",
  "givenTwice",
  "unknownLevel",
  "originTooLong",
  "releaseTooLong",
  "unknownStatus",
  "unknownAssignee",
  "envTooLong",
  "tagFormat",
  "tagKeyLength",
  "tagKeyChars",
  "tagValueLength",
];

export type SearchIssueCode =
  | "searchTooLong"
  | "textTooLong"
  | "unclosedQuote"
  | "excluding"
  | "unknownKey"
  | "needsValue"
  | "givenTwice"
  | "unknownLevel"
  | "originTooLong"
  | "releaseTooLong"
  | "unknownStatus"
  | "unknownAssignee"
  | "envTooLong"
  | "tagFormat"
  | "tagKeyLength"
  | "tagKeyChars"
  | "tagValueLength";

/** A problem as a code and the values its message names. */
export interface SearchProblem {
  code: SearchIssueCode;
  values?: Record<string, string | number>;
}

export interface SearchIssue extends SearchProblem {
  /** Where in the text (UTF-16 offsets, end exclusive). */
  start: number;
  end: number;
}

export type SearchParse =
  | { ok: true; filters: SearchFilters }
  | { ok: false; issues: SearchIssue[]; filters: SearchFilters };

interface Word {
  /** The word with its quotes removed and escapes applied. */
  text: string;
  start: number;
  end: number;
  /** Index in `text` of the first ":" outside quotes, before any quote; -1 if none. */
  colon: number;
  /** A quote was opened and never closed. */
  unclosed: boolean;
}

const isSpace = (char: string) =>
  char === " " || char === "\t" || char === "\n" || char === "\r" || char === "\f" || char === "\v";

/** Splits the text into words: runs of non-space characters and quoted parts, as a shell does. */
function words(input: string): Word[] {
  const result: Word[] = [];
  let i = 0;
  while (i < input.length) {
    while (i < input.length && isSpace(input[i] as string)) i++;
    if (i >= input.length) break;
    const start = i;
    let text = "";
    let colon = -1;
    let quoted = false;
    let unclosed = false;
    while (i < input.length && !isSpace(input[i] as string)) {
      const char = input[i] as string;
      if (char === '"') {
        quoted = true;
        i++;
        while (i < input.length && input[i] !== '"') {
          // Only \" and \\ are escapes, so a Windows path or a regex keeps its backslashes.
          if (input[i] === "\\" && (input[i + 1] === '"' || input[i + 1] === "\\")) i++;
          text += input[i];
          i++;
        }
        if (i >= input.length) unclosed = true;
        else i++;
      } else {
        if (char === ":" && colon < 0 && !quoted) colon = text.length;
        text += char;
        i++;
      }
    }
    result.push({ text, start, end: i, colon, unclosed });
  }
  return result;
}

const KEY_CHARS = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
const keyList = SEARCH_KEYS.map((entry) => entry.key).join(", ");

function emptyFilters(): SearchFilters {
  return {
    q: "",
    levels: [],
    origin: "",
    release: "",
    status: null,
    assignee: "",
    tag: "",
    environment: null,
  };
}

/** Reads the search box's text into list filters, or says what is wrong with it. */
export function parseSearchText(input: string): SearchParse {
  const filters = emptyFilters();
  const issues: SearchIssue[] = [];
  if (input.length > MAX_SEARCH_TEXT) {
    return {
      ok: false,
      filters,
      issues: [
        {
          code: "searchTooLong",
          values: { max: MAX_SEARCH_TEXT },
          start: 0,
          end: input.length,
        },
      ],
    };
  }
  const free: string[] = [];
  const seen = new Map<Key, string>();
  for (const word of words(input)) {
    const issue = (problem: SearchProblem) =>
      issues.push({ ...problem, start: word.start, end: word.end });
    if (word.unclosed) {
      issue({ code: "unclosedQuote" });
      continue;
    }
    const rawKey = word.colon > 0 ? word.text.slice(0, word.colon) : "";
    const value = word.colon > 0 ? word.text.slice(word.colon + 1) : "";
    if (!rawKey || rawKey.length > 32) {
      if (word.text) free.push(word.text);
      continue;
    }
    const negated = rawKey.startsWith("-") || rawKey.startsWith("!");
    if (negated && ALIASES[rawKey.slice(1).toLowerCase()]) {
      issue({ code: "excluding", values: { key: rawKey, bare: rawKey.slice(1) } });
      continue;
    }
    if (!KEY_CHARS.test(rawKey)) {
      free.push(word.text);
      continue;
    }
    const key = ALIASES[rawKey.toLowerCase()];
    if (!key) {
      // "TypeError: x" is text: a word that ends with its colon names no filter.
      if (!value) free.push(word.text);
      else issue({ code: "unknownKey", values: { key: rawKey, keys: keyList } });
      continue;
    }
    if (!value) {
      const example = SEARCH_KEYS.find((k) => k.key === key)?.example ?? "";
      issue({ code: "needsValue", values: { key: rawKey, example } });
      continue;
    }
    if (key !== "level") {
      const before = seen.get(key);
      if (before !== undefined && before !== value) {
        issue({ code: "givenTwice", values: { key } });
        continue;
      }
      seen.set(key, value);
    }
    const problem = applyKey(filters, key, value);
    if (problem) issue(problem);
  }
  filters.q = free.join(" ");
  if (filters.q.length > MAX_FREE_TEXT) {
    issues.push({
      code: "textTooLong",
      values: { max: MAX_FREE_TEXT },
      start: 0,
      end: input.length,
    });
  }
  return issues.length > 0 ? { ok: false, issues, filters } : { ok: true, filters };
}

/** Sets one key's value on `filters`; returns what is wrong with the value, or null. */
function applyKey(filters: SearchFilters, key: Key, value: string): SearchProblem | null {
  switch (key) {
    case "level": {
      for (const part of value.split(",")) {
        const level = part.trim().toLowerCase();
        if (!level) continue;
        if (!(LEVELS as readonly string[]).includes(level))
          return { code: "unknownLevel", values: { value: part, levels: LEVELS.join(", ") } };
        if (!filters.levels.includes(level as Level)) filters.levels.push(level as Level);
      }
      // Severity order, as the level chips and the URL write it.
      filters.levels = LEVELS.filter((level) => filters.levels.includes(level));
      return null;
    }
    case "origin":
      if (value.length > 255) return { code: "originTooLong", values: { max: 255 } };
      filters.origin = value;
      return null;
    case "release":
      if (value.length > MAX_RELEASE_LENGTH)
        return { code: "releaseTooLong", values: { max: MAX_RELEASE_LENGTH } };
      filters.release = value;
      return null;
    case "is": {
      const status = STATUS_WORDS[value.toLowerCase()];
      if (!status) return { code: "unknownStatus", values: { value } };
      filters.status = status;
      return null;
    }
    case "assigned": {
      const who = value.toLowerCase();
      const id = who.startsWith("#") ? who.slice(1) : who;
      if (who === "me" || who === "none") filters.assignee = who;
      else if (parseIntegerId(id) !== null) filters.assignee = id;
      else return { code: "unknownAssignee", values: { value } };
      return null;
    }
    case "env":
      if (value.length > 64) return { code: "envTooLong", values: { max: 64 } };
      filters.environment = value;
      return null;
    case "tag": {
      const separator = value.indexOf("=");
      if (separator < 0) return { code: "tagFormat" };
      const problem = tagIssue(value.slice(0, separator), value.slice(separator + 1));
      if (problem) {
        const { code, ...values } = problem;
        return { code, values };
      }
      filters.tag = `${value.slice(0, separator)}:${value.slice(separator + 1)}`;
      return null;
    }
  }
}

/** A value as the parser reads it back: bare when it can be, else in quotes with \" and \\. */
function quote(value: string): string {
  let bare = value.length > 0;
  for (const char of value) {
    if (isSpace(char) || char === '"') {
      bare = false;
      break;
    }
  }
  return bare ? value : quoted(value);
}

const quoted = (value: string) => `"${value.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`;

/** Free text as the parser reads it back: bare words when they read as themselves. */
function quoteFree(text: string): string {
  const parsed = parseSearchText(text);
  const plain =
    parsed.ok &&
    parsed.filters.q === text &&
    JSON.stringify({ ...parsed.filters, q: "" }) === JSON.stringify(emptyFilters());
  return plain ? text : quoted(text);
}

/**
 * The text the box shows for a list state: parsing it gives the same filters back. The
 * environment is left out: the tabs show it, and a query without `env:` keeps the tab.
 */
export function formatSearchText(state: ErrorListState): string {
  const parts: string[] = [];
  if (state.status) parts.push(`is:${state.status}`);
  if (state.levels.length > 0) parts.push(`level:${state.levels.join(",")}`);
  if (state.origin) parts.push(`origin:${quote(state.origin)}`);
  if (state.release) parts.push(`release:${quote(state.release)}`);
  if (state.assignee) parts.push(`assigned:${quote(state.assignee)}`);
  if (state.tag) {
    const separator = state.tag.indexOf(":");
    parts.push(
      `tag:${quote(`${state.tag.slice(0, separator)}=${state.tag.slice(separator + 1)}`)}`,
    );
  }
  if (state.q) parts.push(quoteFree(state.q));
  return parts.join(" ");
}

/** The list state a parsed query asks for: its filters replace the current ones. */
export function searchChanges(filters: SearchFilters): Partial<ErrorListState> {
  const { environment, ...rest } = filters;
  return environment === null ? rest : { ...rest, environment };
}
