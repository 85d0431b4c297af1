import { asRecord, lenientString } from "./text";

export interface LogMessage {
  /** The message template (`logentry.message`) or, without one, the formatted text. */
  template: string;
  /** The text to show: `formatted`, else the template formatted with `params` like Relay does. */
  text: string;
}

// Python's %-conversions: %s, %(name)s, %d, %.2f, %%…
const PYTHON_SPEC = /%(?:\(([^)]*)\))?[#0\- +]*(?:\d+|\*)?(?:\.(\d+))?[hlL]?([diouxXeEfFgGcrsa%])/g;
// {}, {0}, {name}, and {{ / }} escapes, as in .NET, Java (slf4j) and Python's str.format.
const CURLY_SPEC = /\{\{|\}\}|\{([^{}]*)\}/g;

/** `logentry`, or its legacy alias `message` (a string or a `{message, params, formatted}` object). */
export function readLogMessage(event: Record<string, unknown>): LogMessage | undefined {
  return readEntry(event.logentry) ?? readEntry(event.message);
}

function readEntry(entry: unknown): LogMessage | undefined {
  if (typeof entry === "string") return entry.trim() ? { template: entry, text: entry } : undefined;
  const record = asRecord(entry);
  if (!record) return undefined;
  const message = nonBlank(lenientString(record.message));
  const formatted = nonBlank(lenientString(record.formatted));
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

function pythonFormat(template: string, params: unknown): string | undefined {
  let index = 0;
  let failed = false;
  const result = template.replace(
    PYTHON_SPEC,
    (spec, name: string | undefined, precision, conversion) => {
      if (conversion === "%") return "%";
      const value = name === undefined ? positional(params, index++) : named(params, name);
      const text = value === undefined ? undefined : convert(value.value, conversion, precision);
      if (text === undefined) failed = true;
      return text ?? spec;
    },
  );
  return failed ? undefined : result;
}

function curlyFormat(template: string, params: unknown): string | undefined {
  let index = 0;
  let failed = false;
  const result = template.replace(CURLY_SPEC, (spec, key: string | undefined) => {
    if (spec === "{{") return "{";
    if (spec === "}}") return "}";
    const name = (key ?? "").trim();
    let value: { value: unknown } | undefined;
    if (name === "") value = positional(params, index++);
    else if (/^\d+$/.test(name)) value = positional(params, Number(name));
    else value = named(params, name);
    if (value === undefined) failed = true;
    return value === undefined ? spec : display(value.value);
  });
  return failed ? undefined : result;
}

function positional(params: unknown, index: number): { value: unknown } | undefined {
  return Array.isArray(params) && index < params.length ? { value: params[index] } : undefined;
}

function named(params: unknown, name: string): { value: unknown } | undefined {
  const record = asRecord(params);
  return record && Object.hasOwn(record, name) ? { value: record[name] } : undefined;
}

function convert(
  value: unknown,
  conversion: string,
  precision: string | undefined,
): string | undefined {
  if ("sra".includes(conversion)) return display(value);
  if (typeof value !== "number" || !Number.isFinite(value)) return undefined;
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
