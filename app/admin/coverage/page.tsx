// Coverage engine settings (ADMIN only): the depth weights and stale period behind the
// dashboard's scores and flags, and the indicators that measure each recommendation.
import type { Metadata } from "next";
import Link from "@/ui/link";
import { connection } from "next/server";
import { INDICATOR_KIND_LABEL, formatValue, SHARE_KINDS } from "@/domain/coverage-indicators";
import { requirePage } from "@/server/auth/session";
import { getCoverageAdmin } from "@/server/coverage/settings";
import { DEPTH_LABELS, ROLE_LABELS } from "@/domain/participation/inputs";
import { listContradictingEngagements } from "@/server/participation/engagements";
import { fromDate } from "@/server/participation/scope";
import { PageHeading } from "@/ui/page-heading";
import { CoverageSettingsForm, IndicatorForm, type IndicatorFormValues } from "@/ui/coverage/admin-forms";

export const metadata: Metadata = { title: "Coverage settings" };

export default async function CoverageSettingsPage() {
  await connection();
  await requirePage("settings.manage", "/admin/coverage");
  const [data, contradicting] = await Promise.all([getCoverageAdmin(), listContradictingEngagements()]);
  return (
    <>
      <PageHeading
        title="Coverage settings"
        lead={
          <p>
            How the <Link href="/dashboard">coverage dashboard</Link> scores engagement and measures the NISTIR 8074 recommendations. Every change
            is audited and applies to the next report.
          </p>
        }
      />
      <h2>Scoring</h2>
      <p className="max-w-3xl">
        The depth-weighted score (the volume) adds up each active engagement&apos;s weight by how deeply the person takes part. Every status —
        indicator, recommendation, objective — compares its attainment (value ÷ target, at most 100%) with the same thresholds: met from the
        first, partial from the second, a gap below. A subject is flagged “not confirmed lately” when none of its seats started, ended or was
        confirmed still active for the given number of months.
      </p>
      <CoverageSettingsForm initial={data.settings} />

      <h2 id="role-depth">Engagements whose role and depth disagree</h2>
      <p className="max-w-3xl">
        A leadership role (chair, convenor, editor…) is a leadership position and is entered at depth “Lead”; the forms refuse any other
        pair. Rows saved before that check, or written another way, are listed here to be corrected by hand: nothing rewrites them. They
        already count as leadership positions (by their role).
      </p>
      {contradicting.total === 0 ? (
        <p>None: every leadership role is at depth “Lead”.</p>
      ) : (
        <>
          <p>
            {contradicting.total} {contradicting.total === 1 ? "engagement" : "engagements"}
            {contradicting.total > contradicting.rows.length ? `; the first ${contradicting.rows.length} are listed` : ""}.
          </p>
          <div className="overflow-x-auto">
            <table className="data-table">
              <caption className="sr-only">Engagements in a leadership role below depth Lead</caption>
              <thead>
                <tr>
                  <th scope="col">Engagement</th>
                  <th scope="col">Agency</th>
                  <th scope="col">Role</th>
                  <th scope="col">Depth</th>
                  <th scope="col">Started</th>
                  <th scope="col">Fix</th>
                </tr>
              </thead>
              <tbody>
                {contradicting.rows.map((e) => {
                  const where = e.committee?.designation ?? e.standard?.designation ?? "—";
                  return (
                    <tr key={e.id}>
                      <th scope="row">
                        <Link href={`/engagements/${encodeURIComponent(e.id)}`}>
                          {e.participant.name} in {where}
                        </Link>
                      </th>
                      <td>{e.agency.acronym}</td>
                      <td>{ROLE_LABELS[e.role]}</td>
                      <td>{DEPTH_LABELS[e.depth]}</td>
                      <td>{fromDate(e.startDate)}</td>
                      <td>
                        <Link href={`/engagements/${encodeURIComponent(e.id)}/edit`}>
                          Edit<span className="sr-only"> the engagement of {e.participant.name} in {where}</span>
                        </Link>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}

      <h2>Indicators</h2>
      <p className="max-w-3xl">
        Each indicator measures one recommendation against a yearly, government-wide target; its status follows the thresholds above.
      </p>
      <ul className="m-0 list-none space-y-4 p-0">
        {data.indicators.map((i) => {
          const format = SHARE_KINDS.has(i.kind) ? "percent" : "number";
          const initial: IndicatorFormValues = {
            id: i.id,
            version: i.version,
            kind: i.kind,
            name: i.name,
            description: i.description,
            unit: i.unit,
            target: i.target,
            params: (i.params ?? {}) as IndicatorFormValues["params"],
          };
          return (
            <li key={i.id} className="rounded border border-[#dfe1e2] bg-white p-4">
              <h3 className="mt-0">{i.name}</h3>
              <p className="m-0 text-sm text-[#565c65]">
                Recommendation {i.recommendation.number}: {i.recommendation.title} · {INDICATOR_KIND_LABEL[i.kind]} · code {i.code}
              </p>
              <p className="m-0 mt-1">
                Target {formatValue(i.target, format)} {i.unit}.
              </p>
              <details className="mt-2">
                <summary className="cursor-pointer font-semibold text-[#005ea2]">
                  Edit<span className="sr-only"> {i.name}</span>
                </summary>
                <div className="mt-3">
                  <IndicatorForm initial={initial} coreAreas={data.coreAreas} committees={data.committees} />
                </div>
              </details>
            </li>
          );
        })}
      </ul>
    </>
  );
}
