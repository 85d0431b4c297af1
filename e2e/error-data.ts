// Test data for the error list: a signed-up user, a personal token and ingested events.
import type { Page } from "@playwright/test";
import { expect, type NewUser, signUp } from "./fixtures";

export interface EventInput {
  title: string;
  details?: string;
  level?: "fatal" | "error" | "warning" | "info" | "debug";
  environment?: string;
  origin?: string;
  release?: string;
  fingerprint?: string[];
  tags?: Record<string, string>;
}

/** A personal API token for the signed-up user, through the public token endpoint. */
export async function apiToken(page: Page, user: NewUser): Promise<string> {
  const response = await page.request.post("/api/auth/token", {
    data: { email: user.email, password: user.password },
  });
  expect(response.status()).toBe(200);
  return (await response.json()).token;
}

/** Ingests events (a personal token with one project sends them to that project). */
export async function ingest(page: Page, token: string, events: EventInput[]) {
  const response = await page.request.post("/api/events", {
    headers: { authorization: `Bearer ${token}` },
    data: { events },
  });
  expect(response.status()).toBe(201);
  return (await response.json()).events as { id: number; errorId: number }[];
}

export const times = (n: number, event: EventInput): EventInput[] =>
  Array.from({ length: n }, () => event);

/** A new account (see signUp) with these events, on the error list. */
export async function setUp(page: Page, user: NewUser, events: EventInput[], locale?: string) {
  const { token } = await signUp(page, user, locale);
  const created = await ingest(page, token, events);
  await page.goto("/errors");
  return { token, created };
}

/** The error titles of the desktop table, in display order. */
export const titles = (page: Page) => page.getByRole("table").getByRole("link");
