// Coverage engine settings (ADMIN only): the depth weights and stale period behind the
// dashboard's scores and flags, and the indicators that measure each recommendation.
import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { INDICATOR_KIND_LABEL, formatValue, SHARE_KINDS } from "@/domain/coverage-indicators";
import { requirePage } from "@/server/auth/session";
import { getCoverageAdmin } from "@/server/coverage/settings";
import { PageHeading } from "@/ui/page-heading";
import { CoverageSettingsForm, IndicatorForm, type IndicatorFormValues } from "@/ui/coverage/admin-forms";

export const metadata: Metadata = { title: "Coverage settings" };

export default async function CoverageSettingsPage() {
  await connection();
  await requirePage("settings.manage", "/admin/coverage");
  const data = await getCoverageAdmin();
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
        The depth-weighted score adds up each active engagement&apos;s weight by how deeply the person takes part. A subject is flagged as stale
        when nothing started or ended there for the given number of months.
      </p>
      <CoverageSettingsForm initial={data.settings} />

      <h2>Indicators</h2>
      <p className="max-w-3xl">
        Each indicator measures one recommendation against a yearly, government-wide target. Below the target but at or above the “partial
        from” share of it, an indicator is partial; further below, it is a gap.
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
            partialRatio: i.partialRatio,
            params: (i.params ?? {}) as IndicatorFormValues["params"],
          };
          return (
            <li key={i.id} className="rounded border border-[#dfe1e2] bg-white p-4">
              <h3 className="mt-0">{i.name}</h3>
              <p className="m-0 text-sm text-[#565c65]">
                Recommendation {i.recommendation.number}: {i.recommendation.title} · {INDICATOR_KIND_LABEL[i.kind]} · code {i.code}
              </p>
              <p className="m-0 mt-1">
                Target {formatValue(i.target, format)} {i.unit}; partial from {Math.round(i.partialRatio * 100)}% of it.
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
