// The report cache against a real database (both backends): the data version moves with
// every kind of write the report reads (participation, settings, indicators, reference
// rows, an import commit and its undo) and with nothing else; a cached report is never
// served after a write; a restarted instance reads the stored report; concurrent
// identical requests compute once; a full queue answers "being prepared" at once.
// Only the session is faked.
import { createHash } from "node:crypto";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { AppSession } from "@/server/auth/session";
import { BACKEND } from "./support/backend";

// One report at a time and one waiting, so the test can fill the queue deterministically.
process.env.REPORT_CONCURRENCY = "1";
process.env.REPORT_QUEUE_MAX = "1";

const sessionRef: { current: AppSession | null } = { current: null };
vi.mock("@/server/auth/session", () => ({ getSession: async () => sessionRef.current }));

const { db } = await import("@/server/db/client");
const cache = await import("@/server/coverage/report-cache");
const { loadDashboard, loadGapReport } = await import("@/server/coverage/dashboard");
const participation = await import("@/server/actions/participation");
const coverageActions = await import("@/server/actions/coverage");
const { commitImportAction, undoImportAction } = await import("@/server/actions/imports");
const { receiveUpload } = await import("@/server/imports/upload");
const { processImportRun } = await import("@/server/imports/process");
const { runPendingImportJobs } = await import("@/server/imports/jobs");
const { seedReference } = await import("../../seeds/reference");
const { seedDefaultIndicators } = await import("@/server/coverage/indicator-seed");
const preparingRoute = await import("../../app/dashboard/preparing/route");

const stamp = Date.now().toString(36);
const users = new Map<string, AppSession>();
const FY = { fy: 2025 };
const NOW = new Date("2025-06-15T12:00:00Z");
let participantId = "";

const as = (role: string) => {
  const session = users.get(role);
  if (!session) throw new Error(`no ${role}`);
  sessionRef.current = session;
  return session;
};
const versions = () => cache.readDataVersions(db);
const ok = <T>(result: { ok: true; data: T } | { ok: false; error: unknown }): T => {
  if (!result.ok) throw new Error(`action failed: ${JSON.stringify(result.error)}`);
  return result.data;
};

beforeAll(async () => {
  await seedReference(db);
  await seedDefaultIndicators(db);
  for (const role of ["ADMIN", "LEAD", "COORDINATOR"] as const) {
    const agencyId = role === "COORDINATOR" ? "AG-NIST" : null;
    const email = `cache-${role.toLowerCase()}-${stamp}@test.gov`;
    const user = await db.user.create({ data: { email, name: role, role, passwordHash: "x", agencyId } });
    users.set(role, { user: { id: user.id, email, name: role, role, agencyId, agencyAcronym: agencyId ? "NIST" : null }, scope: { userId: user.id, role, agencyId } });
  }
  const person = await db.participant.create({ data: { agencyId: "AG-NIST", name: `Cache person ${stamp}` } });
  participantId = person.id;
}, 120_000);

beforeEach(() => {
  sessionRef.current = null;
});

function engagementInput(startDate = "2024-11-01", person = participantId) {
  return { participantId: person, sdoId: "SDO-ISOIEC-JTC1", committeeId: "C-SC27", role: "MEMBER", depth: "CONTRIBUTE", startDate };
}

/** A coordinator's save through the real action, for a new person (one active seat each). */
async function saveEngagement(startDate: string) {
  const person = await db.participant.create({ data: { agencyId: "AG-NIST", name: `Saver ${startDate} ${stamp}` } });
  as("COORDINATOR");
  return ok(await participation.createEngagementAction(engagementInput(startDate, person.id)));
}

