// Undoing a committed import: restores every record it changed (updates back to their
// before-state, removals re-created with their links, creations deleted), but only when
// each of those records is still exactly as the import left it and nothing added since
// depends on what it created. Otherwise a clear refusal; nothing is changed.
import "server-only";
import { describeError } from "@/lib/log-redact";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/server/db/client";
import { UserError } from "@/server/errors";
import { deleteByIds, lockInventoryTables, readCommittees, readSdos, readStandards, recordJson, stage, writeStaged, type InventoryEntity } from "./bulk-sql";
import { recordRowsSql } from "./record-sets";
import { claimRun } from "./recovery";
import type { Actor } from "./commit";
import { COMMIT_TIMEOUT_MS } from "./commit";
import { clearProgress, reportProgress } from "./progress";

type Tx = Prisma.TransactionClient;
type Snap = Record<string, unknown> & { id: string };

interface LoadedChange {
  entityType: "Sdo" | "Committee" | "Standard";
  entityId: string;
  op: "CREATE" | "UPDATE" | "DELETE";
  before: Snap | null;
  after: Snap | null;
}

const same = (a: unknown, b: unknown): boolean =>
  Array.isArray(a) && Array.isArray(b) ? a.length === b.length && [...a].sort().every((v, i) => v === [...b].sort()[i]) : (a ?? null) === (b ?? null);

function label(c: LoadedChange, snap: Snap | null | undefined): string {
  const s = snap ?? c.after ?? c.before;
  const name = (s?.designation ?? s?.acronym ?? c.entityId) as string;
  return `${c.entityType === "Sdo" ? "SDO" : c.entityType.toLowerCase()} ${name}`;
}

/**
 * What the run changed: its creations from the record sets the commit kept (after =
 * the state it wrote), its updates and removals from ImportChange. Runs committed
 * before record sets existed have everything in ImportChange.
 */
async function loadChanges(tx: Tx, runId: string): Promise<LoadedChange[]> {
  const logged = (await tx.importChange.findMany({
    where: { importRunId: runId },
    select: { entityType: true, entityId: true, op: true, before: true, after: true },
    orderBy: { id: "asc" },
  })) as unknown as LoadedChange[];
  const list: LoadedChange[] = [];
  for (const entity of ["Sdo", "Committee", "Standard"] as const) {
    const created = await tx.$queryRawUnsafe<LoadedChange[]>(
      `SELECT '${entity}' AS "entityType", r.id AS "entityId", 'CREATE' AS op, NULL::jsonb AS before, ${recordJson(entity, "r", "stage")} AS after
       FROM (${recordRowsSql(entity, `s."importRunId" = $1 AND s."uploadId" IS NULL AND s.op = 'CREATE'`)}) r`,
      runId,
    );
    list.push(...created, ...logged.filter((c) => c.entityType === entity && c.op !== "DELETE"));
  }
  list.push(...logged.filter((c) => c.op === "DELETE"));
  return list;
}

