import fs from "node:fs";
import path from "node:path";

/** The shared Sentry SDK fixtures; FIXTURES_DIR overrides where they live. */
export const FIXTURES_DIR =
  process.env.FIXTURES_DIR ?? path.resolve(import.meta.dirname, "../../../shared/fixtures");

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
