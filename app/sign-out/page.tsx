// Confirms sign-out (the header button signs out directly).
import type { Metadata } from "next";
import Link from "@/ui/link";
import { getSession } from "@/server/auth/session";
import { SignOutButton } from "@/ui/sign-out-button";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign out" };

export default async function SignOutPage() {
  const session = await getSession();
  if (!session) {
    return (
      <div className="max-w-xl">
        <h1>You are signed out</h1>
        <p>
          <Link href="/sign-in">Sign in again</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="max-w-xl">
      <h1>Sign out</h1>
      <p>
        You are signed in as <strong>{session.user.name}</strong> ({session.user.email}). Do you want to sign out of the
        Standards Engagement Tracker?
      </p>
      <div className="mt-6 flex flex-wrap items-center gap-4">
        <SignOutButton variant="primary" />
        <Link href="/">Cancel, go home</Link>
      </div>
    </div>
  );
}
