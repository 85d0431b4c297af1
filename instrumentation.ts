export async function register() {
  // NEXT_RUNTIME is Next's own (which runtime loads this file), not configuration.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Every setting is parsed and checked here, for `next start`, `next dev` and Vercel: a bad
  // value (or production without AUTH_SECRET) fails the start-up with a message naming it.
  const { settings } = await import("./lib/config");
  const { resolveAuthSecret } = await import("./lib/auth-secret");
  settings();
  resolveAuthSecret();
}
