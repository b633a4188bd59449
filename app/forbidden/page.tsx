// 403: signed in, but the role lacks the permission for the page asked for.
import type { Metadata } from "next";
import Link from "@/ui/link";

export const metadata: Metadata = { title: "Access denied" };

export default function ForbiddenPage() {
  return (
    <div className="max-w-2xl">
      <p className="m-0 text-sm font-semibold text-[#565c65]">Error 403</p>
      <h1>You don&apos;t have permission to view this page</h1>
      <p>
        Your account&apos;s role does not include access to that page. If you need it for your work, ask an administrator to
        review your role.
      </p>
      <p>
        <Link href="/">Go to the home page</Link>
      </p>
    </div>
  );
}
