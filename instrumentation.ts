// Runs once when the server starts: refuse to start without the secrets production needs.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { readEnv, requireAuthSecret } = await import("@/lib/env");
  const env = readEnv();
  requireAuthSecret(env);
}
