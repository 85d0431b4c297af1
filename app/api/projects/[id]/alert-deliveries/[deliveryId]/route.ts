import { getAlertDelivery } from "@/lib/alerts/delivery-log";
import { apiLocale, json, withToken } from "@/lib/api";
import { getDb } from "@/lib/db";

export const GET = withToken<{ id: string; deliveryId: string }>(
  async (request, { auth, params }) => {
    return json(
      await getAlertDelivery(await getDb(), {
        userId: auth.userId,
        project: params.id,
        deliveryId: params.deliveryId,
        locale: apiLocale(request),
      }),
    );
  },
);
