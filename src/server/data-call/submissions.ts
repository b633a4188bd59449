// Data calls and agency submissions: the scoped data functions behind the actions (open,
// save narrative, submit, correct, review) and the loaders of the pages. A coordinator's
// agency comes from the session: a crafted agency id of another agency finds nothing.
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { assembleCounted, assembleGrouped, indicatorFigures, type AnyFigure, type DataCallFigures, type FigureCount } from "@/domain/data-call/assembly";
import { buildBoard, buildRollUp, type SubmissionStatusName } from "@/domain/data-call/board";
import { narrativeGaps, type CorrectionInput, type Narrative, type NarrativeInput, type OpenDataCallInput, type ReviewInput } from "@/domain/data-call/inputs";
import { snapshotHash } from "@/domain/data-call/snapshot";
import { toIsoDate } from "@/domain/fiscal-year";
import { isAgencyScoped } from "@/server/auth/permissions";
import type { AppSession, Scope } from "@/server/auth/session";
import { loadGapReport } from "@/server/coverage/dashboard";
import { cachedReport } from "@/server/coverage/report-cache";
import { db } from "@/server/db/client";
import { UserError } from "@/server/errors";
import { indicatorRows, readCountedAssembly, readGroupedAssembly } from "./assembly-rows";

type Tx = Prisma.TransactionClient;

const NOT_YOURS = "This submission does not exist or is not your agency's.";

/** Coordinators only reach their own agency's submission; admins any agency's. */
export function assertAgencyInScope(scope: Scope, agencyId: string): void {
  if (isAgencyScoped(scope.role) && scope.agencyId !== agencyId) throw new UserError("NOT_FOUND", NOT_YOURS);
}

const day = (d: Date) => d.toISOString().slice(0, 10);

export function narrativeOf(s: { narrativeImportance: string; narrativeUses: string; narrativeExamples: string; narrativeGaps: string } | null): Narrative {
  return {
    importance: s?.narrativeImportance ?? "",
    uses: s?.narrativeUses ?? "",
    examples: s?.narrativeExamples ?? "",
    gaps: s?.narrativeGaps ?? "",
  };
}

// ---------------------------------------------------------------- assembly

/**
 * The shape of the cached data-call values (part of their cache keys, like REPORT_FORMAT):
 * bump it whenever what an assembled report contains or means changes.
 */
const DATA_CALL_FORMAT = 1;

/**
 * Today's figures of an agency, once per data version: through the report cache (memory,
 * the shared ReportCache table, single flight per view, the report gate and its "being
 * prepared" answer), keyed by the data version every record the assembly reads bumps
 * (engagements, activities, agencies, SDOs, core areas, key applications: DataVersion; the
 * committees, standards and their areas: InventoryVersion). The next view after any save
 * sees it. The indicators come from the coverage report filtered to the agency, cached
 * the same way (the dashboard's very view).
 */
async function cachedAssembly<F extends AnyFigure>(
  scope: Scope,
  agencyId: string,
  fiscalYear: number,
  now: Date,
  records: "counts" | "ids",
  assemble: (tx: Prisma.TransactionClient) => Promise<DataCallFigures<F> | null>,
): Promise<DataCallFigures<F>> {
  assertAgencyInScope(scope, agencyId);
  const [figures, { report }] = await Promise.all([
    cachedReport({
      kind: "datacall",
      day: toIsoDate(now),
      params: { format: DATA_CALL_FORMAT, records, agencyId, fiscalYear },
      read: assemble,
      build: (value) => value,
    }),
    loadGapReport(scope, { fy: fiscalYear, agency: agencyId }, now, { strict: true }),
  ]);
  if (!figures) throw new UserError("NOT_FOUND", NOT_YOURS);
  return { ...figures, indicators: indicatorFigures(indicatorRows(report)) };
}

/**
 * What the draft page shows: today's figures with the number of records behind each, counted
 * by the database (a few kB, cheap to keep), without the ids themselves.
 */
export function assembleDraft(scope: Scope, agencyId: string, fiscalYear: number, now: Date): Promise<DataCallFigures<FigureCount>> {
  return cachedAssembly(scope, agencyId, fiscalYear, now, "counts", async (tx) => {
    const counted = await readCountedAssembly(tx, agencyId, fiscalYear);
    return counted ? assembleCounted({ ...counted, indicators: [] }) : null;
  });
}

/**
 * Today's figures with the ids of the records behind every figure: what submitting freezes,
 * the export of a draft, the records page and "records changed since submission" need.
 */
