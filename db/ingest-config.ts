const KEY = Symbol.for("error-central.ingest-config-version");
const globals = globalThis as Record<symbol, { count: number } | undefined>;
const state = globals[KEY] ?? { count: 0 };
globals[KEY] = state;

/**
 * Bumped by every query that changes what ingest may cache (a token revoked, a project's
 * quota changed); the caches of lib/ingest/key-cache.ts compare it and start over.
 */
export function noteIngestConfigChange(): void {
  state.count++;
}

export function ingestConfigVersion(): number {
  return state.count;
}
