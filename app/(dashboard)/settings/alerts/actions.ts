"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { type FormState, formAction, formText as text, withUser } from "@/lib/actions/with-user";
import {
  type AlertTestResult,
  createAlertRule,
  deleteAlertRule,
  sendAlertRuleTest,
  updateAlertRule,
} from "@/lib/alerts/rules";
import { Invalid, type Issue } from "@/lib/domain-errors";
import { requestLocale } from "@/lib/i18n/request-locale";

export interface SavedSecret {
  /** The channel's place in the form. */
  index: number;
  target: string;
  secret: string;
}

/**
 * A refusal's `error` is the rule's message in the user's language, or null when fields need a
 * fix: the form says so (its own words) and shows each issue beside its field.
 */
export type SaveRuleResult =
  | { status: "ok"; ruleId: number; name: string; secrets: SavedSecret[] }
  | { status: "error"; error: string | null; issues: Issue[] };

/**
 * Creates a rule (no `ruleId`) or changes one, from the body the rule form builds (the API's
 * own body). Generated webhook secrets come back this once.
 */
export const saveAlertRuleAction = withUser(
  async (
    { user, db },
    input: { project: number; ruleId?: number; body: unknown },
  ): Promise<SaveRuleResult> => {
    // A server action's arguments come from the client: strings, whatever was sent.
    const project = String(input.project);
    const readBody = async () => input.body;
    const rule =
      input.ruleId === undefined
        ? await createAlertRule(db, { userId: user.id, project, readBody })
        : await updateAlertRule(db, {
            userId: user.id,
            project,
            ruleId: String(input.ruleId),
            readBody,
          });
    revalidatePath("/settings/alerts");
    return {
      status: "ok",
      ruleId: rule.id,
      name: rule.name,
      secrets: rule.channels.flatMap((channel, index) =>
        channel.secret ? [{ index, target: channel.target, secret: channel.secret }] : [],
      ),
    };
  },
  {
    refused: (error): SaveRuleResult => ({
      status: "error",
      error: error instanceof Invalid && error.code === "validation_failed" ? null : error.message,
      issues: error.issues ?? [],
    }),
  },
);

/** Turns a rule on or off (owners). */
export const setAlertRuleEnabledAction = formAction<FormState>(async ({ user, db }, formData) => {
  const enabled = text(formData, "enabled") === "true";
  const rule = await updateAlertRule(db, {
    userId: user.id,
    project: text(formData, "projectId"),
    ruleId: text(formData, "ruleId"),
    readBody: async () => ({ enabled }),
  });
  revalidatePath("/settings/alerts");
  const t = await getTranslations("AlertsPage");
  return {
    status: "ok",
    message: t(enabled ? "ruleEnabled" : "ruleDisabled", { name: rule.name }),
  };
});

/** Deletes a rule with its channels and log (owners). */
export const deleteAlertRuleAction = formAction<FormState>(async ({ user, db }, formData) => {
  await deleteAlertRule(db, {
    userId: user.id,
    project: text(formData, "projectId"),
    ruleId: text(formData, "ruleId"),
  });
  revalidatePath("/settings/alerts");
  return { status: "ok", message: (await getTranslations("AlertsPage"))("ruleDeleted") };
});

export type TestSendResult =
  | { status: "ok"; deliveries: AlertTestResult["deliveries"] }
  | { status: "error"; error: string };

/** "Send a test" (owners): each channel's outcome, shown beside the rule in the user's language. */
export const sendAlertTestAction = withUser(
  async ({ user, db }, input: { project: number; ruleId: number }): Promise<TestSendResult> => {
    const result = await sendAlertRuleTest(db, {
      userId: user.id,
      project: String(input.project),
      ruleId: String(input.ruleId),
      locale: await requestLocale(),
    });
    revalidatePath("/settings/alerts");
    return { status: "ok", deliveries: result.deliveries };
  },
  { refused: (error): TestSendResult => ({ status: "error", error: error.message }) },
);
