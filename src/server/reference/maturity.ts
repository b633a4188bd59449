// Core area x key application maturity cells (NISTIR 8074 Vol. 2 table).
import "server-only";
import { db } from "@/server/db/client";
import { attachSources } from "./sources";
import type { Maturity, ProvenanceInfo } from "./types";

export interface MaturityCellView {
  coreAreaId: string;
  coreAreaName: string;
  keyApplicationId: string;
  keyApplicationName: string;
  /** null when no cell is recorded for this pair. */
  level: Maturity | null;
  provenanceInfo: ProvenanceInfo | null;
}

/** One row of the matrix: every key application for a core area, or every core area for a key application. */
export async function maturityRow(axis: { coreAreaId: string } | { keyApplicationId: string }): Promise<MaturityCellView[]> {
  const byCoreArea = "coreAreaId" in axis;
  const [others, cells] = await Promise.all([
    byCoreArea
      ? db.keyApplication.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } })
      : db.coreArea.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db.maturityCell.findMany({
      where: axis,
      select: { coreAreaId: true, keyApplicationId: true, level: true, provenance: true, sourceRefs: true },
    }),
  ]);
  const self = byCoreArea
    ? await db.coreArea.findUnique({ where: { id: axis.coreAreaId }, select: { id: true, name: true } })
    : await db.keyApplication.findUnique({ where: { id: axis.keyApplicationId }, select: { id: true, name: true } });
  if (!self) return [];
  const info = await attachSources(cells);
  const cellByOther = new Map(cells.map((c) => [byCoreArea ? c.keyApplicationId : c.coreAreaId, c]));
  return others.map((other) => {
    const cell = cellByOther.get(other.id);
    const coreArea = byCoreArea ? self : other;
    const keyApplication = byCoreArea ? other : self;
    return {
      coreAreaId: coreArea.id,
      coreAreaName: coreArea.name,
      keyApplicationId: keyApplication.id,
      keyApplicationName: keyApplication.name,
      level: cell?.level ?? null,
      provenanceInfo: cell ? info(cell) : null,
    };
  });
}
