import { getAlertDelivery } from "@/lib/alerts/delivery-log";
import { json, withToken } from "@/lib/api";
import { getDb } from "@/lib/db";

export const GET = withToken<{ id: string; deliveryId: string }>(
  async (_request, { auth, params }) => {
    return json(
      await getAlertDelivery(await getDb(), {
        userId: auth.userId,
        project: params.id,
        deliveryId: params.deliveryId,
      }),
    );
  },
);
