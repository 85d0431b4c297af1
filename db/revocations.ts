const KEY = Symbol.for("error-central.token-revocations");
const globals = globalThis as Record<symbol, { count: number } | undefined>;
const state = globals[KEY] ?? { count: 0 };
globals[KEY] = state;

/** Bumped by every query that revokes tokens; caches of token lookups compare it. */
export function noteRevocation(): void {
  state.count++;
}

export function revocationCount(): number {
  return state.count;
}
