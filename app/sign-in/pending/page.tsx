// Where the first OpenID Connect sign-in of an unknown person lands: no session, no
// permission, until an administrator approves the access request.
import type { Metadata } from "next";
import Link from "@/ui/link";

export const metadata: Metadata = { title: "Your access is waiting for an administrator" };

export default function AccessPendingPage() {
  return (
    <div className="max-w-xl">
      <h1>Your access is waiting for an administrator</h1>
      <p>
        Your identity provider confirmed who you are, and your request for access has been recorded. An administrator decides which role and agency you get;
        until then you cannot see any records.
      </p>
      <p>You do not need to ask again. Once you are approved, sign in the same way and you will go straight in.</p>
      <p>
        <Link href="/sign-in">Back to sign-in</Link>
      </p>
    </div>
  );
}
