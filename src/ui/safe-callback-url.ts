// Where to go after sign-in: only a same-origin relative path, so ?callbackUrl= cannot
// send people to another site (open redirect).
const FALLBACK = "/";

export function safeCallbackUrl(raw: unknown): string {
  if (typeof raw !== "string" || raw.length === 0 || raw.length > 2000) return FALLBACK;
  // Must be a path: "/x" but not "//host" or "/\host" (browsers treat both as a host).
  if (!raw.startsWith("/") || raw.startsWith("//") || raw.startsWith("/\\")) return FALLBACK;
  if (/[\u0000-\u001f\\]/.test(raw)) return FALLBACK;
  try {
    const base = "http://same-origin.invalid";
    const url = new URL(raw, base);
    if (url.origin !== base) return FALLBACK;
    // Never bounce back to the sign-in/out pages themselves.
    if (url.pathname === "/sign-in" || url.pathname === "/sign-out") return FALLBACK;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return FALLBACK;
  }
}