describe(`the data version on ${BACKEND}`, () => {
  it("moves with every kind of write the report reads", async () => {
    as("COORDINATOR");
    let engagement = ok(await participation.createEngagementAction(engagementInput()));
    const writes: [string, () => Promise<unknown>][] = [
      ["participant created", async () => ok(await participation.createParticipantAction({ name: `Another ${stamp}` }))],
      [
        "participant renamed",
        async () => {
          const p = await db.participant.findUniqueOrThrow({ where: { id: participantId } });
          return ok(await participation.updateParticipantAction({ id: p.id, version: p.version, name: `Renamed ${stamp}` }));
        },
      ],
      ["engagement created", async () => (engagement = await saveEngagement("2024-12-01"))],
      [
        "engagement confirmed still active",
        async () => {
          const e = await db.engagement.findUniqueOrThrow({ where: { id: engagement.id } });
          return ok(await participation.confirmEngagementAction({ id: e.id, version: e.version }));
        },
      ],
      [
        "engagement ended",
        async () => {
          const e = await db.engagement.findUniqueOrThrow({ where: { id: engagement.id } });
          return ok(await participation.endEngagementAction({ id: e.id, version: e.version, endDate: "2025-03-01" }));
        },
      ],
      [
        "engagement deleted",
        async () => {
          const e = await db.engagement.findUniqueOrThrow({ where: { id: engagement.id } });
          return ok(await participation.deleteEngagementAction({ id: e.id, version: e.version }));
        },
      ],
      ["activity created", async () => ok(await participation.createActivityAction({ kind: "TRAINING", title: `Course ${stamp}`, startDate: "2025-01-10" }))],
      [
        "scoring settings changed",
        async () => {
          as("ADMIN");
          // No row yet means the defaults (version 0); the action creates it.
          const s = await db.coverageSettings.findUnique({ where: { id: 1 } });
          const values = { weightObserve: 1, weightAttend: 2, weightContribute: 3, weightLead: 4, metPercent: 100, partialPercent: 50 };
          return ok(await coverageActions.updateCoverageSettingsAction({ ...values, staleMonths: s?.staleMonths === 12 ? 11 : 12, version: s?.version ?? 0 }));
        },
      ],
      [
        "indicator target changed",
        async () => {
          const i = await db.indicator.findUniqueOrThrow({ where: { code: "REC8-ADOPTIONS" } });
          const input = { id: i.id, version: i.version, name: i.name, description: i.description, unit: i.unit, activityKind: "ADOPTION" };
          return ok(await coverageActions.updateIndicatorAction({ ...input, target: i.target + 1 }));
        },
      ],
      ["agency renamed", () => db.agency.update({ where: { id: "AG-NIST" }, data: { name: "National Institute of Standards and Technology" } })],
      ["core area edited", () => db.coreArea.update({ where: { id: "CA-CRYPTO" }, data: { description: `Edited ${stamp}` } })],
      ["SDO edited", () => db.sdo.update({ where: { id: "SDO-IETF" }, data: { name: "Internet Engineering Task Force" } })],
      ["committee edited (inventory)", () => db.committee.update({ where: { id: "C-SC27" }, data: { title: `Information security ${stamp}` } })],
    ];
    for (const [name, write] of writes) {
      const before = await versions();
      await write();
      const after = await versions();
      expect(after, name).not.toEqual(before);
    }
  });

  it("moves once per transaction, however many rows it writes", async () => {
    const before = BigInt((await versions()).dataVersion);
    await db.$transaction([
      db.participant.create({ data: { agencyId: "AG-NIST", name: `Batch one ${stamp}` } }),
      db.participant.create({ data: { agencyId: "AG-NIST", name: `Batch two ${stamp}` } }),
    ]);
    expect(BigInt((await versions()).dataVersion)).toBe(before + 1n);
  });

  it("stays put for writes the report does not read (audit rows, users, a failed save)", async () => {
    const before = await versions();
    await db.auditEvent.create({ data: { action: "test.noop", actorEmail: "test@test.gov", entityType: "Test", entityId: null } });
    await db.user.update({ where: { id: as("ADMIN").user.id }, data: { name: "Admin again" } });
    as("COORDINATOR");
    const refused = await participation.createEngagementAction({ ...engagementInput(), committeeId: "C-NOPE" });
    expect(refused.ok).toBe(false);
    expect(await versions()).toEqual(before);
  });

  it("moves when an import commits and when it is undone", async () => {
    const admin = as("ADMIN");
    const sdo = `RC-${stamp}`;
    const csv = [
      "sdo_acronym,sdo_name,sdo_type,committee,committee_title,standard_designation,title,stage,year,core_areas,key_applications,provenance,source,note",
      `${sdo},Report cache body,consortium,,,${sdo} 1,Cached standard,PUBLISHED,,,,INFERRED,,`,
    ].join("\n");
    const body = new TextEncoder().encode(csv);
    const runId = await receiveUpload(admin, { fileName: "cache.csv", contentType: "text/csv", size: body.length, body, mode: "MERGE" });
    await processImportRun(runId);
    const beforeCommit = await versions();
    ok(await commitImportAction({ runId }));
    await runPendingImportJobs();
    expect((await db.importRun.findUniqueOrThrow({ where: { id: runId } })).status).toBe("COMMITTED");
    const afterCommit = await versions();
    expect(afterCommit).not.toEqual(beforeCommit);
    ok(await undoImportAction({ runId }));
    await runPendingImportJobs();
    expect((await db.importRun.findUniqueOrThrow({ where: { id: runId } })).status).toBe("UNDONE");
    expect(await versions()).not.toEqual(afterCommit);
  });
});