export function assembleLive(scope: Scope, agencyId: string, fiscalYear: number, now: Date): Promise<DataCallFigures> {
  return cachedAssembly(scope, agencyId, fiscalYear, now, "ids", async (tx) => {
    const grouped = await readGroupedAssembly(tx, agencyId, fiscalYear);
    return grouped ? assembleGrouped({ ...grouped, indicators: [] }) : null;
  });
}

// ---------------------------------------------------------------- mutations

export async function openDataCall(tx: Tx, session: AppSession, input: OpenDataCallInput) {
  const existing = await tx.dataCall.findUnique({ where: { fiscalYear: input.fiscalYear }, select: { id: true } });
  if (existing) throw new UserError("VALIDATION", "Some fields need attention.", { fiscalYear: [`A data call for FY${input.fiscalYear} is already open`] });
  return tx.dataCall.create({
    data: {
      fiscalYear: input.fiscalYear,
      dueDate: new Date(`${input.dueDate}T00:00:00.000Z`),
      instructions: input.instructions,
      openedById: session.user.id,
      openedByEmail: session.user.email,
    },
  });
}

async function dataCallOrThrow(tx: Tx, dataCallId: string) {
  const call = await tx.dataCall.findUnique({ where: { id: dataCallId } });
  if (!call) throw new UserError("NOT_FOUND", "This data call does not exist.");
  return call;
}

/** The submission row, created as a draft on first use (the agency must exist). */
async function submissionFor(tx: Tx, dataCallId: string, agencyId: string) {
  const found = await tx.agencySubmission.findUnique({ where: { dataCallId_agencyId: { dataCallId, agencyId } } });
  if (found) return found;
  const agency = await tx.agency.findUnique({ where: { id: agencyId }, select: { id: true } });
  if (!agency) throw new UserError("NOT_FOUND", NOT_YOURS);
  return tx.agencySubmission.create({ data: { dataCallId, agencyId, status: "NOT_STARTED" } });
}

export function submissionSnapshot(s: { id: string; status: string; snapshotVersion: number; revision: number; returnReason: string | null }) {
  return { id: s.id, status: s.status, snapshotVersion: s.snapshotVersion, revision: s.revision, returnReason: s.returnReason };
}

export async function saveNarrative(tx: Tx, scope: Scope, input: NarrativeInput) {
  assertAgencyInScope(scope, input.agencyId);
  await dataCallOrThrow(tx, input.dataCallId);
  const before = await submissionFor(tx, input.dataCallId, input.agencyId);
  if (before.status === "SUBMITTED") throw new UserError("CONFLICT", "This submission is being reviewed; the narrative can be changed once it is accepted or returned.");
  if (before.revision !== input.revision) {
    throw new UserError("CONFLICT", "Someone else saved this narrative after you opened it. Nothing was saved; reload to see their text.");
  }
  const { count } = await tx.agencySubmission.updateMany({
    where: { id: before.id, revision: input.revision, status: { not: "SUBMITTED" } },
    data: {
      narrativeImportance: input.importance,
      narrativeUses: input.uses,
      narrativeExamples: input.examples,
      narrativeGaps: input.gaps,
      revision: { increment: 1 },
      // A returned or untouched submission becomes a draft; an accepted one keeps its status
      // (the text is the working copy of a future correction).
      ...(before.status === "ACCEPTED" ? {} : { status: "DRAFT" as const }),
    },
  });
  if (count === 0) throw new UserError("CONFLICT", "Someone else changed this submission meanwhile. Nothing was saved; reload and try again.");
  const after = await tx.agencySubmission.findUniqueOrThrow({ where: { id: before.id } });
  return { before, after };
}

async function freeze(
  tx: Tx,
  session: AppSession,
  submission: { id: string; snapshotVersion: number; status: SubmissionStatusName },
  allowed: readonly SubmissionStatusName[],
  figures: DataCallFigures,
  narrative: Narrative,
  reason: string | null,
) {
  const contentHash = snapshotHash(figures, narrative);
  const version = submission.snapshotVersion + 1;
  const { count } = await tx.agencySubmission.updateMany({
    where: { id: submission.id, snapshotVersion: submission.snapshotVersion, status: { in: [...allowed] } },
    data: { status: "SUBMITTED", snapshotVersion: version, returnReason: null },
  });
  if (count === 0) throw new UserError("CONFLICT", "This submission changed meanwhile (submitted or reviewed by someone else). Reload the page.");
  const snapshot = await tx.submissionSnapshot.create({
    data: {
      submissionId: submission.id,
      version,
      figures: figures as unknown as Prisma.InputJsonValue,
      narrative,
      contentHash,
      reason,
      createdById: session.user.id,
      createdByEmail: session.user.email,
    },
    select: { id: true, version: true, contentHash: true, createdAt: true },
  });
  return snapshot;
}

