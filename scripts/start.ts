import { resolveAuthSecret } from "@/lib/auth-secret";
import { startServer } from "../server";
import { buildIsStale } from "./build-state";
import { run } from "./run";

// `npm start`: build when there is no build or the sources changed since, then serve.
resolveAuthSecret();
if (process.env.SKIP_BUILD !== "1" && buildIsStale()) {
  console.log("No current production build: running `next build` first (about a minute)…");
  const code = await run("npx", ["next", "build"], { ...process.env, NODE_ENV: "production" });
  if (code !== 0) process.exit(code);
}
await startServer();
