"use client";
// Unexpected errors: a generic message; the details stay in the server log, on the line
// carrying the same reference (instrumentation.ts, onRequestError). Production never sends
// the message, stack or SQL of a server error to the browser, only this digest.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="max-w-2xl">
      <h1>Something went wrong</h1>
      <p>The page could not be shown. Try again; if it keeps happening, tell your administrator and give them the reference below.</p>
      {error.digest ? <p className="text-sm text-[#565c65]">Reference: <span data-testid="error-reference">{error.digest}</span></p> : null}
      <button type="button" onClick={reset} className="rounded bg-[#005ea2] px-5 py-2.5 font-semibold text-white hover:bg-[#1a4480]">
        Try again
      </button>
    </div>
  );
}
