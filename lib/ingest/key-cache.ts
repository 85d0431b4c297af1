import { ingestConfigVersion } from "@/db/ingest-config";
import {
  findIngestProject,
  type IngestProject,
  listIngestProjectsForUser,
} from "@/db/queries/ingest";
import { findActiveToken, type TokenIdentity, touchToken } from "@/db/queries/tokens";
import { hashToken } from "@/db/token-secrets";
import { getDb } from "@/lib/db";

/** How long a token lookup is kept: a key revoked by another instance works that long at most. */
export const TTL_MS = 5_000;
const MAX_ENTRIES = 10_000;

interface Entry {
  identity: TokenIdentity | null;
  expires: number;
}

const KEY = Symbol.for("error-central.ingest-key-cache");
const globals = globalThis as Record<symbol, Map<string, Entry> | undefined>;
const cache: Map<string, Entry> = globals[KEY] ?? new Map();
globals[KEY] = cache;
// A revocation or quota change in this process empties the caches at once; one in another
// process is seen within the TTLs.
let seenVersion = ingestConfigVersion();
function dropIfChanged(): void {
  if (seenVersion === ingestConfigVersion()) return;
  seenVersion = ingestConfigVersion();
  cache.clear();
  projects.clear();
  userProjects.clear();
}

/**
 * Token lookups for the ingest paths, cached for a few seconds: an ingest burst then costs no
 * query per request, and a key revoked elsewhere stops working within TTL_MS. Unknown tokens
 * are cached too, so a flood of bad keys does not become a flood of queries.
 */
export async function resolveIngestToken(token: string): Promise<TokenIdentity | null> {
  dropIfChanged();
  const hash = hashToken(token);
  const now = Date.now();
  const hit = cache.get(hash);
  if (hit && hit.expires > now) return hit.identity;
  const db = await getDb();
  const identity = await findActiveToken(db, token);
  if (cache.size >= MAX_ENTRIES) cache.clear();
  cache.set(hash, { identity, expires: now + TTL_MS });
  // Last use is recorded at most once per refresh, never on every request.
  if (identity) await touchToken(db, identity.tokenId);
  return identity;
}

/** How long a project (its quota) is kept: a change made by another instance is seen that late at most. */
export const PROJECT_TTL_MS = 10_000;
const PROJECTS = Symbol.for("error-central.ingest-project-cache");
const projectGlobals = globalThis as Record<
  symbol,
  Map<number, { project: IngestProject | null; expires: number }> | undefined
>;
const projects = projectGlobals[PROJECTS] ?? new Map();
projectGlobals[PROJECTS] = projects;

/** A project's id, slug and quota; a change (or a deletion) is noticed within PROJECT_TTL_MS. */
export async function resolveIngestProject(projectId: number): Promise<IngestProject | null> {
  dropIfChanged();
  const now = Date.now();
  const hit = projects.get(projectId);
  if (hit && hit.expires > now) return hit.project;
  const project = await findIngestProject(await getDb(), projectId);
  if (projects.size >= MAX_ENTRIES) projects.clear();
  projects.set(projectId, { project, expires: now + PROJECT_TTL_MS });
  return project;
}

const USER_PROJECTS = Symbol.for("error-central.ingest-user-projects-cache");
const userGlobals = globalThis as Record<
  symbol,
  Map<number, { projects: IngestProject[]; expires: number }> | undefined
>;
const userProjects = userGlobals[USER_PROJECTS] ?? new Map();
userGlobals[USER_PROJECTS] = userProjects;

/**
 * The projects a personal token (or a session) may write to: its user's, in membership order.
 * Cached like keys: a membership added or removed in this process empties the caches at once,
 * one in another process is seen within TTL_MS.
 */
export async function resolveUserIngestProjects(userId: number): Promise<IngestProject[]> {
  dropIfChanged();
  const now = Date.now();
  const hit = userProjects.get(userId);
  if (hit && hit.expires > now) return hit.projects;
  const list = await listIngestProjectsForUser(await getDb(), userId);
  if (userProjects.size >= MAX_ENTRIES) userProjects.clear();
  userProjects.set(userId, { projects: list, expires: now + TTL_MS });
  return list;
}
