import type { NextConfig } from "next";
import { COMMON_HEADERS } from "./lib/edge/security-headers";

const nextConfig: NextConfig = {
  // Native / WASM packages that must stay outside the server bundle.
  serverExternalPackages: ["@node-rs/argon2", "pg", "@electric-sql/pglite", "@prisma/schema-engine-wasm", "pg-boss"],
  poweredByHeader: false,
  typedRoutes: false,
  // Affitor's guide embeds /js/affitor-tracker.js: the same file as /js/tracker.js, one source
  // (docs/migrating.md#migrating-from-affitor).
  // every response; pages get their CSP and frame rules from proxy.ts
  headers: async () => [{ source: "/:path*", headers: Object.entries(COMMON_HEADERS).map(([key, value]) => ({ key, value })) }],
  rewrites: async () => [{ source: "/js/affitor-tracker.js", destination: "/js/tracker.js" }],
};

export default nextConfig;
