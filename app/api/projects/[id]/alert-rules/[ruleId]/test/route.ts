import { sendAlertRuleTest } from "@/lib/alerts/rules";
import { apiLocale, json, withToken } from "@/lib/api";
import { getDb } from "@/lib/db";

export const POST = withToken<{ id: string; ruleId: string }>(async (request, { auth, params }) => {
  return json(
    await sendAlertRuleTest(await getDb(), {
      userId: auth.userId,
      project: params.id,
      ruleId: params.ruleId,
      locale: apiLocale(request),
    }),
  );
});
