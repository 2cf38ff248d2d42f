import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native / WASM packages that must stay outside the server bundle.
  serverExternalPackages: ["@node-rs/argon2", "pg", "@electric-sql/pglite", "@prisma/schema-engine-wasm", "pg-boss"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
