import path from "node:path";
import { defineConfig } from "vitest/config";

// HTTP tests against a running server at API_BASE_URL; scripts/test/test.ts starts one per database.
export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["tests/api/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Files run in parallel against one server, each with its own users and projects.
    fileParallelism: true,
  },
});
