// The per-core-area coverage numbers as a person would write them by hand: one statement,
// no engine. The benchmarks' floor for a report computation (coverage-bench, load-bench).
// Same meanings as the engine (README, "How the numbers are computed"): leadership by role,
// last activity including the "confirmed still active" day, the depth level (deepest seat)
// and the seats at "contribute" or deeper.
import { Prisma } from "@/generated/prisma/client";

/** The per-core-area numbers as a person would write them: one statement, no engine. */
export function handWrittenCoreAreaQuery(start: string, end: string, asOf: string) {
  return Prisma.sql`
WITH e AS (
  SELECT e.id, e."participantId", e."agencyId", e.depth, e.role, e."startDate", e."endDate", e."lastConfirmedOn", e."committeeId", e."standardId"
  FROM "Engagement" e
  WHERE e."startDate" <= ${end}::date AND (e."endDate" IS NULL OR e."endDate" >= ${start}::date)
), ec AS (
  SELECT e.id, l."coreAreaId" FROM e JOIN "CoreAreaCommittee" l ON l."committeeId" = e."committeeId"
  UNION
  SELECT e.id, l."coreAreaId" FROM e JOIN "StandardCoreArea" l ON l."standardId" = e."standardId"
)
SELECT ec."coreAreaId" AS id,
  count(*)::int AS engagements,
  count(DISTINCT e."participantId")::int AS participants,
  count(DISTINCT e."agencyId")::int AS agencies,
  (count(*) FILTER (WHERE e.role IN ('HEAD_OF_DELEGATION','EDITOR','CO_EDITOR','RAPPORTEUR','CONVENOR','CHAIR','VICE_CHAIR','SECRETARY')))::int AS leadership,
  sum(CASE e.depth WHEN 'OBSERVE' THEN 1 WHEN 'ATTEND' THEN 2 WHEN 'CONTRIBUTE' THEN 3 ELSE 4 END)::int AS score,
  max(CASE e.depth WHEN 'OBSERVE' THEN 1 WHEN 'ATTEND' THEN 2 WHEN 'CONTRIBUTE' THEN 3 ELSE 4 END)::int AS level,
  (count(*) FILTER (WHERE e.depth IN ('CONTRIBUTE', 'LEAD')))::int AS deep,
  max(GREATEST(CASE WHEN e."startDate" <= ${asOf}::date THEN e."startDate" END,
               CASE WHEN e."endDate" <= ${asOf}::date THEN e."endDate" END,
               CASE WHEN e."lastConfirmedOn" <= ${asOf}::date THEN e."lastConfirmedOn" END))::text AS "lastActivity"
FROM ec JOIN e ON e.id = ec.id
GROUP BY ec."coreAreaId"
ORDER BY ec."coreAreaId"`;
}

