"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { findUserNames } from "@/db/queries/users";
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
  /** `notice`: what was done, in the page's language. */
  | { ok: true; action: ErrorAction; affected: number[]; notice: string }
  /** `error`: the rule's own words, when it gave some; the list words the rest itself. */
  | { ok: false; reason: "refused" | "signedOut"; error: string | null };

/** The ErrorNotices message that says an action was done. */
function doneKey(request: ErrorActionInput) {
  switch (request.action) {
    case "archive":
      return "doneArchive";
    case "unarchive":
      return "doneUnarchive";
    case "resolve":
      return request.resolve === "inNextRelease" ? "doneResolveNextRelease" : "doneResolve";
    case "reopen":
      return "doneReopen";
    case "assign":
      return request.assigneeId === null ? "doneUnassign" : "doneAssign";
    case "delete":
      return "doneDelete";
  }
}

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
    const t = await getTranslations("ErrorNotices");
    if (affected.length === 0) return { ok: true, action, affected, notice: t("nothingChanged") };
    const assigneeId = input.action === "assign" ? (input.assigneeId ?? null) : null;
    const name =
      assigneeId === null
        ? ""
        : assigneeId === user.id
          ? t("assigneeYou")
          : ((await findUserNames(db, [assigneeId])).get(assigneeId) ?? t("assigneeUnknown"));
    return {
      ok: true,
      action,
      affected,
      notice: t(doneKey(input), { count: affected.length, name }),
    };
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
