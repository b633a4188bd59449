// Runs once when the server starts: refuse to start without the secrets production needs,
// then close the import runs a stopped process left half-way (see imports/recovery.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { readEnv, requireAuthSecret } = await import("@/lib/env");
  const env = readEnv();
  requireAuthSecret(env);
  // OpenID Connect providers: a bad setting stops the start with the variable's name.
  const { readOidcProviders } = await import("@/lib/oidc-env");
  readOidcProviders();
  try {
    const { recoverInterruptedImports } = await import("@/server/imports/recovery");
    const recovered = await recoverInterruptedImports();
    if (recovered.length) console.log(`[imports] ${recovered.length} interrupted import run(s) recovered: ${recovered.map((r) => `${r.id} (${r.was.toLowerCase()})`).join(", ")}`);
  } catch (error) {
    console.error("[imports] recovering interrupted runs failed", error);
  }
}

/**
 * Every error Next catches while serving a request: one redacted log line carrying the
 * request id (set by proxy.ts) and the digest that the error page shows as its
 * reference, so a reference a person reports finds its log line.
 */
export async function onRequestError(
  error: unknown,
  request: { path: string; method: string; headers: Record<string, string | string[] | undefined> },
  context: { routerKind: string; routePath: string; routeType: string },
) {
  const { describeError } = await import("@/lib/log-redact");
  const digest = (error as { digest?: unknown } | null)?.digest;
  const requestId = request.headers["x-request-id"];
  const path = request.path.split("?")[0];
  console.error(
    `[request ${typeof requestId === "string" ? requestId : "-"}] ${request.method} ${path} failed; reference ${typeof digest === "string" ? digest : "-"} (${context.routeType} ${context.routePath}): ${describeError(error)}`,
  );
}
