// What server logs may say about an error: its name, message and stack with anything that
// looks like a secret removed (session tokens and cookies, password and secret fields,
// password hashes) and cut to a bounded length, so a message quoting an uploaded file or
// a request cannot copy it into the log.

const MAX_LOG_CHARS = 4000;

const PATTERNS: [RegExp, string][] = [
  // next-auth session and CSRF cookies (possibly chunked: .0, .1 ...), as in a Cookie header.
  [/((?:__(?:Secure|Host)-)?next-auth\.[a-z-]+(?:\.\d+)?=)[^;\s"']+/gi, "$1[redacted]"],
  // JWS/JWE compact tokens (next-auth's session token is a JWE: five base64url parts).
  [/\beyJ[A-Za-z0-9_-]{8,}(?:\.[A-Za-z0-9_-]*){2,4}/g, "[token]"],
  // bcrypt hashes.
  [/\$2[aby]?\$\d{2}\$[./A-Za-z0-9]{53}/g, "[hash]"],
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/g, "$1 [redacted]"],
  // password=..., "password": "...", passwordHash: '...', secret, token and authorization fields.
  [
    /((?:["']?)(?:password|passwordHash|newPassword|currentPassword|secret|NEXTAUTH_SECRET|token|sessionToken|csrfToken|authorization)(?:["']?)\s*[:=]\s*)("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|[^\s,;&}]+)/gi,
    "$1[redacted]",
  ],
];

export function redactSecrets(text: string): string {
  let out = text;
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

/** One bounded, redacted description of an error (and its causes) for a log line. */
export function describeError(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && current !== null && depth < 3; depth++) {
    if (current instanceof Error) {
      parts.push(current.stack ?? `${current.name}: ${current.message}`);
      current = (current as { cause?: unknown }).cause;
    } else {
      parts.push(typeof current === "string" ? current : safeJson(current));
      current = undefined;
    }
  }
  const text = redactSecrets(parts.join("\nCaused by: "));
  return text.length > MAX_LOG_CHARS ? `${text.slice(0, MAX_LOG_CHARS)}… [${text.length - MAX_LOG_CHARS} more characters cut]` : text;
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
