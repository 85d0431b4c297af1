import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");

/** The folders the map in docs/architecture.md names, as paths ("lib/auth", "app/(auth)" …). */
function foldersInMap(): Set<string> {
  const doc = readFileSync(path.join(root, "docs/architecture.md"), "utf8");
  const block = doc.split("## The map")[1]?.split("```")[1] ?? "";
  const folders = new Set<string>();
  let parent = "";
  for (const line of block.split("\n")) {
    const indent = line.length - line.trimStart().length;
    // A line names one or more folders (words ending in "/") before its description.
    const names =
      line
        .trim()
        .split(/\s{2,}/)[0]
        ?.split(" ") ?? [];
    const found = names.filter((name) => name.endsWith("/")).map((name) => name.slice(0, -1));
    for (const name of found) {
      const full = indent === 0 ? name : `${parent}/${name}`;
      folders.add(full);
      if (indent === 0) parent = name;
    }
  }
  return folders;
}

/** Tracked folders down to the second level, where the map stops. */
function foldersInTree(): Set<string> {
  const files = execFileSync("git", ["ls-files"], { cwd: root, encoding: "utf8" }).split("\n");
  const folders = new Set<string>();
  for (const file of files) {
    const parts = file.split("/").slice(0, -1);
    if (parts.length === 0 || parts[0]?.startsWith(".")) continue;
    folders.add(parts[0] as string);
    if (
      parts.length > 1 &&
      ["app", "components", "lib", "db", "scripts", "tests"].includes(parts[0] as string)
    )
      folders.add(`${parts[0]}/${parts[1]}`);
  }
  return folders;
}

describe("the map in docs/architecture.md", () => {
  it("names every folder of the tree down to the second level, and nothing that is not there", () => {
    const map = foldersInMap();
    const tree = foldersInTree();
    // app/api/… and the page groups are named by group; public/ and docs/ hold no code.
    const missing = [...tree].filter((folder) => !map.has(folder) && folder !== "public");
    const stale = [...map].filter((folder) => !tree.has(folder));
    expect({ missing, stale }).toEqual({ missing: [], stale: [] });
  });
});
