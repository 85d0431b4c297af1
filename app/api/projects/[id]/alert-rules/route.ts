import { createAlertRule, listAlertRules } from "@/lib/alerts/rules";
import { json, readJson, withToken } from "@/lib/api";
import { getDb } from "@/lib/db";

export const GET = withToken<{ id: string }>(async (_request, { auth, params }) => {
  const { items } = await listAlertRules(await getDb(), {
    userId: auth.userId,
    project: params.id,
  });
  return json({ items });
});

export const POST = withToken<{ id: string }>(async (request, { auth, params }) => {
  const rule = await createAlertRule(await getDb(), {
    userId: auth.userId,
    project: params.id,
    readBody: () => readJson(request, 64 * 1024),
  });
  return json(rule, 201);
});
