import { saveAccountLocale } from "@/lib/account/locale";
import { json, readJson, withToken } from "@/lib/api";
import { getDb } from "@/lib/db";

/** Updates the caller's account; today that is its language (`{ "locale": "pt-BR" }`). */
export const PATCH = withToken(async (request, { auth }) => {
  const saved = await saveAccountLocale(await getDb(), {
    userId: auth.userId,
    body: await readJson(request, 16 * 1024),
  });
  return json(saved);
});
