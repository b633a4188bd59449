import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    // Links go through src/ui/link.tsx (no automatic prefetch: see there why).
    files: ["**/*.ts", "**/*.tsx"],
    ignores: ["src/ui/link.tsx"],
    rules: {
      "no-restricted-imports": ["error", { paths: [{ name: "next/link", message: "Import Link from \"@/ui/link\": Next's automatic prefetch multiplies the server's work per page view." }] }],
    },
  },
  {
    ignores: ["src/generated/**", ".next*/**", "node_modules/**", ".data/**", "test-results/**", "playwright-report/**", "next-env.d.ts", ".import-worker/**"],
  },
];

export default config;
