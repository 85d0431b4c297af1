import { createHash } from "node:crypto";
import type { DbOrTx } from "@/db/client";
import { hitWindows, settleWindows } from "@/db/queries/rate-limits";
import {
  normalizeEmail,
  type PublicUser,
  verifyCredentials,
  verifyUserPassword,
} from "@/db/queries/users";
import { RateLimited } from "../domain-errors";
import { type Message, message } from "../i18n/server-messages";
import { addressKey } from "./client-address";
import { authLimitSettings, LOGIN_WINDOW_SECONDS, SIGNUP_WINDOW_SECONDS } from "./limit-settings";

const digest = (text: string) => createHash("sha256").update(text).digest("base64url");

function tooMany(code: string, message: Message, resetIn: number[]): RateLimited {
  return new RateLimited(code, message, Math.max(1, ...resetIn));
}

/**
 * Checks an email and password under the login limits; null for a wrong password or an
 * unknown email (which still costs a dummy hash, so both take as long), 429 when over a limit.
 *
 * Every attempt is counted before the password is checked, in one statement that adds to the
 * three windows and returns their counts, so parallel guesses cannot slip past the limit:
 * - per email and address (strict): ten wrong passwords from one address stop that address,
 *   not the owner logging in from elsewhere;
 * - per address (broad): one address spraying many emails;
 * - per email (high): many addresses against one account.
 * A refused attempt takes its counts back (it never reached the password check, and must not
 * use up the owner's per-email budget); a successful login takes back its per-email and
 * per-address counts and clears its email-and-address window, so only failures accumulate.
 */
export async function verifyLogin(
  db: DbOrTx,
  input: { email: string; password: string; address: string },
): Promise<PublicUser | null> {
  const settings = authLimitSettings();
  const email = normalizeEmail(input.email);
  const address = addressKey(input.address);
  const pair = `login:pair:${digest(`${email}\n${address}`)}`;
  const limits = new Map([
    [pair, settings.loginFailuresPerEmailAndIp],
    [`login:ip:${address.slice(0, 64)}`, settings.loginFailuresPerIp],
    [`login:email:${digest(email)}`, settings.loginFailuresPerEmail],
  ]);
  const keys = [...limits.keys()];
  const windows = await hitWindows(db, { keys, windowSeconds: LOGIN_WINDOW_SECONDS });
  const over = windows.filter((w) => w.count > (limits.get(w.key) ?? 0));
  if (over.length > 0) {
    await settleWindows(db, { takeBack: keys, windowSeconds: LOGIN_WINDOW_SECONDS });
    throw tooMany(
      "too_many_attempts",
      message("ServerAuth.tooManyAttempts"),
      over.map((w) => w.resetIn),
    );
  }
  const user = await verifyCredentials(db, { email: input.email, password: input.password });
  if (user) {
    await settleWindows(db, {
      takeBack: keys.filter((key) => key !== pair),
      clear: [pair],
      windowSeconds: LOGIN_WINDOW_SECONDS,
    });
  }
  return user;
}

/**
 * Counts a sign-up attempt from an address (each costs a password hash and an account) and
 * refuses it with a 429 over SIGNUPS_PER_IP an hour. Called by the sign-up route and action.
 */
export async function assertSignupAllowed(db: DbOrTx, clientAddress: string): Promise<void> {
  const { signupsPerIp } = authLimitSettings();
  const [window] = await hitWindows(db, {
    keys: [`signup:ip:${addressKey(clientAddress).slice(0, 64)}`],
    windowSeconds: SIGNUP_WINDOW_SECONDS,
  });
  if (window && window.count > signupsPerIp)
    throw tooMany("too_many_signups", message("ServerAuth.tooManySignups"), [window.resetIn]);
}

/**
 * Checks a signed-in user's current password (before a password change) under the same strict
 * limit as a login from one address: a stolen session or token cannot guess the password to
 * take the account over. Counted before the check; a right password clears the count.
 */
export async function verifyCurrentPassword(
  db: DbOrTx,
  input: { userId: number; password: string },
): Promise<boolean> {
  const key = `password:user:${input.userId}`;
  const limit = authLimitSettings().loginFailuresPerEmailAndIp;
  const [window] = await hitWindows(db, { keys: [key], windowSeconds: LOGIN_WINDOW_SECONDS });
  if (window && window.count > limit) {
    await settleWindows(db, { takeBack: [key], windowSeconds: LOGIN_WINDOW_SECONDS });
    throw tooMany("too_many_attempts", message("ServerAuth.tooManyWrongPasswords"), [
      window.resetIn,
    ]);
  }
  const right = await verifyUserPassword(db, input);
  if (right) await settleWindows(db, { clear: [key], windowSeconds: LOGIN_WINDOW_SECONDS });
  return right;
}
