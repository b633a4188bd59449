// The body of /api-docs: how to call the read API, then one section per endpoint.
import Link from "@/ui/link";
import type { ApiDocEndpoint } from "@/server/api/api-docs";
import { PageHeading } from "@/ui/page-heading";

const idOf = (path: string) => `endpoint-${path.slice("/api/v1/".length)}`;

export function ApiDocsView({ endpoints, origin, rateLimit }: { endpoints: ApiDocEndpoint[]; origin: string; rateLimit: number }) {
  return (
    <>
      <PageHeading
        title="Read API"
        lead={
          <p>
            Read this tracker&apos;s data from your own systems with a personal access token from{" "}
            <Link href="/api-tokens">API tokens</Link>. A token reads with your current role and agency, exactly as the pages
            do. The machine-readable description is the <a href="/api/v1/openapi.json">OpenAPI 3.1 document</a>.
          </p>
        }
      />
      <section aria-labelledby="api-basics-title" className="mb-8 max-w-3xl">
        <h2 id="api-basics-title">How calls work</h2>
        <ul className="list-disc space-y-2 pl-6">
          <li>
            Send the token as <code>Authorization: Bearer &lt;token&gt;</code>. Keep it in an environment variable, for example{" "}
            <code>export TRACKER_TOKEN=set_pat_…</code>, as the examples below do.
          </li>
          <li>
            Collections come in pages in id order: up to <code>limit</code> rows (at most 1,000) and a <code>next</code> link; follow{" "}
            <code>next</code> until it is <code>null</code>. Every row that exists for the whole walk and keeps matching the filters is
            returned exactly once.
          </li>
          <li>
            Each token may make {rateLimit.toLocaleString("en-US")} calls a minute. Beyond that the answer is <code>429</code> with{" "}
            <code>Retry-After</code>; every answer carries <code>RateLimit-Remaining</code> and <code>RateLimit-Reset</code>.
          </li>
          <li>
            Errors are JSON with a stable <code>code</code> and a <code>message</code>; an unknown parameter or a bad value is a{" "}
            <code>400</code> that names the <code>parameter</code>. Send <code>If-None-Match</code> with a response&apos;s{" "}
            <code>ETag</code> to get <code>304</code> when nothing changed.
          </li>
        </ul>
      </section>
      <nav aria-labelledby="api-endpoints-title" className="mb-8">
        <h2 id="api-endpoints-title">Endpoints</h2>
        <ul className="grid gap-1 sm:grid-cols-2 lg:grid-cols-3">
          {endpoints.map((e) => (
            <li key={e.path}>
              <a href={`#${idOf(e.path)}`}>
                <code>{e.path}</code>
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {endpoints.map((e) => (
        <section key={e.path} id={idOf(e.path)} aria-labelledby={`${idOf(e.path)}-title`} className="mb-10 border-t border-[#dfe1e2] pt-4">
          <h2 id={`${idOf(e.path)}-title`} className="break-all">
            <code>GET {e.path}</code>
          </h2>
          <p className="max-w-3xl">{e.summary}.</p>
          <p className="max-w-3xl">
            <strong>Who may call it:</strong> {e.roles.join(", ")}.{" "}
            {e.kind === "collection" ? "Answers a page of rows and a next link." : "Answers one document."}
          </p>
          <div className="relative overflow-x-auto">
            <table className="data-table w-full table-fixed">
              <caption>Parameters of {e.path}</caption>
              <colgroup>
                <col className="w-[32%] sm:w-[20%]" />
                <col className="w-[34%] sm:w-[40%]" />
                <col className="w-[34%] sm:w-[40%]" />
              </colgroup>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Meaning</th>
                  <th scope="col">Values</th>
                </tr>
              </thead>
              <tbody>
                {e.parameters.map((p) => (
                  <tr key={p.name}>
                    <td className="[overflow-wrap:anywhere]">
                      <code>{p.name}</code>
                    </td>
                    <td className="[overflow-wrap:anywhere]">{p.description}</td>
                    <td className="[overflow-wrap:anywhere]">{p.values}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h3 className="mt-4 text-base">
            Example
          </h3>
          <pre
            className="overflow-x-auto rounded bg-[#1b1b1b] p-3 text-sm whitespace-pre-wrap break-all text-white"
          >
            <code>{e.curl}</code>
          </pre>
        </section>
      ))}
      <p className="text-sm text-[#565c65]">Examples use {origin}.</p>
    </>
  );
}
