import { MAX_DETAILS_LENGTH } from "./limits";
import { asRecord, lenientString } from "./text";

export interface LogMessage {
  /** The message template (`logentry.message`) or, without one, the formatted text. */
  template: string;
  /** The text to show: `formatted`, else the template formatted with `params` like Relay does. */
  text: string;
}

// Formatting is a hand-written scan, one pass over the template: a regex for Python's
// `%(name)s` backtracks quadratically over "%(%(%(…" (80,000 of them kept the server busy 25 s).
const CONVERSIONS = "diouxXeEfFgGcrsa%";
const FLAGS = "#0- +";

/**
 * How much of a template or formatted text is read. The text ends up in the details (at most
 * MAX_DETAILS_LENGTH) and the title (its first 100 characters); grouping reads 2 KiB. One more
 * than the cap, so that the details still show the text was cut.
 */
export const MAX_LOG_TEXT = MAX_DETAILS_LENGTH + 1;

/** `logentry`, or its legacy alias `message` (a string or a `{message, params, formatted}` object). */
export function readLogMessage(event: Record<string, unknown>): LogMessage | undefined {
  return readEntry(event.logentry) ?? readEntry(event.message);
}

function readEntry(entry: unknown): LogMessage | undefined {
  if (typeof entry === "string") {
    const text = entry.slice(0, MAX_LOG_TEXT);
    return text.trim() ? { template: text, text } : undefined;
  }
  const record = asRecord(entry);
  if (!record) return undefined;
  const message = nonBlank(lenientString(record.message)?.slice(0, MAX_LOG_TEXT));
  const formatted = nonBlank(lenientString(record.formatted)?.slice(0, MAX_LOG_TEXT));
  const params = record.params;
  const text =
    formatted ??
    (message && params !== undefined ? formatMessage(message, params) : undefined) ??
    message;
  const template = message ?? formatted;
  return text && template ? { template, text } : undefined;
}

/** Relay's rule: a template with "%" is Python-formatted, else one with "{" is curly-formatted; failure → undefined. */
export function formatMessage(template: string, params: unknown): string | undefined {
  if (template.includes("%")) return pythonFormat(template, params);
  if (template.includes("{")) return curlyFormat(template, params);
  return undefined;
}

/** Collects output up to MAX_LOG_TEXT: params repeated by name must not blow a template up. */
class Output {
  private parts: string[] = [];
  private length = 0;
  get full(): boolean {
    return this.length >= MAX_LOG_TEXT;
  }
  push(text: string | (() => string)): void {
    if (this.full) return;
    const part = (typeof text === "string" ? text : text()).slice(0, MAX_LOG_TEXT - this.length);
    this.parts.push(part);
    this.length += part.length;
  }
  toString(): string {
    return this.parts.join("");
  }
}

/** A `%` conversion spec at `start` (the "%"): its end, mapping key, precision and conversion. */
interface PythonSpec {
  end: number;
  name: string | undefined;
  precision: string | undefined;
  conversion: string;
}

const isDigit = (char: string | undefined) => char !== undefined && char >= "0" && char <= "9";

/**
 * Reads `%[(name)][flags][width][.precision][hlL]conversion` at `start`, like the regex
 * /%(?:\(([^)]*)\))?[#0\- +]*(?:\d+|\*)?(?:\.(\d+))?[hlL]?([diouxXeEfFgGcrsa%])/ but greedily
 * (no parse of these parts can succeed where the greedy one fails). `nextParen` finds the next
 * ")" at or after an index, remembering its last answer so that the whole scan stays linear.
 */
function readPythonSpec(
  template: string,
  start: number,
  nextParen: (from: number) => number,
): PythonSpec | undefined {
  let i = start + 1;
  let name: string | undefined;
  if (template[i] === "(") {
    const close = nextParen(i + 1);
    if (close === -1) return undefined;
    name = template.slice(i + 1, close);
    i = close + 1;
  }
  while (i < template.length && FLAGS.includes(template[i] as string)) i++;
  if (template[i] === "*") i++;
  else while (isDigit(template[i])) i++;
  let precision: string | undefined;
  if (template[i] === "." && isDigit(template[i + 1])) {
    const from = i + 1;
    i = from;
    while (isDigit(template[i])) i++;
    precision = template.slice(from, i);
  }
  if (template[i] === "h" || template[i] === "l" || template[i] === "L") i++;
  const conversion = template[i];
  if (conversion === undefined || !CONVERSIONS.includes(conversion)) return undefined;
  return { end: i + 1, name, precision, conversion };
}