export async function submitSubmission(tx: Tx, session: AppSession, input: { dataCallId: string; agencyId: string }, figures: DataCallFigures) {
  assertAgencyInScope(session.scope, input.agencyId);
  await dataCallOrThrow(tx, input.dataCallId);
  const before = await submissionFor(tx, input.dataCallId, input.agencyId);
  if (before.status === "SUBMITTED") throw new UserError("CONFLICT", "This submission was already submitted and is waiting for review.");
  if (before.status === "ACCEPTED") throw new UserError("CONFLICT", "This submission was accepted; submit a correction with a reason instead.");
  const narrative = narrativeOf(before);
  const gaps = narrativeGaps(narrative);
  if (Object.keys(gaps).length) throw new UserError("VALIDATION", "Write every part of the narrative before submitting.", gaps);
  const snapshot = await freeze(tx, session, before, ["NOT_STARTED", "DRAFT", "RETURNED"], figures, narrative, null);
  return { before, snapshot };
}

export async function correctSubmission(tx: Tx, session: AppSession, input: CorrectionInput, figures: DataCallFigures) {
  assertAgencyInScope(session.scope, input.agencyId);
  await dataCallOrThrow(tx, input.dataCallId);
  const before = await tx.agencySubmission.findUnique({ where: { dataCallId_agencyId: { dataCallId: input.dataCallId, agencyId: input.agencyId } } });
  if (!before) throw new UserError("NOT_FOUND", NOT_YOURS);
  if (before.status !== "ACCEPTED") throw new UserError("CONFLICT", "Only an accepted submission is corrected; a draft or returned one is simply submitted.");
  const narrative = narrativeOf(before);
  const gaps = narrativeGaps(narrative);
  if (Object.keys(gaps).length) throw new UserError("VALIDATION", "Write every part of the narrative before submitting.", gaps);
  const snapshot = await freeze(tx, session, before, ["ACCEPTED"], figures, narrative, input.reason);
  return { before, snapshot };
}

export async function reviewSubmission(tx: Tx, session: AppSession, input: ReviewInput) {
  const before = await tx.agencySubmission.findUnique({ where: { id: input.submissionId } });
  if (!before) throw new UserError("NOT_FOUND", "This submission does not exist.");
  if (before.status !== "SUBMITTED") throw new UserError("CONFLICT", "Only a submitted report can be accepted or returned.");
  if (before.snapshotVersion !== input.snapshotVersion) {
    throw new UserError("CONFLICT", `A newer version (${before.snapshotVersion}) was submitted after you opened this page. Reload to review it.`);
  }
  const snapshot = await tx.submissionSnapshot.findUniqueOrThrow({ where: { submissionId_version: { submissionId: before.id, version: before.snapshotVersion } }, select: { id: true, contentHash: true } });
  const { count } = await tx.agencySubmission.updateMany({
    where: { id: before.id, status: "SUBMITTED", snapshotVersion: input.snapshotVersion },
    data: { status: input.decision, returnReason: input.decision === "RETURNED" ? input.reason : null },
  });
  if (count === 0) throw new UserError("CONFLICT", "This submission changed meanwhile. Reload the page.");
  await tx.submissionReview.create({
    data: {
      submissionId: before.id,
      snapshotId: snapshot.id,
      decision: input.decision,
      reason: input.reason || null,
      reviewedById: session.user.id,
      reviewedByEmail: session.user.email,
    },
  });
  const after = await tx.agencySubmission.findUniqueOrThrow({ where: { id: before.id } });
  return { before, after, contentHash: snapshot.contentHash };
}

// ---------------------------------------------------------------- reads

export async function listDataCalls() {
  return db.dataCall.findMany({ orderBy: { fiscalYear: "desc" }, select: { id: true, fiscalYear: true, dueDate: true, createdAt: true } });
}

export async function getDataCall(fiscalYear: number) {
  return db.dataCall.findUnique({ where: { fiscalYear } });
}

