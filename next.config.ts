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
  headers: async () => [
    { source: "/:path*", headers: Object.entries(COMMON_HEADERS).map(([key, value]) => ({ key, value })) },
    // Auth.js's own pages (its sign-out confirmation) are HTML under /api: not framable either
    {
      source: "/api/auth/:path*",
      headers: [
        { key: "X-Frame-Options", value: "DENY" },
        { key: "Content-Security-Policy", value: "frame-ancestors 'none'" },
      ],
    },
  ],
  rewrites: async () => [{ source: "/js/affitor-tracker.js", destination: "/js/tracker.js" }],
};

export default nextConfig;
