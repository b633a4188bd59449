// @ts-check
/** @type {import("next").NextConfig} */
const nextConfig = {
  // Separate build folders let several builds (e.g. parallel e2e runs) share a checkout.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Native/WASM database drivers must load from node_modules, not be bundled: the
  // bundler would rewrite PGlite's wasm URL and every query would fail.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "@electric-sql/pglite", "pglite-prisma-adapter"],
  poweredByHeader: false,
  // `npm test` runs tsc over the whole project (tests and scripts included) before the
  // build; checking again inside `next build` would only repeat it.
  typescript: { ignoreBuildErrors: true },
  typedRoutes: false,
  experimental: {
    // Server action bodies: the largest form (an activity: 4,000-character description, at
    // most 4 bytes a character, plus the other fields and React's envelope) stays under
    // 32 KB. Next's default is 1 MB; 100 KB refuses anything far beyond a real form
    // before it is parsed. File uploads do not go through actions (app/admin/imports/upload).
    serverActions: { bodySizeLimit: "100kb" },
    // Bodies proxy.ts sees are buffered up to this size (default 10 MB): every request it
    // sees is a form, an action or a sign-in, far below it.
    proxyClientMaxBodySize: "1mb",
  },
  async headers() {
    return [
      {
        source: "/(.*)",
        headers: [
          { key: "X-Frame-Options", value: "DENY" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          // The per-request headers (CSP with its nonce, HSTS, COOP, Permissions-Policy)
          // are set by proxy.ts; these also cover the static files it skips.
        ],
      },
    ];
  },
};

export default nextConfig;
