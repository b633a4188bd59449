// The dependency audit's policy (scripts/audit-deps.ts runs it in `npm test`): from
// `npm audit --omit=dev --json`, every high or critical advisory on a production
// dependency fails the build unless security/audit-allowlist.json holds a reviewed,
// unexpired exception for that advisory. Pure: the report, the list and today come in.
import { z } from "zod";

export const FAILING_SEVERITIES = ["high", "critical"] as const;

export const allowListSchema = z.array(
  z.strictObject({
    /** The advisory: its GHSA id (github.com/advisories/GHSA-...). */
    advisory: z.string().regex(/^GHSA-[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}$/, "advisory must be a GHSA id"),
    package: z.string().min(1),
    /** Why the advisory does not affect this app (or what mitigates it), in a sentence or two. */
    reason: z.string().min(20, "reason must explain the exception"),
    reviewedBy: z.string().min(1),
    /** YYYY-MM-DD: after this day the exception no longer counts and the audit fails again. */
    expires: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  }),
);
export type AllowList = z.infer<typeof allowListSchema>;

interface Via {
  source?: number;
  name?: string;
  title?: string;
  url?: string;
  severity?: string;
}

export interface AuditFinding {
  advisory: string;
  package: string;
  severity: string;
  title: string;
  url: string;
}

export interface AuditVerdict {
  ok: boolean;
  /** High/critical advisories without a valid exception. */
  failing: AuditFinding[];
  /** High/critical advisories accepted by an unexpired exception. */
  accepted: (AuditFinding & { expires: string })[];
  /** Exceptions past their date whose advisory is still reported. */
  expired: AuditFinding[];
  /** Exceptions no advisory needs any more (remove them). */
  unused: string[];
  counts: Record<string, number>;
}

const advisoryId = (via: Via) => /GHSA-[a-z0-9-]+/i.exec(via.url ?? "")?.[0] ?? `npm-${via.source ?? "unknown"}`;

/** The high/critical advisories in an npm audit (report version 2) JSON, one per advisory and package. */
export function findings(report: unknown): AuditFinding[] {
  const vulnerabilities = (report as { vulnerabilities?: Record<string, { via?: (Via | string)[] }> }).vulnerabilities ?? {};
  const out = new Map<string, AuditFinding>();
  for (const [name, entry] of Object.entries(vulnerabilities)) {
    for (const via of entry.via ?? []) {
      if (typeof via === "string") continue; // reported on the package it comes through
      if (!FAILING_SEVERITIES.includes(via.severity as (typeof FAILING_SEVERITIES)[number])) continue;
      const finding = { advisory: advisoryId(via), package: via.name ?? name, severity: via.severity!, title: via.title ?? "", url: via.url ?? "" };
      out.set(`${finding.advisory} ${finding.package}`, finding);
    }
  }
  return [...out.values()].sort((a, b) => a.advisory.localeCompare(b.advisory));
}

export function judgeAudit(report: unknown, allowList: AllowList, today: string): AuditVerdict {
  const found = findings(report);
  const verdict: AuditVerdict = {
    ok: true,
    failing: [],
    accepted: [],
    expired: [],
    unused: [],
    counts: (report as { metadata?: { vulnerabilities?: Record<string, number> } }).metadata?.vulnerabilities ?? {},
  };
  for (const finding of found) {
    const exception = allowList.find((e) => e.advisory.toLowerCase() === finding.advisory.toLowerCase() && e.package === finding.package);
    if (!exception) verdict.failing.push(finding);
    else if (exception.expires < today) verdict.expired.push(finding);
    else verdict.accepted.push({ ...finding, expires: exception.expires });
  }
  verdict.unused = allowList
    .filter((e) => !found.some((f) => f.advisory.toLowerCase() === e.advisory.toLowerCase() && f.package === e.package))
    .map((e) => `${e.advisory} (${e.package})`);
  verdict.ok = verdict.failing.length === 0 && verdict.expired.length === 0;
  return verdict;
}

/** npm's answer when it could not get advisories at all (no service, no network). */
export function auditUnavailable(report: unknown): string | null {
  const r = report as { error?: { code?: string; summary?: string }; statusCode?: number; message?: string; auditReportVersion?: number };
  if (r && typeof r === "object" && r.auditReportVersion === 2) return null;
  return r?.message || r?.error?.summary || r?.error?.code || "npm audit gave no report";
}
