// "The report is being prepared": what a dashboard view answers when the report gate's
// queue is full. Pages cannot set a status or headers, so they redirect to a route
// handler (app/dashboard/preparing) that answers 503 with Retry-After and a page that
// refreshes back to the view when the wait is over.
import "server-only";
import { redirect } from "next/navigation";
import { z } from "zod";
import { ReportBusyError } from "./report-cache";

/** Only the dashboard's own views can be returned to (no open redirect). */
const returnPath = z
  .string()
  .max(2000)
  .regex(/^\/dashboard(\/report)?(\?[^#\s]*)?$/, "Not a dashboard view");

export const busyPageInput = z.object({
  next: returnPath.catch("/dashboard"),
  retry: z.coerce.number().int().min(1).max(60).catch(5),
});

export function busyHref(returnTo: string, retryAfterSeconds: number): string {
  return `/dashboard/preparing?${new URLSearchParams({ next: returnTo, retry: String(retryAfterSeconds) })}`;
}

/** For a page's loader: a busy gate becomes the "being prepared" answer; anything else is rethrown. */
export function redirectWhenBusy(returnTo: string) {
  return (error: unknown): never => {
    if (error instanceof ReportBusyError) redirect(busyHref(returnTo, error.retryAfterSeconds));
    throw error;
  };
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

export function busyPageHtml(next: string, retrySeconds: number): string {
  const href = escapeHtml(next);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="${retrySeconds};url=${href}">
<title>The report is being prepared · Standards Engagement Tracker</title>
<style>
body{margin:0;font-family:system-ui,sans-serif;color:#1b1b1b;background:#f0f0f0;line-height:1.5}
header{background:#162e51;color:#fff;padding:1rem 1.5rem;font-weight:700}
main{max-width:40rem;margin:2rem auto;padding:1.5rem;background:#fff;border-top:6px solid #005ea2}
h1{margin-top:0;font-size:1.75rem}
a{color:#005ea2;font-weight:600}
a:focus{outline:3px solid #2491ff;outline-offset:2px}
</style>
</head>
<body>
<header>Standards Engagement Tracker</header>
<main id="main-content">
<h1>The report is being prepared</h1>
<p role="status">Many reports are being computed at this moment. This page refreshes in ${retrySeconds} seconds and then shows your view.</p>
<p><a href="${href}">Try again now</a></p>
</main>
</body>
</html>
`;
}
