"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { withUser } from "@/lib/actions/with-user";
import { SEARCH_ISSUE_CODES, type SearchProblem } from "@/lib/errors/search-syntax";
import { triageErrors } from "@/lib/errors/triage";
import type { BULK_ACTIONS } from "@/lib/schemas/errors";

export type ErrorAction = (typeof BULK_ACTIONS)[number];

/** The bulk API's body: `{ids, action}` and, for resolve, archive and assign, their options. */
export type ErrorActionInput = {
  ids: number[];
  action: ErrorAction;
  resolve?: "now" | "inNextRelease";
  archive?: {
    until?: string;
    untilEvents?: number;
    untilRate?: { count: number; minutes: number };
  };
  assigneeId?: number | null;
};

export type ErrorActionResult =
  | { ok: true; action: ErrorAction; affected: number[] }
  /** `error`: the rule's own words, when it gave some; the list words the rest itself. */
  | { ok: false; reason: "refused" | "signedOut"; error: string | null };

/**
 * The list's actions on errors, one or many: archive, unarchive, resolve, reopen, assign or
 * delete (lib/errors/triage.ts). The ids and options come from the browser, so they are checked
 * like API input, and the queries only touch errors in the caller's own projects.
 */
export const updateErrors = withUser<[ErrorActionInput], ErrorActionResult>(
  async ({ user, db }, input: ErrorActionInput): Promise<ErrorActionResult> => {
    const { action, affected } = await triageErrors(db, { userId: user.id, body: input });
    // The list, its tab counts and any open detail page change with it.
    revalidatePath("/errors", "layout");
    return { ok: true, action, affected };
  },
  {
    refused: (error) => ({
      ok: false,
      reason: "refused",
      error: error.issues?.[0]?.message ?? null,
    }),
    signedOut: () => ({ ok: false, reason: "signedOut", error: null }),
  },
);

/**
 * The search box's problems in the page's language. Worded here rather than in the browser so
 * that their messages, seldom needed, are not part of every list page.
 */
export async function describeSearchIssues(problems: SearchProblem[]): Promise<string[]> {
  const t = await getTranslations("SearchIssues");
  return problems.slice(0, 50).map((problem) => {
    if (!SEARCH_ISSUE_CODES.includes(problem.code)) return "";
    const values: Record<string, string | number> = {};
    for (const [key, value] of Object.entries(problem.values ?? {}))
      if (typeof value === "string" || typeof value === "number") values[key] = value;
    return t(problem.code, values);
  });
}
