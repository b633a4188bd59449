"use client";
// zod 4 probes once whether it may compile parsers with `new Function`; under the
// Content-Security-Policy (no 'unsafe-eval') the probe is refused and the browser reports
// a CSP violation even though zod catches it. Jitless mode skips the probe. Browser only:
// the server has no CSP and keeps zod's faster compiled parsers. Rendered by the root
// layout, so this runs before any page's form parses anything.
import { z } from "zod";

if (typeof window !== "undefined") z.config({ jitless: true });

export function ZodCsp() {
  return null;
}
