import { expect } from "vitest";
import { type ApiResponse, api } from "./api";

export interface EventRef {
  id: number;
  errorId: number;
}

/** POST /api/events with any body (one event, an array or `{events}`); the raw response. */
export function postEvents(
  token: string | undefined,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<ApiResponse> {
  return api("/api/events", { token, json: body, headers });
}

/** Ingests events (an array is sent as is) and expects 201; returns one reference per event. */
export async function ingest(token: string, events: unknown): Promise<EventRef[]> {
  const res = await postEvents(token, events);
  if (res.status !== 201) throw new Error(`ingest failed: ${res.status} ${res.text}`);
  const refs = res.body.events as EventRef[];
  expect(refs).toHaveLength(Array.isArray(events) ? events.length : 1);
  return refs;
}

/** Ingests one event and returns its reference. */
export async function ingestOne(token: string, event: Record<string, unknown>): Promise<EventRef> {
  const [ref] = await ingest(token, [event]);
  return ref as EventRef;
}

export interface ErrorItem {
  id: number;
  title: string;
  level: string;
  environment: string;
  origin: string;
  culprit: string | null;
  status: "open" | "resolved" | "archived";
  substatus: "regressed" | "escalating" | null;
  regressedAt: string | null;
  assignee: { id: number; name: string } | null;
  eventsSinceStatus: number;
  count: number;
  firstSeen: string;
  lastSeen: string;
  project: { id: number; slug: string; name: string };
}

/** List parameters; undefined ones are left out. */
export type ListParams = Record<string, string | number | undefined>;

/** GET /api/errors; the body is the list on 200 and the error JSON otherwise. */
export function listErrors(token: string, params: ListParams = {}): Promise<ApiResponse> {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined) search.set(key, String(value));
  const query = search.size > 0 ? `?${search}` : "";
  return api(`/api/errors${query}`, { token });
}

/** The items of one page, expecting 200. */
export async function errorItems(token: string, params: ListParams = {}): Promise<ErrorItem[]> {
  const res = await listErrors(token, params);
  if (res.status !== 200) throw new Error(`list failed: ${res.status} ${res.text}`);
  return res.body.items;
}

/** Walks every page of the list with the given page size; returns the items in order. */
export async function walkErrors(
  token: string,
  params: ListParams,
  limit: number,
): Promise<ErrorItem[]> {
  const seen: ErrorItem[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 1000; page++) {
    const res: ApiResponse = await listErrors(token, {
      ...params,
      limit,
      cursor: cursor ?? undefined,
    });
    if (res.status !== 200) throw new Error(`page failed: ${res.status} ${res.text}`);
    expect(res.body.items.length).toBeLessThanOrEqual(limit);
    seen.push(...res.body.items);
    cursor = res.body.nextCursor;
    if (!cursor) return seen;
    expect(res.body.items).toHaveLength(limit);
  }
  throw new Error("pagination did not end");
}

/** Every event of an error, walking GET /api/errors/:id/events page by page. */
export async function walkEvents(token: string, errorId: number, limit = 100) {
  const seen: any[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 1000; page++) {
    const query: string = `limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
    const res: ApiResponse = await api(`/api/errors/${errorId}/events?${query}`, { token });
    if (res.status !== 200) throw new Error(`events page failed: ${res.status} ${res.text}`);
    seen.push(...res.body.items);
    cursor = res.body.nextCursor;
    if (!cursor) return seen;
  }
  throw new Error("pagination did not end");
}

/** GET /api/events/:id, expecting 200. */
export async function getEvent(token: string, id: number) {
  const res = await api(`/api/events/${id}`, { token });
  expect(res.status).toBe(200);
  return res.body;
}

/** `path.join(".")` of each issue of a 4xx body. */
export const issuePaths = (body: any): string[] =>
  body.error.issues.map((issue: { path: (string | number)[] }) => issue.path.join("."));

/** An ISO time `minutesAgo` minutes before now (whole seconds, so ties are exact). */
export function minutesAgo(minutes: number, base = Date.now()): string {
  const time = Math.floor(base / 1000) * 1000 - minutes * 60_000;
  return new Date(time).toISOString();
}