function pythonFormat(template: string, params: unknown): string | undefined {
  const out = new Output();
  let index = 0;
  let paren = -2;
  const nextParen = (from: number): number => {
    if (paren === -1 || paren >= from) return paren;
    paren = template.indexOf(")", from);
    return paren;
  };
  let copied = 0;
  let at = template.indexOf("%");
  while (at !== -1) {
    const spec = readPythonSpec(template, at, nextParen);
    if (!spec) {
      at = template.indexOf("%", at + 1);
      continue;
    }
    out.push(template.slice(copied, at));
    copied = spec.end;
    if (spec.conversion === "%") {
      out.push("%");
    } else {
      const value =
        spec.name === undefined ? positional(params, index++) : named(params, spec.name);
      if (value === undefined || !convertible(value.value, spec.conversion)) return undefined;
      out.push(() => convert(value.value, spec.conversion, spec.precision));
    }
    at = template.indexOf("%", spec.end);
  }
  out.push(template.slice(copied));
  return out.toString();
}

/** `{{`, `}}`, and `{key}` (no brace inside), scanned like /\{\{|\}\}|\{([^{}]*)\}/g. */
function curlyFormat(template: string, params: unknown): string | undefined {
  const out = new Output();
  let index = 0;
  let copied = 0;
  let i = 0;
  while (i < template.length) {
    const char = template[i];
    if (char !== "{" && char !== "}") {
      i++;
      continue;
    }
    if (template[i + 1] === char) {
      out.push(template.slice(copied, i) + char);
      i += 2;
      copied = i;
      continue;
    }
    if (char === "}") {
      i++;
      continue;
    }
    let close = i + 1;
    while (close < template.length && template[close] !== "{" && template[close] !== "}") close++;
    if (template[close] !== "}") {
      // No spec here; the scan resumes at the brace that stopped it (or the end).
      i = close;
      continue;
    }
    const name = template.slice(i + 1, close).trim();
    let value: { value: unknown } | undefined;
    if (name === "") value = positional(params, index++);
    else if (/^\d+$/.test(name)) value = positional(params, Number(name));
    else value = named(params, name);
    if (value === undefined) return undefined;
    out.push(template.slice(copied, i));
    out.push(() => display(value.value));
    i = close + 1;
    copied = i;
  }
  out.push(template.slice(copied));
  return out.toString();
}

function positional(params: unknown, index: number): { value: unknown } | undefined {
  return Array.isArray(params) && index < params.length ? { value: params[index] } : undefined;
}

function named(params: unknown, name: string): { value: unknown } | undefined {
  const record = asRecord(params);
  return record && Object.hasOwn(record, name) ? { value: record[name] } : undefined;
}

/** Whether Python's `%` would format `value` with `conversion` (the numeric ones want a number). */
function convertible(value: unknown, conversion: string): boolean {
  return "sra".includes(conversion) || (typeof value === "number" && Number.isFinite(value));
}

function convert(value: unknown, conversion: string, precision: string | undefined): string {
  if ("sra".includes(conversion) || typeof value !== "number") return display(value);
  switch (conversion) {
    case "d":
    case "i":
    case "u":
      return String(Math.trunc(value));
    case "f":
    case "F":
      return value.toFixed(Math.min(Number(precision ?? 6), 100));
    case "x":
      return Math.trunc(value).toString(16);
    case "X":
      return Math.trunc(value).toString(16).toUpperCase();
    case "o":
      return Math.trunc(value).toString(8);
    default:
      return String(value);
  }
}

function display(value: unknown): string {
  if (typeof value === "string") return value;
  return lenientString(value) ?? JSON.stringify(value) ?? String(value);
}

function nonBlank(text: string | undefined): string | undefined {
  return text?.trim() ? text : undefined;
}
