// "The report is being prepared": what a dashboard view answers when the report gate's
// queue is full. Pages cannot set a status or headers, so they redirect to a route
// handler (app/dashboard/preparing) that answers 503 with Retry-After and a page that
// refreshes back to the view when the wait is over.
import "server-only";
import { redirect } from "next/navigation";
import { z } from "zod";
import { escapeHtml } from "@/lib/escape-html";
import { ReportBusyError } from "./report-cache";

/**
 * Only views built on the coverage report can be returned to (no open redirect): the
 * dashboard, its printable report, and a data-call submission (page, print, records).
 */
const returnPath = z
  .string()
  .max(2000)
  .regex(/^\/(dashboard(\/report)?|data-calls\/\d{4}\/[A-Za-z0-9_-]+(\/print|\/records)?)(\?[^#\s]*)?$/, "Not a report view");

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

/**
 * The page refreshes itself by script (not <meta http-equiv="refresh">, which people cannot
 * stop: WCAG 2.2.1) and offers a button that stops it; without script, the link remains.
 */
export function busyPageHtml(next: string, retrySeconds: number, nonce = ""): string {
  const href = escapeHtml(next);
  // The request's CSP nonce (proxy.ts): the page's own style and script run, nothing else.
  const nonceAttr = nonce ? ` nonce="${escapeHtml(nonce)}"` : "";
  // As a script string: JSON, with "<" escaped so the value can never close the script.
  const target = JSON.stringify(next).replace(/</g, "\\u003c");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>The report is being prepared · Standards Engagement Tracker</title>
<style${nonceAttr}>
body{margin:0;font-family:system-ui,sans-serif;color:#1b1b1b;background:#f0f0f0;line-height:1.5}
header{background:#162e51;color:#fff;padding:1rem 1.5rem;font-weight:700}
main{max-width:40rem;margin:2rem auto;padding:1.5rem;background:#fff;border-top:6px solid #005ea2}
h1{margin-top:0;font-size:1.75rem}
a{color:#005ea2;font-weight:600}
button{font:inherit;font-weight:600;color:#005ea2;background:#fff;border:2px solid #005ea2;border-radius:4px;padding:.25rem .75rem}
.actions{display:flex;flex-wrap:wrap;align-items:center;gap:.75rem 1.25rem}
a:focus,button:focus{outline:3px solid #2491ff;outline-offset:2px}
</style>
</head>
<body>
<header>Standards Engagement Tracker</header>
<main id="main-content">
<h1>The report is being prepared</h1>
<p id="busy-status" role="status">Many reports are being computed at this moment. This page refreshes in ${retrySeconds} seconds and then shows your view.</p>
<p class="actions"><a href="${href}">Try again now</a><button type="button" id="busy-stop">Stop the automatic refresh</button></p>
</main>
<script${nonceAttr}>
(function () {
  var timer = setTimeout(function () { location.replace(${target}); }, ${retrySeconds * 1000});
  var stop = document.getElementById("busy-stop");
  stop.addEventListener("click", function () {
    clearTimeout(timer);
    stop.disabled = true;
    document.getElementById("busy-status").textContent = "The automatic refresh is stopped. Use \u201cTry again now\u201d when you are ready.";
  });
})();
</script>
</body>
</html>
`;
}
