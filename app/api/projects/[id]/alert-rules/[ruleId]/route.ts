import { deleteAlertRule, getAlertRule, updateAlertRule } from "@/lib/alerts/rules";
import { json, readJson, withToken } from "@/lib/api";
import { getDb } from "@/lib/db";

type Params = { id: string; ruleId: string };

export const GET = withToken<Params>(async (_request, { auth, params }) => {
  return json(
    await getAlertRule(await getDb(), {
      userId: auth.userId,
      project: params.id,
      ruleId: params.ruleId,
    }),
  );
});

export const PATCH = withToken<Params>(async (request, { auth, params }) => {
  const rule = await updateAlertRule(await getDb(), {
    userId: auth.userId,
    project: params.id,
    ruleId: params.ruleId,
    readBody: () => readJson(request, 64 * 1024),
  });
  return json(rule);
});

export const DELETE = withToken<Params>(async (_request, { auth, params }) => {
  await deleteAlertRule(await getDb(), {
    userId: auth.userId,
    project: params.id,
    ruleId: params.ruleId,
  });
  return new Response(null, { status: 204 });
});