describe(`cached reports on ${BACKEND}`, () => {
  it("serves the same view from memory until a write, then shows the write at once", async () => {
    const lead = as("LEAD");
    const first = await loadGapReport(lead.scope, FY, NOW);
    const statsAfterFirst = cache.reportCacheStats();
    const again = await loadGapReport(lead.scope, FY, NOW);
    expect(again.report).toBe(first.report);
    expect(cache.reportCacheStats().computed).toBe(statsAfterFirst.computed);
    expect(cache.reportCacheStats().memoryHits).toBe(statsAfterFirst.memoryHits + 1);

    await saveEngagement("2025-02-01");
    const after = await loadGapReport(lead.scope, FY, NOW);
    expect(after.report.totals.engagements).toBe(first.report.totals.engagements + 1);
    expect(cache.reportCacheStats().computed).toBe(statsAfterFirst.computed + 1);
  });

  it("a restarted instance reads the stored report instead of computing it", async () => {
    const lead = as("LEAD");
    const computed = await loadGapReport(lead.scope, FY, NOW);
    const before = cache.reportCacheStats();
    cache.clearReportMemory();
    const stored = await loadGapReport(lead.scope, FY, NOW);
    expect(stored.report).toEqual(computed.report);
    expect(cache.reportCacheStats()).toMatchObject({ computed: before.computed, storedHits: before.storedHits + 1 });
    const rows = await db.reportCache.findMany({ where: { kind: "report" } });
    expect(rows.length).toBeGreaterThan(0);
  });

  it("computes once for concurrent identical requests, and the dashboard's trend once too", async () => {
    const lead = as("LEAD");
    await saveEngagement("2025-03-01");
    const before = cache.reportCacheStats();
    const views = await Promise.all([loadDashboard(lead.scope, FY, NOW), loadDashboard(lead.scope, FY, NOW), loadDashboard(lead.scope, FY, NOW)]);
    // One report and one trend, shared by the three views.
    expect(cache.reportCacheStats().computed).toBe(before.computed + 2);
    expect(views[1]?.report).toBe(views[0]?.report);
    expect(views[2]?.trend).toEqual(views[0]?.trend);
  });

  it("a request after a write never joins an older computation, and a queued one reuses a fresh result", async () => {
    const lead = as("LEAD");
    const before = await loadGapReport(lead.scope, FY, NOW);
    await db.participant.create({ data: { agencyId: "AG-NIST", name: `Between ${stamp}` } });
    // Hold the only slot, so the first request's computation waits for a turn.
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const blocker = cache.reportGate().run(() => held);
    const stats = cache.reportCacheStats();
    const first = loadGapReport(lead.scope, FY, NOW);
    await vi.waitFor(() => expect(cache.reportGate().stats().queued).toBe(1), { timeout: 30_000 });
    // A save lands while the first request waits; the second request saw it.
    await saveEngagement("2025-04-01");
    const second = loadGapReport(lead.scope, FY, NOW);
    release();
    await blocker;
    const [a, b] = await Promise.all([first, second]);
    // Both show the save: the first's computation started after it, the second reused that result.
    expect(a.report.totals.engagements).toBe(before.report.totals.engagements + 1);
    expect(b.report.totals.engagements).toBe(before.report.totals.engagements + 1);
    expect(cache.reportCacheStats().computed).toBe(stats.computed + 1);
  });

  it("a write that lands while a view is being computed is never hidden by the cache", async () => {
    const count = () => db.participant.count({ where: { name: { startsWith: `Mid-read ${stamp}` } } });
    let writeDuringRead = true;
    const spec = {
      kind: "trend" as const,
      day: "2025-06-15",
      params: { test: `mid-read ${stamp}` },
      read: async () => {
        const seen = await count();
        // Another request's save commits while this computation is still reading.
        if (writeDuringRead) await db.participant.create({ data: { agencyId: "AG-NIST", name: `Mid-read ${stamp} ${seen}` } });
        return seen;
      },
      build: (seen: number) => seen,
    };
    const before = cache.reportCacheStats().computed;
    expect(await cache.cachedReport(spec)).toBe(0);
    // PostgreSQL read it in one snapshot, so it is stored under that snapshot's version;
    // PGlite reads statement by statement and saw the version move: nothing is stored.
    const stored = await db.reportCache.count({ where: { kind: "trend", day: "2025-06-15", payload: "0" } });
    expect(stored).toBe(BACKEND === "postgres" ? 1 : 0);
    writeDuringRead = false;
    // The next view sees the write: computed again, not served the value read before it.
    expect(await cache.cachedReport(spec)).toBe(1);
    expect(await cache.cachedReport(spec)).toBe(1);
    expect(cache.reportCacheStats().computed).toBe(before + 2);
  });

  it("keeps views apart: scope, filters and day are part of the key", async () => {
    const lead = as("LEAD");
    const coordinator = users.get("COORDINATOR")!;
    const all = await loadGapReport(lead.scope, FY, NOW);
    const nist = await loadGapReport(coordinator.scope, FY, NOW);
    const otherYear = await loadGapReport(lead.scope, { fy: 2024 }, NOW);
    const nextDay = await loadGapReport(lead.scope, FY, new Date("2025-06-16T12:00:00Z"));
    expect(all.report.agency).toBeNull();
    expect(nist.report.agency?.id).toBe("AG-NIST");
    expect(otherYear.report.period).toMatchObject({ fiscalYear: 2024 });
    expect(nextDay.report.asOf).toBe("2025-06-16");
    expect(all.report.asOf).toBe("2025-06-15");
  });

  it("never serves a payload stored by code of another report format", async () => {
    const lead = as("LEAD");
    const fresh = await loadGapReport(lead.scope, FY, NOW);
    const v = await versions();
    const { period } = fresh.report;
    // The key this view had before the format number joined it (the issue-11 code).
    const params = { start: period.start, end: period.end, periodKind: period.kind, agencyId: null, sdoId: null };
    const oldKey = createHash("sha256").update(JSON.stringify(["report", "2025-06-15", params])).digest("hex");
    await db.$executeRaw`
INSERT INTO "ReportCache" (key, kind, day, "dataVersion", "inventoryToken", payload, "computeMs")
VALUES (${oldKey}, 'report', '2025-06-15', ${v.dataVersion}::bigint, ${v.inventoryToken}::uuid, '{"oldFormat":true}', 1)
ON CONFLICT (key) DO UPDATE SET payload = EXCLUDED.payload, "dataVersion" = EXCLUDED."dataVersion", "inventoryToken" = EXCLUDED."inventoryToken"`;
    cache.clearReportMemory();
    const again = await loadGapReport(lead.scope, FY, NOW);
    expect(again.report).not.toHaveProperty("oldFormat");
    expect(again.report.settings.thresholds).toEqual({ met: 1, partial: 0.5 });
    expect(cache.REPORT_FORMAT).toBeGreaterThanOrEqual(2);
  });

  it("answers 'being prepared' at once when the queue is full, to pages and to exports", async () => {
    const lead = as("LEAD");
    // Any write moves the version, so the next view needs a computation.
    await db.participant.create({ data: { agencyId: "AG-DHS", name: `Busy ${stamp}` } });
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const gate = cache.reportGate();
    const running = gate.run(() => held);
    const queued = gate.run(() => held);
    expect(gate.stats()).toMatchObject({ running: 1, queued: 1 });

    const refused = await loadGapReport(lead.scope, FY, NOW).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(cache.ReportBusyError);
    const seconds = (refused as InstanceType<typeof cache.ReportBusyError>).retryAfterSeconds;
    expect(seconds).toBeGreaterThanOrEqual(2);
    expect(seconds).toBeLessThanOrEqual(30);
    const exported = await coverageActions.exportGapReportAction({ ...FY, format: "csv" });
    expect(exported).toMatchObject({ ok: false, error: { code: "BUSY", message: expect.stringMatching(/being prepared.*\d+ seconds/) } });

    release();
    await Promise.all([running, queued]);
    const served = await loadGapReport(lead.scope, FY, NOW);
    expect(served.report.period).toMatchObject({ fiscalYear: 2025 });
  });
});

