export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Fails the start-up, with its message, when production lacks AUTH_SECRET.
  const { resolveAuthSecret } = await import("./lib/auth-secret");
  resolveAuthSecret();
}
