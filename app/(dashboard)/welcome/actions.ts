"use server";

import { cookies } from "next/headers";
import { FIRST_RUN_COOKIE, FIRST_RUN_PATH } from "@/lib/auth/first-run";

/**
 * Forgets the sign-up secrets once the welcome page has them on screen: a reload, or another
 * visit, shows them no more. Deleting a cookie of this very browser needs no other check.
 */
export async function forgetFirstRun(): Promise<void> {
  (await cookies()).delete({ name: FIRST_RUN_COOKIE, path: FIRST_RUN_PATH });
}
