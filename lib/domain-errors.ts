import type { z } from "zod";
import type { Locale } from "./i18n/config";
import type { Messages } from "./i18n/messages";
import {
  inParseLocale,
  type Message,
  type MessageKey,
  type MessageValues,
  message,
  render,
  type Text,
} from "./i18n/server-messages";

/**
 * One thing wrong with the input, named by where it is (`["events", 0, "title"]`). `message`
 * is in English; `text`, when there is one, renders it in another language.
 */
export interface Issue {
  path: (string | number)[];
  message: string;
  text?: Message;
}

/** An issue whose message comes from the catalogue. */
export function issue(path: (string | number)[], key: MessageKey, values?: MessageValues): Issue {
  const text = message(key, values);
  return { path, message: render(text), text };
}

/** What a domain error says in one language. */
export interface LocalizedError {
  message: string;
  issues?: Issue[];
}

export type DomainErrorKind =
  | "invalid"
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "rate_limited";

/**
 * A rule said no. Domain errors name what went wrong (`kind`, a stable `code`, a message for
 * people) and carry no HTTP status: the HTTP edge (lib/http/errors.ts) maps them to responses,
 * server actions to form messages.
 */
export abstract class DomainError extends Error {
  abstract readonly kind: DomainErrorKind;
  /** The message as a catalogue key (or plain text), for other languages. */
  readonly text: Text;
  constructor(
    readonly code: string,
    text: Text,
    /** What exactly was wrong, field by field (invalid input only). */
    readonly issues?: Issue[],
  ) {
    super(render(text));
    this.text = text;
  }

  /** The message and issues in `locale` (`message` itself stays English, for logs). */
  localized(locale: Locale): LocalizedError {
    return {
      message: render(this.text, locale),
      ...(this.issues ? { issues: this.issues.map((one) => localizedIssue(one, locale)) } : {}),
    };
  }
}

/**
 * The same error with `message` and `issues` in `locale` (kind, code and class unchanged), for
 * code that reads them directly, as server actions' `refused` do.
 */
export function inLocale<E extends DomainError>(error: E, locale: Locale): E {
  const { message, issues } = error.localized(locale);
  const copy = Object.create(
    Object.getPrototypeOf(error),
    Object.getOwnPropertyDescriptors(error),
  ) as E;
  Object.defineProperty(copy, "message", { value: message, writable: true, configurable: true });
  if (issues) Object.defineProperty(copy, "issues", { value: issues, enumerable: true });
  return copy;
}

function localizedIssue(one: Issue, locale: Locale): Issue {
  return { path: one.path, message: one.text ? render(one.text, locale) : one.message };
}

/** The input is wrong. `validation_failed` names each field; other codes (bad_json…) do not. */
export class Invalid extends DomainError {
  readonly kind = "invalid";
  /** A zod parse, run again in another language (its issues are written during the parse). */
  reparse?: (locale: Locale) => Issue[];

  override localized(locale: Locale): LocalizedError {
    if (!this.reparse || this.code !== "validation_failed") return super.localized(locale);
    const issues = this.reparse(locale);
    return { message: render(validationText(issues), locale), issues };
  }
}

/**
 * No caller, or an unknown one. `challenge`: how to authenticate — "bearer" for the API,
 * "invalid_token" when a token was sent but is not valid, null for the ingest doors (whose
 * clients are SDKs).
 */
export class Unauthenticated extends DomainError {
  readonly kind = "unauthenticated";
  constructor(
    message: Text,
    readonly challenge: "bearer" | "invalid_token" | null = "bearer",
  ) {
    super("unauthorized", message);
  }
}

export class Forbidden extends DomainError {
  readonly kind = "forbidden";
  constructor(message: Text) {
    super("forbidden", message);
  }
}

export class NotFound extends DomainError {
  readonly kind = "not_found";
  constructor(message: Text) {
    super("not_found", message);
  }
}

export class Conflict extends DomainError {
  readonly kind = "conflict";
  constructor(message: Text) {
    super("conflict", message);
  }
}

/** Over a limit; `retryAfterSeconds`: when the window frees up. */
export class RateLimited extends DomainError {
  readonly kind = "rate_limited";
  constructor(
    code: string,
    message: Text,
    readonly retryAfterSeconds: number,
  ) {
    super(code, message);
  }
}

/** The things a request can name that may not exist (keys of ServerNotFound). */
export type Missing = keyof Messages["ServerNotFound"];

export const badRequest = (message: Text, code = "bad_request") => new Invalid(code, message);
export const notFound = (what: Missing = "resource") =>
  new NotFound(message(`ServerNotFound.${what}`));
export const forbidden = (message: Text) => new Forbidden(message);
export const conflict = (message: Text) => new Conflict(message);

export function unauthorized(message: Text, invalidToken = false): Unauthenticated {
  return new Unauthenticated(message, invalidToken ? "invalid_token" : "bearer");
}

export function zodIssues(error: z.ZodError): Issue[] {
  return error.issues.map((issue) => ({
    path: issue.path.filter((p): p is string | number => typeof p !== "symbol"),
    message: issue.message,
  }));
}

function validationText(issues: Issue[]): Message {
  const first = issues[0];
  if (!first) return message("ServerErrors.invalidRequest");
  const where = first.path.length > 0 ? `${first.path.join(".")}: ` : "";
  return message("ServerErrors.summary", {
    message: `${where}${first.message}`,
    more: issues.length - 1,
  });
}

/**
 * Invalid input, summarised by its first issue: "name: Too small (and 1 more)". With
 * `reparse`, the issues can be written again in another language.
 */
export function validationError(issues: Issue[], reparse?: (locale: Locale) => Issue[]): Invalid {
  const error = new Invalid("validation_failed", validationText(issues), issues);
  if (reparse) error.reparse = reparse;
  else {
    // Issues with catalogue keys render again; the summary follows them.
    error.reparse = (locale) => issues.map((one) => localizedIssue(one, locale));
  }
  return error;
}

/** A schema's issues as an Invalid that names each field, in any language. */
export function zodError(schema: z.ZodType, value: unknown, error: z.ZodError): Invalid {
  return validationError(zodIssues(error), (locale) => {
    // Zod writes an issue's message when it is first read: read them inside the language.
    return inParseLocale(locale, () => {
      const again = schema.safeParse(value);
      return zodIssues(again.success ? error : again.error);
    });
  });
}

/** Parses with a zod schema, turning its issues into an Invalid that names each field. */
export function parseWith<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const result = schema.safeParse(value);
  if (!result.success) throw zodError(schema, value, result.error);
  return result.data;
}
