import { listAlertDeliveries } from "@/lib/alerts/delivery-log";
import { apiLocale, json, withToken } from "@/lib/api";
import { getDb } from "@/lib/db";

export const GET = withToken<{ id: string }>(async (request, { auth, params }) => {
  const { items, nextCursor } = await listAlertDeliveries(await getDb(), {
    userId: auth.userId,
    project: params.id,
    params: new URL(request.url).searchParams,
    locale: apiLocale(request),
  });
  return json({ items, nextCursor });
});
