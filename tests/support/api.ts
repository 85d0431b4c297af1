import { randomUUID } from "node:crypto";

export const BASE_URL = (process.env.API_BASE_URL ?? "http://127.0.0.1:3000").replace(/\/$/, "");

export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export async function api<T = any>(
  path: string,
  options: {
    method?: string;
    token?: string;
    json?: unknown;
    body?: BodyInit | Uint8Array;
    headers?: Record<string, string>;
  } = {},
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body = options.body as BodyInit | undefined;
  if (options.json !== undefined) {
    headers["content-type"] ??= "application/json";
    body = JSON.stringify(options.json);
  }
  const response = await fetch(`${BASE_URL}${path}`, {
    method: options.method ?? (body === undefined ? "GET" : "POST"),
    headers,
    body,
    redirect: "manual",
  });
  const text = await response.text();
  let parsed: unknown = text;
  if (response.headers.get("content-type")?.includes("json") && text) parsed = JSON.parse(text);
  return { status: response.status, headers: response.headers, body: parsed as T, text };
}

export function uniqueEmail(label = "user"): string {
  return `${label}-${randomUUID().slice(0, 12)}@example.test`;
}

export interface TestAccount {
  email: string;
  password: string;
  name: string;
  token: string;
  userId: number;
  project: {
    id: number;
    slug: string;
    name: string;
    dsn: string;
    ingestKey: { id: string; key: string };
  };
}

/** Signs a fresh user up over HTTP: every test makes its own data. */
export async function signUp(
  overrides: Partial<{ name: string; email: string; password: string }> = {},
): Promise<TestAccount> {
  const input = {
    name: overrides.name ?? "Test User",
    email: overrides.email ?? uniqueEmail(),
    password: overrides.password ?? "correct horse battery",
  };
  // Sign-ups are limited per address: each comes from its own (the API suite's server trusts
  // 127.0.0.1 as a proxy: TRUSTED_PROXIES=127.0.0.1,::1, set by scripts/test/test.ts).
  const r = () => Math.floor(Math.random() * 256);
  const res = await api("/api/auth/signup", {
    json: input,
    headers: { "x-forwarded-for": `100.${64 + (r() % 64)}.${r()}.${r()}` },
  });
  if (res.status === 429)
    throw new Error("sign-up refused (429): start the server with TRUSTED_PROXIES=127.0.0.1,::1");
  if (res.status !== 201) throw new Error(`sign-up failed: ${res.status} ${res.text}`);
  return {
    ...input,
    token: res.body.token,
    userId: res.body.user.id,
    project: res.body.project,
  };
}

export interface CreatedProject {
  project: { id: number; name: string; slug: string; role: "owner"; createdAt: string };
  ingestKey: { id: string; name: string; key: string; prefix: string; dsn: string };
}

/** Creates a project over HTTP as the token's user (its owner). */
export async function createProject(token: string, name = "Test project"): Promise<CreatedProject> {
  const res = await api("/api/projects", { token, json: { name } });
  if (res.status !== 201) throw new Error(`project creation failed: ${res.status} ${res.text}`);
  return res.body;
}

/**
 * Makes `invitee` a member over HTTP the only way there is: the owner (`token`) invites their
 * address and the invitee accepts the invitation as themself.
 */
export async function addMember(
  token: string,
  project: number | string,
  invitee: { email: string; token: string },
) {
  const invited = await api(`/api/projects/${project}/invitations`, {
    token,
    json: { email: invitee.email },
  });
  if (invited.status !== 202) {
    throw new Error(`inviting a member failed: ${invited.status} ${invited.text}`);
  }
  const accepted = await api(`/api/invitations/${invited.body.invitation.id}/accept`, {
    method: "POST",
    token: invitee.token,
  });
  if (accepted.status !== 200) {
    throw new Error(`accepting an invitation failed: ${accepted.status} ${accepted.text}`);
  }
  return accepted.body.project as { id: number; slug: string; name: string; role: string };
}
