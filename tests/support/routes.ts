import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const API_DIR = path.resolve(import.meta.dirname, "../../app/api");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

export interface ApiRoute {
  /** OpenAPI style: /api/errors/{id} */
  path: string;
  methods: string[];
}

/** Every route handler under app/api, with the HTTP methods its route.ts exports. */
export function listApiRoutes(): ApiRoute[] {
  const routes: ApiRoute[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts") {
        const source = readFileSync(full, "utf8");
        const methods = METHODS.filter((method) =>
          new RegExp(
            `export (const|async function|function) ${method}\\b|export const \\{[^}]*\\b${method}\\b`,
          ).test(source),
        );
        const relative = path.relative(API_DIR, dir).split(path.sep).join("/");
        const routePath = `/api/${relative}`
          .replace(/\[\.\.\.(\w+)\]/g, "{...$1}")
          .replace(/\[(\w+)\]/g, "{$1}");
        routes.push({ path: routePath, methods });
      }
    }
  };
  walk(API_DIR);
  return routes.sort((a, b) => a.path.localeCompare(b.path));
}
