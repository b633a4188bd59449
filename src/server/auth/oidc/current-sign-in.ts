// How the current session was signed in (set by the jwt callback in options.ts).
import "server-only";
import { getServerSession } from "next-auth";
import { authOptions } from "../options";

/** True when the current session signed in with a phishing-resistant authenticator. */
export async function signedInPhishingResistant(): Promise<boolean> {
  const session = await getServerSession(authOptions());
  return session?.user?.phishingResistant === true;
}
