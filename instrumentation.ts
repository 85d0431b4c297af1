export async function register() {
  // NEXT_RUNTIME is Next's own (which runtime loads this file), not configuration.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Every setting is parsed and checked here, for `next start`, `next dev` and Vercel: a bad
  // value (or production without AUTH_SECRET) fails the start-up with a message naming it.
  const { settings } = await import("./lib/config");
  const { resolveAuthSecret } = await import("./lib/auth-secret");
  try {
    settings();
    resolveAuthSecret();
  } catch (error) {
    // On Vercel the function fails with the error; a server of our own (`next start`,
    // `next dev`) would log it and keep answering 500s, so it stops instead.
    if (process.env.VERCEL) throw error;
    console.error((error as Error).message);
    process.exit(1);
  }
}
