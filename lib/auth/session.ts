import { redirect } from "next/navigation";
import { cache } from "react";
import { auth } from "@/auth";
import { findLiveSession, touchSession } from "@/db/queries/sessions";
import { getDb } from "@/lib/db";
import { isUuid } from "@/lib/ids";
import { SESSION_MAX_AGE_SECONDS, SESSION_TOUCH_SECONDS } from "./constants";

export interface CurrentUser {
  id: number;
  name: string;
  email: string;
  /** The language saved on the account; null lets the browser decide (lib/i18n/locale.ts). */
  locale: string | null;
  /** The `user_sessions` row of this browser. */
  sessionId: string;
}

/**
 * The signed-in user of this request, or null. A valid cookie is not enough: its session row
 * must still exist and be unexpired, so a signed-out (or "signed out everywhere", or
 * password-changed) cookie is refused even though its JWT still decodes. A cookie without a
 * session id, as issued before sessions were kept server-side, is signed out too.
 * Cached per request; every page, server action and API route asks here.
 */
export const currentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await auth();
  const sessionId = session?.sid;
  if (!sessionId || !isUuid(sessionId)) return null;
  const db = await getDb();
  const live = await findLiveSession(db, sessionId);
  if (!live) return null;
  if (Date.now() - live.lastSeenAt.getTime() > SESSION_TOUCH_SECONDS * 1000) {
    await touchSession(db, {
      sessionId,
      maxAgeSeconds: SESSION_MAX_AGE_SECONDS,
      everySeconds: SESSION_TOUCH_SECONDS,
    });
  }
  return { id: live.id, name: live.name, email: live.email, locale: live.locale, sessionId };
});

/** For pages and form actions: the signed-in user, or a redirect to the login page. */
export async function requireUser(): Promise<CurrentUser> {
  const user = await currentUser();
  if (!user) redirect("/login");
  return user;
}