/** Why the run cannot be undone (empty = it can). */
export async function undoConflicts(tx: Tx, runId: string, changes?: LoadedChange[]): Promise<string[]> {
  const list = changes ?? (await loadChanges(tx, runId));
  const ids = (type: LoadedChange["entityType"]) => list.filter((c) => c.entityType === type).map((c) => c.entityId);
  const current = new Map<string, Snap>();
  for (const s of await readSdos(tx, ids("Sdo"))) current.set(`Sdo:${s.id}`, s as unknown as Snap);
  for (const c of await readCommittees(tx, ids("Committee"))) current.set(`Committee:${c.id}`, c as unknown as Snap);
  for (const s of await readStandards(tx, { ids: ids("Standard") })) current.set(`Standard:${s.id}`, s as unknown as Snap);

  const problems: string[] = [];
  for (const c of list) {
    const now = current.get(`${c.entityType}:${c.entityId}`);
    if (c.op === "DELETE") {
      if (now) problems.push(`${label(c, now)} exists again`);
      continue;
    }
    if (!now) {
      problems.push(`${label(c, null)} was deleted after this import`);
      continue;
    }
    const after = c.after!;
    const changed = Object.keys(after).filter((k) => k !== "id" && !same(after[k], now[k]));
    if (changed.length) problems.push(`${label(c, now)} was changed after this import (${changed.join(", ")})`);
  }

  // Natural keys of removed records must be free to restore them.
  const deletedStandards = list.filter((c) => c.entityType === "Standard" && c.op === "DELETE").map((c) => c.before!);
  if (deletedStandards.length) {
    const taken = await tx.$queryRawUnsafe<{ designation: string }[]>(
      `SELECT s.designation FROM "Standard" s JOIN jsonb_to_recordset($1::jsonb) AS r("sdoId" text, designation text)
         ON r."sdoId" = s."sdoId" AND r.designation = s.designation LIMIT 20`,
      JSON.stringify(deletedStandards.map((s) => ({ sdoId: s.sdoId, designation: s.designation }))),
    );
    for (const t of taken) problems.push(`standard ${t.designation} was removed by this import and has been added again since`);
  }
  const deletedCommittees = list.filter((c) => c.entityType === "Committee" && c.op === "DELETE").map((c) => c.before!.designation as string);
  if (deletedCommittees.length) {
    const taken = await tx.committee.findMany({ where: { designation: { in: deletedCommittees } }, select: { designation: true }, take: 20 });
    for (const t of taken) problems.push(`committee ${t.designation} was removed by this import and has been added again since`);
  }

  // Records added since that depend on what this import created.
  const created = (type: LoadedChange["entityType"]) => list.filter((c) => c.entityType === type && c.op === "CREATE").map((c) => c.entityId);
  const touched = (type: LoadedChange["entityType"]) => list.filter((c) => c.entityType === type && c.op !== "DELETE").map((c) => c.entityId);
  const [cStd, cCom, cSdo] = [created("Standard"), created("Committee"), created("Sdo")];
  if (cStd.length || cCom.length || cSdo.length) {
    const deps = await tx.$queryRawUnsafe<{ what: string; n: bigint | number }[]>(
      `SELECT 'engagements' AS what, count(*) AS n FROM "Engagement" WHERE "standardId" = ANY($1::text[]) OR "committeeId" = ANY($2::text[])
       UNION ALL SELECT 'activities', count(*) FROM "Activity" WHERE "standardId" = ANY($1::text[]) OR "committeeId" = ANY($2::text[]) OR "sdoId" = ANY($3::text[])
       UNION ALL SELECT 'standards added since', count(*) FROM "Standard" WHERE ("committeeId" = ANY($2::text[]) OR "sdoId" = ANY($3::text[])) AND NOT (id = ANY($4::text[]))
       UNION ALL SELECT 'committees added since', count(*) FROM "Committee" WHERE ("parentId" = ANY($2::text[]) OR "sdoId" = ANY($3::text[])) AND NOT (id = ANY($5::text[]))`,
      cStd,
      cCom,
      cSdo,
      touched("Standard"),
      touched("Committee"),
    );
    for (const d of deps) if (Number(d.n) > 0) problems.push(`${Number(d.n)} ${d.what} now refer to records this import created`);
  }
  return problems;
}

export function refusal(problems: string[]): UserError {
  const shown = problems.slice(0, 5).join("; ");
  const more = problems.length > 5 ? `; and ${problems.length - 5} more` : "";
  return new UserError("CONFLICT", `This import cannot be undone: ${shown}${more}. Nothing was changed.`);
}

/** Checks made by the undo action before the job is scheduled; marks the run as being undone. */
export async function startUndo(tx: Tx, runId: string) {
  const run = await tx.importRun.findUnique({ where: { id: runId }, select: { id: true, status: true, phase: true, fileName: true } });
  if (!run) throw new UserError("NOT_FOUND", "That import does not exist.");
  if (run.status !== "COMMITTED") throw new UserError("CONFLICT", `Only a committed import can be undone; this one is ${run.status.toLowerCase()}.`);
  if (run.phase === "undo") throw new UserError("CONFLICT", "This import is already being undone.");
  const problems = await undoConflicts(tx, runId);
  if (problems.length) throw refusal(problems);
  await tx.importRun.update({ where: { id: runId }, data: { phase: "undo", progress: 0, error: null } });
  return run;
}

