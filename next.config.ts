import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Both ship native or WASM code that must be loaded from node_modules, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2"],
  poweredByHeader: false,
};

export default nextConfig;
