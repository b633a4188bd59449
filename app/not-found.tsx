// 404 for unknown routes and for records that do not exist.
import type { Metadata } from "next";
import Link from "@/ui/link";

export const metadata: Metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <div className="max-w-2xl">
      <p className="m-0 text-sm font-semibold text-[#565c65]">Error 404</p>
      <h1>Page not found</h1>
      <p>We can&apos;t find the page or record you asked for. It may have been moved or removed, or the address may be mistyped.</p>
      <p>
        <Link href="/">Go to the home page</Link>
      </p>
    </div>
  );
}
