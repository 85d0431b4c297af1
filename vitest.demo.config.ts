import path from "node:path";
import { defineConfig } from "vitest/config";

// `npm run demo` end to end (tests/demo): needs the production build, so scripts/test/test.ts runs
// it after building. One file at a time: each test starts a whole demo.
export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["tests/demo/**/*.test.ts"],
    testTimeout: 300_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
