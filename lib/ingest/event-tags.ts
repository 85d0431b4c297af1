import { MAX_TAG_VALUE_LENGTH, MAX_TAGS } from "./limits";
import { readExceptions } from "./sentry-shape";
import { asRecord, lenientString, nonEmptyString, truncate } from "./text";
import { parseUserAgent } from "./user-agent";

/**
 * The tags Sentry derives from an event's other fields, under Sentry's own names, so that an
 * error's breakdown can show which browser, system, runtime, server, user, URL or release
 * path it hits: `browser` ("Firefox 105.0") and `browser.name`, `os` and `os.name`, `runtime`
 * and `runtime.name`, `server_name`, `user` ("id:42", else email, username or ip), `url`
 * (without query or fragment), `transaction`, `handled` ("yes"/"no") and `mechanism`.
 * The SDK's own tags win over a derived one of the same key; the whole stays within MAX_TAGS.
 */
export function withDerivedTags(
  event: Record<string, unknown>,
  own: Record<string, string>,
): Record<string, string> {
  const tags: Record<string, string> = { ...own };
  let count = Object.keys(tags).length;
  const add = (key: string, value: string | undefined) => {
    if (count >= MAX_TAGS || value === undefined || key in tags) return;
    const text = value.trim();
    if (!text) return;
    tags[key] = truncate(text, MAX_TAG_VALUE_LENGTH);
    count++;
  };

  const contexts = asRecord(event.contexts) ?? {};
  const request = asRecord(event.request);
  const ua = parseUserAgent(headerValue(request?.headers, "user-agent") ?? "");
  const browser = namedContext(contexts, "browser") ?? ua.browser;
  const os = namedContext(contexts, "os") ?? ua.os;
  const runtime = namedContext(contexts, "runtime");
  for (const [key, context] of [
    ["browser", browser],
    ["os", os],
    ["runtime", runtime],
  ] as const) {
    if (!context) continue;
    add(key, context.version ? `${context.name} ${context.version}` : context.name);
    add(`${key}.name`, context.name);
  }
  add("server_name", nonEmptyString(event.server_name));
  add("user", userTag(asRecord(event.user)));
  add("url", requestUrl(request?.url));
  add("transaction", nonEmptyString(event.transaction));
  const mechanism = lastMechanism(event);
  if (mechanism) {
    if (typeof mechanism.handled === "boolean") add("handled", mechanism.handled ? "yes" : "no");
    add("mechanism", nonEmptyString(mechanism.type));
  }
  return tags;
}

/**
 * A context's name and version: the context under its usual key, else the first one whose
 * `type` says it is one (the .NET SDK sends "server-runtime" of type "runtime").
 */
function namedContext(
  contexts: Record<string, unknown>,
  type: string,
): { name: string; version?: string } | undefined {
  let context = asRecord(contexts[type]);
  if (!context || !nonEmptyString(context.name)) {
    context = undefined;
    for (const value of Object.values(contexts).slice(0, 50)) {
      const candidate = asRecord(value);
      if (candidate?.type === type && nonEmptyString(candidate.name)) {
        context = candidate;
        break;
      }
    }
  }
  const name = nonEmptyString(context?.name);
  if (!name) return undefined;
  // A kernel build string is not a version a person filters by; a short one is.
  const version = nonEmptyString(lenientString(context?.version));
  return { name, version: version && version.length <= 32 ? version : undefined };
}

/** A header's value from an object or from [name, value] pairs, the name in any case. */
function headerValue(headers: unknown, name: string): string | undefined {
  const entries = Array.isArray(headers)
    ? headers.slice(0, 200).filter(Array.isArray)
    : Object.entries(asRecord(headers) ?? {}).slice(0, 200);
  for (const entry of entries) {
    if (typeof entry[0] === "string" && entry[0].toLowerCase() === name)
      return nonEmptyString(entry[1]);
  }
  return undefined;
}

function userTag(user: Record<string, unknown> | undefined): string | undefined {
  if (!user) return undefined;
  const id = nonEmptyString(lenientString(user.id));
  if (id) return `id:${id}`;
  const email = nonEmptyString(user.email);
  if (email) return `email:${email}`;
  const username = nonEmptyString(user.username);
  if (username) return `username:${username}`;
  const ip = nonEmptyString(user.ip_address);
  // "{{auto}}" asks Sentry to fill in the client's address, which this server does not keep.
  return ip && ip !== "{{auto}}" ? `ip:${ip}` : undefined;
}

function requestUrl(raw: unknown): string | undefined {
  const url = nonEmptyString(raw);
  if (!url || url.length > 2048 || !URL.canParse(url)) return undefined;
  const parsed = new URL(url);
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return undefined;
  return `${parsed.origin}${parsed.pathname}`;
}

/** The mechanism of the exception that was raised last (the last in `exception.values`). */
function lastMechanism(event: Record<string, unknown>): Record<string, unknown> | undefined {
  if (readExceptions(event).length === 0) return undefined;
  const container = event.exception;
  const values = Array.isArray(container) ? container : asRecord(container)?.values;
  const list = Array.isArray(values) ? values : [container];
  return asRecord(asRecord(list.at(-1))?.mechanism);
}
