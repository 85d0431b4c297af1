import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Both ship native or WASM code that must be loaded from node_modules, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2"],
  poweredByHeader: false,
  // `npm run typecheck` checks the whole project (tests included) in CI; the build need not repeat it.
  typescript: { ignoreBuildErrors: true },
  // Sentry SDKs post to /api/<project>/envelope/ with the slash, and do not follow redirects.
  skipTrailingSlashRedirect: true,
};

export default nextConfig;
