import { describe, expect, it } from "vitest";
import { allowListSchema, auditUnavailable, judgeAudit, type AllowList } from "./dependency-audit";

const advisory = (id: string, name: string, severity: string) => ({
  source: 1, name, dependency: name, title: `${name} is vulnerable`, url: `https://github.com/advisories/${id}`, severity, range: "<2",
});
const report = {
  auditReportVersion: 2,
  vulnerabilities: {
    "bad-lib": { name: "bad-lib", severity: "critical", via: [advisory("GHSA-aaaa-bbbb-cccc", "bad-lib", "critical")] },
    "uses-bad-lib": { name: "uses-bad-lib", severity: "critical", via: ["bad-lib"] },
    "meh-lib": { name: "meh-lib", severity: "moderate", via: [advisory("GHSA-mmmm-mmmm-mmmm", "meh-lib", "moderate")] },
    "high-lib": { name: "high-lib", severity: "high", via: [advisory("GHSA-hhhh-hhhh-hhhh", "high-lib", "high")] },
  },
  metadata: { vulnerabilities: { info: 0, low: 0, moderate: 1, high: 1, critical: 2, total: 4 } },
};
const exception = (advisory: string, pkg: string, expires: string) => ({
  advisory, package: pkg, reason: "Only reachable through a CLI we never call at run time.", reviewedBy: "security lead", expires,
});

describe("judgeAudit", () => {
  it("fails on every high or critical advisory without an exception, not on moderate ones", () => {
    const verdict = judgeAudit(report, [], "2026-11-29");
    expect(verdict.ok).toBe(false);
    expect(verdict.failing.map((f) => `${f.advisory} ${f.severity}`)).toEqual(["GHSA-aaaa-bbbb-cccc critical", "GHSA-hhhh-hhhh-hhhh high"]);
  });

  it("passes when each has an unexpired, reviewed exception", () => {
    const list: AllowList = [exception("GHSA-aaaa-bbbb-cccc", "bad-lib", "2026-12-31"), exception("GHSA-hhhh-hhhh-hhhh", "high-lib", "2026-11-29")];
    const verdict = judgeAudit(report, list, "2026-11-29");
    expect(verdict).toMatchObject({ ok: true, failing: [], expired: [], unused: [] });
    expect(verdict.accepted).toHaveLength(2);
  });

  it("fails again once an exception has expired, and names exceptions nothing needs", () => {
    const list: AllowList = [exception("GHSA-aaaa-bbbb-cccc", "bad-lib", "2026-11-28"), exception("GHSA-hhhh-hhhh-hhhh", "high-lib", "2027-01-01"), exception("GHSA-zzzz-zzzz-zzzz", "gone-lib", "2027-01-01")];
    const verdict = judgeAudit(report, list, "2026-11-29");
    expect(verdict.ok).toBe(false);
    expect(verdict.expired.map((f) => f.advisory)).toEqual(["GHSA-aaaa-bbbb-cccc"]);
    expect(verdict.unused).toEqual(["GHSA-zzzz-zzzz-zzzz (gone-lib)"]);
  });

  it("an exception is for one advisory in one package", () => {
    const verdict = judgeAudit(report, [exception("GHSA-aaaa-bbbb-cccc", "other-lib", "2027-01-01")], "2026-11-29");
    expect(verdict.failing.map((f) => f.advisory)).toContain("GHSA-aaaa-bbbb-cccc");
  });
});

describe("allow-list file and unavailable service", () => {
  it("requires an advisory id, a reason, a reviewer and an expiry", () => {
    expect(allowListSchema.safeParse([exception("GHSA-aaaa-bbbb-cccc", "bad-lib", "2027-01-01")]).success).toBe(true);
    expect(allowListSchema.safeParse([{ advisory: "CVE-2020-1", package: "x", reason: "short", reviewedBy: "", expires: "soon" }]).success).toBe(false);
    expect(allowListSchema.safeParse([{ ...exception("GHSA-aaaa-bbbb-cccc", "bad-lib", "2027-01-01"), extra: 1 }]).success).toBe(false);
  });

  it("tells a report from npm's error answer", () => {
    expect(auditUnavailable(report)).toBeNull();
    expect(auditUnavailable({ message: "405 Method Not Allowed - POST https://registry.example/-/npm/v1/security/advisories/bulk", statusCode: 405 })).toMatch(/405/);
    expect(auditUnavailable({ error: { code: "ENOTFOUND", summary: "" } })).toBe("ENOTFOUND");
  });
});