describe(`the "being prepared" answer on ${BACKEND}`, () => {
  const get = (query: string) => preparingRoute.GET(new Request(`http://127.0.0.1/dashboard/preparing?${query}`));

  it("is a 503 with Retry-After and a page that refreshes back to the view", async () => {
    as("LEAD");
    const response = await get(new URLSearchParams({ next: "/dashboard?fy=2025&agency=AG-DHS", retry: "7" }).toString());
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("7");
    expect(response.headers.get("cache-control")).toBe("no-store");
    const html = await response.text();
    expect(html).toContain("<h1>The report is being prepared</h1>");
    expect(html).toContain("refreshes in 7 seconds");
    expect(html).toContain('<a href="/dashboard?fy=2025&amp;agency=AG-DHS">Try again now</a>');
    expect(html).toContain('location.replace("/dashboard?fy=2025&agency=AG-DHS"); }, 7000)');
  });

  it("returns only to dashboard views, and asks the anonymous to sign in", async () => {
    as("LEAD");
    for (const next of ["https://evil.example/", "//evil.example/dashboard", "/admin/users", '/dashboard"><script>']) {
      const html = await (await get(new URLSearchParams({ next, retry: "3" }).toString())).text();
      expect(html, next).toContain('<a href="/dashboard">Try again now</a>');
      expect(html, next).toContain('location.replace("/dashboard"); }, 3000)');
      expect(html).not.toContain("evil");
      expect(html.split("<script").length, next).toBe(2); // only the page's own
    }
    // A dashboard link whose query holds markup stays inert in the attribute and in the script.
    const html = await (await get(new URLSearchParams({ next: "/dashboard?q=</script><script>alert(1)", retry: "3" }).toString())).text();
    expect(html.split("</script>").length).toBe(2);
    expect(html).toContain('location.replace("/dashboard?q=\\u003c/script>\\u003cscript>alert(1)")');
    expect(html).toContain('<a href="/dashboard?q=&lt;/script&gt;&lt;script&gt;alert(1)">');
    sessionRef.current = null;
    const anonymous = await get("next=/dashboard&retry=3");
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get("location")).toMatch(/\/sign-in\?callbackUrl=%2Fdashboard$/);
  });
});