const depthOrder = (rows: { id: string; parentId: string | null }[]) => {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const depth = new Map<string, number>();
  const of = (r: { id: string; parentId: string | null }): number => {
    const known = depth.get(r.id);
    if (known !== undefined) return known;
    let d = 0;
    for (let p = r.parentId ? byId.get(r.parentId) : undefined; p && d < 1000; p = p.parentId ? byId.get(p.parentId) : undefined) d++;
    depth.set(r.id, d);
    return d;
  };
  return (a: { id: string; parentId: string | null }, b: { id: string; parentId: string | null }) => of(a) - of(b);
};

async function applyUndo(tx: Tx, changes: LoadedChange[], progress: (f: number) => void) {
  const pick = (type: LoadedChange["entityType"], op: LoadedChange["op"]) => changes.filter((c) => c.entityType === type && c.op === op);
  // 1. Re-create what a sync removed (with links) and put updated records back: SDOs,
  //    committees, standards, each staged and written set-based.
  for (const [i, entity] of (["Sdo", "Committee", "Standard"] as InventoryEntity[]).entries()) {
    const rows = [
      ...pick(entity, "DELETE").map((c) => ({ ...c.before!, op: "create" })),
      ...pick(entity, "UPDATE").map((c) => ({ ...c.before!, op: "update" })),
    ];
    if (rows.length) {
      await stage(tx, entity, rows);
      await writeStaged(tx, entity);
    }
    progress(0.2 * (i + 1));
  }
  // 2. Delete what it created: standards, committees deepest first, SDOs.
  await deleteByIds(tx, "Standard", pick("Standard", "CREATE").map((c) => c.entityId));
  const created = pick("Committee", "CREATE").map((c) => c.after as unknown as { id: string; parentId: string | null });
  const order = depthOrder(created);
  for (const c of [...created].sort((a, b) => order(b, a))) await deleteByIds(tx, "Committee", [c.id]);
  await deleteByIds(tx, "Sdo", pick("Sdo", "CREATE").map((c) => c.entityId));
  progress(0.95);
}

/** The undo job. Never throws: the outcome is recorded on the run. */
export async function undoImportRun(runId: string, actor: Actor): Promise<void> {
  const started = performance.now();
  void reportProgress(runId, "undo", 0.01, false);
  try {
    await db.$transaction(
      async (tx) => {
        await claimRun(tx, runId);
        await lockInventoryTables(tx);
        const run = await tx.importRun.findUniqueOrThrow({ where: { id: runId } });
        if (run.status !== "COMMITTED" || run.phase !== "undo") return;
        const changes = await loadChanges(tx, runId);
        const problems = await undoConflicts(tx, runId, changes);
        if (problems.length) throw refusal(problems);
        await applyUndo(tx, changes, (f) => void reportProgress(runId, "undo", f, false));
        const undoMs = Math.round(performance.now() - started);
        const summary = (run.summary ?? {}) as Record<string, unknown>;
        await tx.importRun.update({
          where: { id: runId },
          data: {
            status: "UNDONE",
            phase: null,
            progress: 1,
            undoneAt: new Date(),
            summary: { ...summary, timings: { ...((summary.timings as object) ?? {}), undoMs } } as object,
          },
        });
        await tx.auditEvent.create({
          data: {
            actorId: actor.id,
            actorEmail: actor.email,
            action: "import.undone",
            entityType: "ImportRun",
            entityId: runId,
            after: { fileName: run.fileName, restored: changes.length },
          },
        });
      },
      { timeout: COMMIT_TIMEOUT_MS, maxWait: 60_000 },
    );
  } catch (error) {
    const message = error instanceof UserError ? error.message : "The undo failed and was rolled back. Nothing was changed.";
    if (!(error instanceof UserError)) console.error(`[imports] undo ${runId} failed: ${describeError(error)}`);
    await db.importRun.update({ where: { id: runId }, data: { phase: null, error: message } });
  } finally {
    clearProgress(runId);
  }
}
