import path from "node:path";
import { defineConfig } from "vitest/config";

// Whole processes: `npm run demo` end to end (tests/demo) and the server killed with SIGKILL
// (tests/process). They need the production build, so scripts/test/test.ts runs them after
// building. The two files run side by side (each on free ports): the alert crash test mostly
// waits for leases to end.
export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["tests/demo/**/*.test.ts", "tests/process/**/*.test.ts"],
    testTimeout: 300_000,
    hookTimeout: 60_000,
    fileParallelism: true,
    maxWorkers: 2,
  },
});