/** The latest accepted snapshot of each agency's submission to a data call. */
async function acceptedSnapshots(dataCallId: string, agencyId?: string) {
  const reviews = await db.submissionReview.findMany({
    where: { decision: "ACCEPTED", submission: { dataCallId, ...(agencyId ? { agencyId } : {}) } },
    orderBy: { snapshot: { version: "desc" } },
    select: {
      createdAt: true,
      reviewedByEmail: true,
      submission: { select: { agencyId: true, agency: { select: { acronym: true, name: true } } } },
      snapshot: { select: { id: true, version: true, figures: true, narrative: true, contentHash: true, createdAt: true, createdByEmail: true, reason: true } },
    },
  });
  const latest = new Map<string, (typeof reviews)[number]>();
  for (const r of reviews) if (!latest.has(r.submission.agencyId)) latest.set(r.submission.agencyId, r);
  return [...latest.values()];
}

export async function loadBoard(fiscalYear: number, now: Date) {
  const call = await getDataCall(fiscalYear);
  if (!call) return null;
  const [agencies, submissions] = await Promise.all([
    db.agency.findMany({ select: { id: true, acronym: true, name: true }, orderBy: { acronym: "asc" } }),
    db.agencySubmission.findMany({ where: { dataCallId: call.id }, select: { agencyId: true, status: true, snapshotVersion: true } }),
  ]);
  return { call: { ...call, dueDate: day(call.dueDate) }, ...buildBoard(agencies, submissions, day(call.dueDate), toIsoDate(now)), today: toIsoDate(now) };
}

export async function loadRollUp(fiscalYear: number) {
  const call = await getDataCall(fiscalYear);
  if (!call) return null;
  const accepted = await acceptedSnapshots(call.id);
  return {
    call: { ...call, dueDate: day(call.dueDate) },
    rollUp: buildRollUp(
      fiscalYear,
      accepted.map((a) => ({
        agencyId: a.submission.agencyId,
        acronym: a.submission.agency.acronym,
        snapshotVersion: a.snapshot.version,
        contentHash: a.snapshot.contentHash,
        figures: a.snapshot.figures as unknown as DataCallFigures,
      })),
    ),
  };
}

export interface SnapshotView {
  id: string;
  version: number;
  figures: DataCallFigures;
  narrative: Narrative;
  contentHash: string;
  reason: string | null;
  createdAt: string;
  createdByEmail: string;
}

function snapshotView(s: { id: string; version: number; figures: unknown; narrative: unknown; contentHash: string; reason: string | null; createdAt: Date; createdByEmail: string }): SnapshotView {
  return { ...s, figures: s.figures as DataCallFigures, narrative: s.narrative as Narrative, createdAt: s.createdAt.toISOString() };
}

/**
 * Everything the submission page shows, or null when the caller may not see it: admins any
 * agency, coordinators their own; leads and viewers only an accepted submission (its latest
 * accepted snapshot). Today's figures (full access) come with the ids of their records when
 * `records` asks for them: "all" (exports, the records page), "changes" (only when a frozen
 * version exists, for "records changed since submission"); otherwise counted.
 */
