import fs from "node:fs";
import path from "node:path";

/** Real events captured from Sentry SDKs, kept in the repository (see tests/fixtures/README.md). */
export const FIXTURES_DIR = path.resolve(import.meta.dirname, "../fixtures");

export function readJsonFixture(relativePath: string): unknown {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES_DIR, relativePath), "utf8"));
}

/** File names (without ".json") of the JSON fixtures directly inside `relativeDir`. */
export function listJsonFixtures(relativeDir: string): string[] {
  return fs
    .readdirSync(path.join(FIXTURES_DIR, relativeDir))
    .filter((name) => name.endsWith(".json"))
    .map((name) => name.slice(0, -".json".length))
    .sort();
}
