import { BASE_URL } from "./api";

const cookiePairs = (response: Response) =>
  response.headers.getSetCookie().map((c) => c.split(";")[0] as string);

/** Auth.js's CSRF token and the cookie that goes with it, as a form gets them. */
async function csrf(cookie = ""): Promise<{ csrfToken: string; cookie: string }> {
  const res = await fetch(`${BASE_URL}/api/auth/csrf`, { headers: cookie ? { cookie } : {} });
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { csrfToken, cookie: [cookie, ...cookiePairs(res)].filter(Boolean).join("; ") };
}

/**
 * Signs in through Auth.js's credentials endpoint, as the login form does; returns the
 * session cookie ("authjs.session-token=…") to replay.
 */
export async function signInCookie(account: { email: string; password: string }) {
  const { csrfToken, cookie } = await csrf();
  const res = await fetch(`${BASE_URL}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie },
    body: new URLSearchParams({ csrfToken, email: account.email, password: account.password }),
  });
  const session = cookiePairs(res).find((c) => c.startsWith("authjs.session-token="));
  if (!session) throw new Error(`no session cookie (status ${res.status})`);
  return session;
}

/** Signs out through Auth.js's own endpoint, POST /api/auth/signout, with the session cookie. */
export async function signOutThroughAuthjs(sessionCookie: string): Promise<Response> {
  const { csrfToken, cookie } = await csrf(sessionCookie);
  return fetch(`${BASE_URL}/api/auth/signout`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie },
    body: new URLSearchParams({ csrfToken }),
  });
}
