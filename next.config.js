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
  async headers() {
    return [
      {
        source: "/(.*)",
        headers: [
          { key: "X-Frame-Options", value: "DENY" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
        ],
      },
    ];
  },
};

export default nextConfig;
