// The records behind one figure of a data-call report, by the ids the figure keeps (so a
// frozen snapshot lists exactly what it counted; records deleted since are reported missing).
import "server-only";
import type { Figure } from "@/domain/data-call/assembly";
import { ACTIVITY_LABELS, DEPTH_LABELS, ROLE_LABELS, STANDARD_USE_LABELS } from "@/domain/participation/inputs";
import { db } from "@/server/db/client";

const LIMIT = 500;
const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

export async function figureRecords(figure: Figure) {
  const ids = figure.ids.slice(0, LIMIT);
  if (figure.records === "engagements") {
    const rows = await db.engagement.findMany({
      where: { id: { in: ids } },
      select: { id: true, role: true, depth: true, startDate: true, endDate: true, participant: { select: { name: true } }, committee: { select: { designation: true } }, standard: { select: { designation: true } } },
    });
    const byId = new Map(rows.map((r) => [r.id, r]));
    return {
      kind: "engagements" as const,
      truncated: figure.ids.length > LIMIT,
      rows: ids.map((id) => {
        const r = byId.get(id);
        return r
          ? { id, href: `/engagements/${encodeURIComponent(id)}`, title: `${r.participant.name}: ${r.committee?.designation ?? r.standard?.designation ?? "—"}`, detail: `${ROLE_LABELS[r.role]}, ${DEPTH_LABELS[r.depth].toLowerCase()}`, dates: `${day(r.startDate)} – ${day(r.endDate) ?? "ongoing"}` }
          : { id, href: null, title: "Deleted since", detail: "", dates: "" };
      }),
    };
  }
  const rows = await db.activity.findMany({ where: { id: { in: ids } }, select: { id: true, title: true, kind: true, startDate: true, standardUse: true } });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return {
    kind: "activities" as const,
    truncated: figure.ids.length > LIMIT,
    rows: ids.map((id) => {
      const r = byId.get(id);
      return r
        ? { id, href: `/activities/${encodeURIComponent(id)}`, title: r.title, detail: r.standardUse ? `${ACTIVITY_LABELS[r.kind]}: ${STANDARD_USE_LABELS[r.standardUse].toLowerCase()}` : ACTIVITY_LABELS[r.kind], dates: day(r.startDate) ?? "" }
        : { id, href: null, title: "Deleted since", detail: "", dates: "" };
    }),
  };
}
