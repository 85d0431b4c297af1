import { resolveAuthSecret } from "@/lib/auth-secret";
import { settings } from "@/lib/config";
import { buildIsStale } from "./lib/build-state";
import { run } from "./lib/run";
import { stopWithParent } from "./lib/stop-with-parent";

// `npm start`: check the configuration, build when there is no build or the sources changed
// since, then serve.
try {
  settings();
  resolveAuthSecret();
} catch (error) {
  // A configuration mistake is the operator's to fix: its message, not a stack trace.
  console.error((error as Error).message);
  process.exit(1);
}
// Started by another process with an IPC channel (npm run demo): stop when it goes away, at
// once while still starting, through the server's own shutdown once it serves.
let serving = false;
stopWithParent(() => (serving ? process.kill(process.pid, "SIGTERM") : process.exit(0)));
if (!settings().SKIP_BUILD && buildIsStale()) {
  console.log("No current production build: running `next build` first (about a minute)…");
  const code = await run("npx", ["next", "build"], { ...process.env, NODE_ENV: "production" });
  if (code !== 0) process.exit(code);
}
// Loaded after the check: Next and the database driver take seconds to import.
const { startServer } = await import("../server");
await startServer();
serving = true;
