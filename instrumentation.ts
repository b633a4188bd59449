// Runs once when the server starts: refuse to start without the secrets production needs,
// then close the import runs a stopped process left half-way (see imports/recovery.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { readEnv, requireAuthSecret } = await import("@/lib/env");
  const env = readEnv();
  requireAuthSecret(env);
  try {
    const { recoverInterruptedImports } = await import("@/server/imports/recovery");
    const recovered = await recoverInterruptedImports();
    if (recovered.length) console.log(`[imports] ${recovered.length} interrupted import run(s) recovered: ${recovered.map((r) => `${r.id} (${r.was.toLowerCase()})`).join(", ")}`);
  } catch (error) {
    console.error("[imports] recovering interrupted runs failed", error);
  }
}
