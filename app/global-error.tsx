"use client";
// Errors in the root layout itself (app/error.tsx sits inside it): the same generic
// message and reference, in a page of its own. The reference is the digest that the
// server's log line carries (instrumentation.ts, onRequestError).
import Link from "@/ui/link";
import "./globals.css";

export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="en">
      <body>
        <main id="main-content" className="mx-auto max-w-2xl px-4 py-8">
          <h1>Something went wrong</h1>
          <p>The page could not be shown. Try again; if it keeps happening, tell your administrator and give them the reference below.</p>
          {error.digest ? <p className="text-sm text-[#565c65]">Reference: <span data-testid="error-reference">{error.digest}</span></p> : null}
          <p>
            <Link href="/">Go to the home page</Link>
          </p>
        </main>
      </body>
    </html>
  );
}
