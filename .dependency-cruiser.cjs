/**
 * Layers point one way: app/ and components/ use lib/, lib/ uses db/, and db/ (the schema and
 * its queries) imports nothing above it. `npm run lint:deps` (part of `npm run lint`) fails
 * on an import that points the other way. Tests may reach across for their support code.
 */
const TESTS = "\\.test\\.tsx?$";

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "db-imports-no-layer-above",
      comment:
        "db/ takes what it needs as parameters or from db/ itself, never from lib/, app/ or components/.",
      severity: "error",
      from: { path: "^db/", pathNot: [TESTS] },
      to: { path: "^(lib|app|components)/" },
    },
    {
      name: "lib-imports-no-ui",
      comment: "lib/ holds the rules; pages and components call it, not the other way round.",
      severity: "error",
      from: { path: "^lib/", pathNot: TESTS },
      to: { path: "^(app|components)/" },
    },
    {
      name: "components-use-no-db",
      comment:
        "Components get their data from pages and server actions, never from db/; they may name the shapes of its rows (type-only imports).",
      severity: "error",
      from: { path: "^components/", pathNot: TESTS },
      to: { path: "^db/", dependencyTypesNot: ["type-only"] },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^(node_modules|\\.next)/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".json"],
    },
  },
};