export async function loadSubmission(session: AppSession, fiscalYear: number, agencyId: string, now: Date, options: { records?: "none" | "changes" | "all" } = {}) {
  const scope = session.scope;
  const call = await getDataCall(fiscalYear);
  if (!call) return null;
  if (isAgencyScoped(scope.role) && scope.agencyId !== agencyId) return null;
  // Independent reads together (each a short query on its own pooled connection).
  const [agency, submission, previousCall] = await Promise.all([
    db.agency.findUnique({ where: { id: agencyId }, select: { id: true, acronym: true, name: true } }),
    db.agencySubmission.findUnique({
      where: { dataCallId_agencyId: { dataCallId: call.id, agencyId } },
      include: {
        snapshots: { orderBy: { version: "desc" } },
        reviews: { orderBy: { createdAt: "desc" }, include: { snapshot: { select: { version: true } } } },
      },
    }),
    // Previous fiscal year's call, for the year-over-year comparison.
    getDataCall(fiscalYear - 1),
  ]);
  if (!agency) return null;
  const fullAccess = scope.role === "ADMIN" || (scope.role === "COORDINATOR" && scope.agencyId === agencyId);
  const snapshots = (submission?.snapshots ?? []).map(snapshotView);
  const acceptedVersions = new Set((submission?.reviews ?? []).filter((r) => r.decision === "ACCEPTED").map((r) => r.snapshot.version));
  const accepted = snapshots.find((s) => acceptedVersions.has(s.version)) ?? null;
  if (!fullAccess && !accepted) return null;

  const records = options.records ?? "none";
  const withIds = fullAccess && (records === "all" || (records === "changes" && snapshots.length > 0));
  const [previous, live] = await Promise.all([
    previousCall ? acceptedSnapshots(previousCall.id, agencyId).then((found) => found[0] ?? null) : null,
    // Today's figures (full access): with their record ids when asked, else counted.
    !fullAccess ? null : withIds ? assembleLive(scope, agencyId, fiscalYear, now) : assembleDraft(scope, agencyId, fiscalYear, now),
  ]);
  const liveRecords = withIds && live ? (live as DataCallFigures) : null;
  const status: SubmissionStatusName = submission?.status ?? "NOT_STARTED";
  return {
    call: { ...call, dueDate: day(call.dueDate) },
    agency,
    fullAccess,
    submission: submission
      ? { id: submission.id, status, snapshotVersion: submission.snapshotVersion, revision: submission.revision, returnReason: submission.returnReason }
      : { id: null, status, snapshotVersion: 0, revision: 1, returnReason: null },
    narrative: fullAccess ? narrativeOf(submission) : (accepted?.narrative ?? narrativeOf(null)),
    latest: fullAccess ? (snapshots[0] ?? null) : accepted,
    accepted,
    history: fullAccess
      ? {
          snapshots: snapshots.map((s) => ({ version: s.version, contentHash: s.contentHash, reason: s.reason, createdAt: s.createdAt, createdByEmail: s.createdByEmail })),
          reviews: (submission?.reviews ?? []).map((r) => ({ version: r.snapshot.version, decision: r.decision, reason: r.reason, createdAt: r.createdAt.toISOString(), reviewedByEmail: r.reviewedByEmail })),
        }
      : null,
    /** The frozen versions this reader may open: all for full access, else the accepted one. */
    snapshots: fullAccess ? snapshots : accepted ? [accepted] : [],
    previous: previous ? { fiscalYear: fiscalYear - 1, version: previous.snapshot.version, figures: previous.snapshot.figures as unknown as DataCallFigures } : null,
    /** Today's figures (full access): with record ids when loaded, else counted. */
    live: live as DataCallFigures<AnyFigure> | null,
    /** Today's figures with record ids, when `records` asked for them. */
    liveRecords,
  };
}

export type SubmissionPageData = NonNullable<Awaited<ReturnType<typeof loadSubmission>>>;

/**
 * The figures of one source with their record ids: "live" (full access, loaded with
 * `records: "all"`) or a frozen version the reader may open; null when neither.
 */
export function figuresOf(data: SubmissionPageData, source: "live" | number): { figures: DataCallFigures; frozen: SnapshotView | null } | null {
  if (source === "live") return data.liveRecords ? { figures: data.liveRecords, frozen: null } : null;
  const frozen = data.snapshots.find((s) => s.version === source);
  return frozen ? { figures: frozen.figures, frozen } : null;
}

/** The figures a reader sees or prints: the live draft (full access) or the frozen snapshot. */
export function figuresToShow(data: SubmissionPageData): { figures: DataCallFigures<AnyFigure>; frozen: SnapshotView | null } | null {
  return pickShown(data, data.live);
}

/** The same with the record ids behind every figure (exports; load with `records: "all"`). */
export function recordsToShow(data: SubmissionPageData): { figures: DataCallFigures; frozen: SnapshotView | null } | null {
  return pickShown(data, data.liveRecords);
}

function pickShown<F extends AnyFigure>(data: SubmissionPageData, live: DataCallFigures<F> | null): { figures: DataCallFigures<F> | DataCallFigures; frozen: SnapshotView | null } | null {
  const s = data.submission.status;
  if (data.fullAccess && (s === "NOT_STARTED" || s === "DRAFT" || s === "RETURNED") && live) return { figures: live, frozen: null };
  if (data.latest) return { figures: data.latest.figures, frozen: data.latest };
  return live ? { figures: live, frozen: null } : null;
}

/** The status of one frozen version: its latest review, or the submission's status while it is the latest. */
export function versionStatus(data: SubmissionPageData, version: number): string {
  if (data.accepted?.version === version) return "ACCEPTED";
  if (version === data.submission.snapshotVersion) return data.submission.status;
  return data.history?.reviews.find((r) => r.version === version)?.decision ?? "SUPERSEDED";
}
