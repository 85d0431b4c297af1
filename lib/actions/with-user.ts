import type { Db } from "@/db/client";
import { type CurrentUser, currentUser, requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { DomainError, Invalid, inLocale } from "@/lib/domain-errors";
import { requestLocale } from "@/lib/i18n/request-locale";

/**
 * The one wrapper of every server action: session → rule → form state. The rules in
 * `lib/<feature>/` validate their input with zod and throw domain errors (`Forbidden`, `NotFound`, `Conflict`, `Invalid` …),
 * exactly as the API routes see them; here those refusals become the form's state, written in
 * the user's language.
 */
export interface ActionContext {
  user: CurrentUser;
  db: Db;
}

export function withUser<A extends unknown[], S>(
  run: (context: ActionContext, ...args: A) => Promise<S>,
  options: {
    /** What the form shows for a refusal of the rule. */
    refused: (error: DomainError, ...args: A) => S;
    /** Without it, an expired session is sent to the login page (as pages are). */
    signedOut?: () => S;
  },
): (...args: A) => Promise<S> {
  return async (...args: A) => {
    const user = options.signedOut ? await currentUser() : await requireUser();
    if (!user) return (options.signedOut as () => S)();
    try {
      return await run({ user, db: await getDb() }, ...args);
    } catch (error) {
      if (error instanceof DomainError) {
        return options.refused(inLocale(error, await requestLocale()), ...args);
      }
      throw error;
    }
  };
}

/** A text field of a posted form ("" when absent or a file). */
export function formText(formData: FormData, key: string): string {
  const value = formData.get(key);
  return typeof value === "string" ? value : "";
}

/**
 * What every settings form gets back. `error` is for the form, `fieldError` for its one input
 * (kept in `value` so the user can fix it), `message` says what was done.
 */
export interface FormState {
  status?: "ok" | "error";
  message?: string;
  error?: string;
  fieldError?: string;
  value?: string;
}

/** A token, key or project created just now: the only answer that carries the secret. */
export interface CreatedSecret {
  name: string;
  secret: string;
  dsn?: string;
  baseUrl?: string;
  project?: { id: number; name: string; slug: string };
}

export interface SecretFormState extends FormState {
  created?: CreatedSecret;
}

/**
 * A settings form action `(state, formData) => state`. A refusal is the form's error; an
 * invalid value (a validation failure) is the error of its one input `field`, kept so the user can fix it.
 */
export function formAction<S extends FormState>(
  run: (context: ActionContext, formData: FormData) => Promise<S>,
  options: { field?: string } = {},
): (state: S, formData: FormData) => Promise<S> {
  const { field } = options;
  const action = withUser((context, _state: S, formData: FormData) => run(context, formData), {
    refused: (error, _state, formData) => {
      const value = field === undefined ? undefined : formText(formData, field);
      const invalid = error instanceof Invalid && error.code === "validation_failed";
      const issue = invalid ? error.issues?.[0]?.message : undefined;
      if (field !== undefined && invalid) {
        return { status: "error", fieldError: issue ?? error.message, value } as S;
      }
      return { status: "error", error: error.message, value } as S;
    },
  });
  return action;
}
